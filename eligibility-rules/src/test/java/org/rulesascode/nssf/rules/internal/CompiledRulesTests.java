package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standard rules compiled at build time (the executable model) against the same DRL compiled at run time: the same
 * rules with the same metadata, and the same assessments over generated profiles (a differential test of the two
 * paths). Also: compiled rules that do not match the DRL are refused when the engine is built.
 */
class CompiledRulesTests {
    static final RuleSet MODEL = RuleSet.standard();
    static final RuleSet DRL = RuleSet.standardFromClassPath(false);
    static final int PROFILES = 300;

    @Test
    void theStandardEngineUsesTheRulesCompiledAtBuildTime() {
        // a KieBase built from the executable model has no DRL resources behind its rules
        org.drools.base.definitions.rule.impl.RuleImpl any = (org.drools.base.definitions.rule.impl.RuleImpl)
                MODEL.rules().kieBase().getKiePackages().iterator().next().getRules().iterator().next();
        assertThat(any.getResource()).isNull();
        org.drools.base.definitions.rule.impl.RuleImpl compiled = (org.drools.base.definitions.rule.impl.RuleImpl)
                DRL.rules().kieBase().getKiePackages().iterator().next().getRules().iterator().next();
        assertThat(compiled.getResource()).isNotNull();
    }

    @Test
    void bothPathsHaveTheSameRulesMetadataAndSpanParameters() {
        assertThat(MODEL.rules().rules()).isEqualTo(DRL.rules().rules()).hasSizeGreaterThan(100);
        assertThat(MODEL.rules().spanParameters()).isEqualTo(DRL.rules().spanParameters()).isNotEmpty();
        assertThat(MODEL.version()).isEqualTo(DRL.version());
        Map<String, Integer> perPackage = new TreeMap<>();
        MODEL.rules().kieBase().getKiePackages().forEach(p -> { if (!p.getRules().isEmpty()) perPackage.put(p.getName(), p.getRules().size()); });
        Map<String, Integer> perPackageDrl = new TreeMap<>();
        DRL.rules().kieBase().getKiePackages().forEach(p -> { if (!p.getRules().isEmpty()) perPackageDrl.put(p.getName(), p.getRules().size()); });
        assertThat(perPackage).isEqualTo(perPackageDrl);
    }

    @Test
    void bothPathsAssessGeneratedProfilesAlike() {
        Assessor model = new Assessor(MODEL);
        Assessor drl = new Assessor(DRL);
        check(model, drl, "plain profiles", WorkerProfiles.any().arbitrary());
        check(model, drl, "profiles with events", WorkerProfiles.any().withLifeEvents().arbitrary());
    }

    private static void check(Assessor model, Assessor drl, String name, Arbitrary<ProfileCase> cases) {
        long seed = Property.seed();
        List<AssessmentRequest> requests = new ArrayList<>();
        for (int i = 0; i < PROFILES; i++) requests.add(Property.draw(seed, i, cases.gen()).request());
        List<Assessment> a = model.assessAll(requests, Locale.ENGLISH);
        List<Assessment> b = drl.assessAll(requests, Locale.ENGLISH);
        for (int i = 0; i < requests.size(); i++) {
            assertThat(a.get(i)).as("%s, seed %d, profile %d: %s", name, seed, i, requests.get(i)).isEqualTo(b.get(i));
        }
    }

    @Test
    void compiledRulesFromOtherDrl_areRefusedWhenTheEngineIsBuilt() {
        Map<String, String> drl = new TreeMap<>(RuleBase.standardDrl());
        String first = drl.keySet().iterator().next();
        drl.put(first, drl.get(first) + "\n// edited after the build\n");
        assertThatThrownBy(() -> RuleBase.fromModel(drl, MODEL.catalogue(), MODEL.parameters()))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining(RuleBase.MODEL_INDEX)
                .hasMessageContaining("built from other DRL");
    }
}
