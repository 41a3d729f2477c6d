package org.rulesascode.nssf.rules.internal;

import java.util.Map;

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
        Map<String, String> sourceFiles = ResourceFiles.read("legal-sources", ".yaml");
        Map<String, String> parameterFiles = ResourceFiles.read("parameters", ".yaml");
        Map<String, String> drl = RuleBase.standardDrl();
        LegalCatalogue catalogue = LegalCatalogue.parse(sourceFiles);
        ParameterTree tree = ParameterTree.parse(parameterFiles, catalogue);
        RuleBase rules = compiledAtBuildTime ? RuleBase.fromModel(drl, catalogue, tree) : RuleBase.build(drl, catalogue, tree);
        return new RuleSet(catalogue, tree, new ParamTimeline(tree), rules, Messages.load(),
                RuleBase.version(drl, parameterFiles, sourceFiles, null));
    }

    private static final class Standard {
        static final RuleSet INSTANCE = standardFromClassPath(!"drl".equals(System.getProperty(KIEBASE_PROPERTY, "model")));
    }
}
