package org.rulesascode.nssf.rules.internal;

import org.kie.api.KieBase;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Everything one engine needs: legal catalogue, parameter tree and its timeline, compiled rules, messages and
 * the version hash. Immutable; the standard one is built once per JVM and shared.
 */
public record RuleSet(LegalCatalogue catalogue, ParameterTree parameters, ParamTimeline timeline, RuleBase rules,
                      Messages messages, String version) {

    /** @return the standard rule set (built on first use) */
    public static RuleSet standard() {
        return Standard.INSTANCE;
    }

    /** Builds a rule set from file texts (relative path → text). */
    public static RuleSet build(Map<String, String> sourceFiles, Map<String, String> parameterFiles, Map<String, String> drl) {
        LegalCatalogue catalogue = LegalCatalogue.parse(sourceFiles);
        ParameterTree tree = ParameterTree.parse(parameterFiles, catalogue);
        RuleBase rules = RuleBase.build(drl, catalogue, tree);
        return new RuleSet(catalogue, tree, new ParamTimeline(tree), rules, Messages.load(),
                RuleBase.version(drl, parameterFiles, sourceFiles, null));
    }

    /**
     * The system property that chooses how the standard rules are built: {@code model} (the default: the executable
     * model compiled at build time, fast to start) or {@code drl} (compile the DRL at run time, as structural reforms
     * do; for comparisons).
     */
    public static final String KIEBASE_PROPERTY = "nssf.rules.kiebase";

    /** Builds the standard rule set from the class path, from the rules compiled at build time unless told otherwise. */
    static RuleSet standardFromClassPath(boolean compiledAtBuildTime) {
        long t0 = System.nanoTime();
        Map<String, String> drl = RuleBase.standardDrl();
        // the compiled rules load on a second thread while this one reads the parameters and legal sources
        FutureTask<KieBase> model = compiledAtBuildTime ? new FutureTask<>(() -> RuleBase.modelKieBase(drl)) : null;
        if (model != null) {
            Thread loader = new Thread(model, "nssf-rules-load");
            loader.setDaemon(true);
            loader.start();
        }
        Map<String, String> sourceFiles = ResourceFiles.read("legal-sources", ".yaml");
        Map<String, String> parameterFiles = ResourceFiles.read("parameters", ".yaml");
        LegalCatalogue catalogue = LegalCatalogue.parse(sourceFiles);
        ParameterTree tree = ParameterTree.parse(parameterFiles, catalogue);
        Messages messages = Messages.load();
        RuleBase rules = model != null ? RuleBase.fromKieBase(join(model), drl, catalogue, tree, t0) : RuleBase.build(drl, catalogue, tree);
        return new RuleSet(catalogue, tree, new ParamTimeline(tree), rules, messages,
                RuleBase.version(drl, parameterFiles, sourceFiles, null));
    }

    private static KieBase join(FutureTask<KieBase> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the compiled rules", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException("cannot load the compiled rules", e.getCause());
        }
    }

    private static final class Standard {
        static final RuleSet INSTANCE = standardFromClassPath(!"drl".equals(System.getProperty(KIEBASE_PROPERTY, "model")));
    }
}
