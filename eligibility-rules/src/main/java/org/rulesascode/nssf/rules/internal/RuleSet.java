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

    private static final class Standard {
        static final RuleSet INSTANCE = build(ResourceFiles.read("legal-sources", ".yaml"),
                ResourceFiles.read("parameters", ".yaml"), RuleBase.standardDrl());
    }
}
