package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.rules.internal.LegalCatalogue;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the explanations over thousands of seeded profiles: every adverse decision says why and on which
 * legal basis, every citation resolves, the provisional flag is honest, and every message is a finished English
 * sentence. Run with {@code -Dnssf.seed=N} to try other cases; the seed is printed on failure.
 */
class DecisionProperties {
    static final int CASES = ContributionProperties.CASES;
    static final Arbitrary<ProfileCase> PROFILES = ContributionProperties.PROFILES;
    static final Set<Outcome> ADVERSE = EnumSet.of(Outcome.NOT_COVERED, Outcome.NOT_IN_FORCE, Outcome.NEEDS_INFORMATION, Outcome.NOT_ELIGIBLE);
    static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private static void forAllDecisions(String name, Predicate<Decision> check) {
        Property.forAll(name, Property.seed(), CASES, PROFILES, c -> Assessments.of(c).decisions().stream().allMatch(check));
    }

    @Test
    void everyAdverseDecisionHasAFailedOrUnknownReasonWithCitations() {
        forAllDecisions("adverse decision explained", d -> {
            if (!ADVERSE.contains(d.outcome())) return true;
            List<Reason> failed = d.reasons().stream()
                    .filter(r -> r.status() == CriterionStatus.NOT_MET || r.status() == CriterionStatus.UNKNOWN).toList();
            assertThat(failed).as("%s %s: a NOT_MET or UNKNOWN reason among %s", d.scheme(), d.outcome(), ids(d)).isNotEmpty();
            for (Reason r : failed) assertThat(r.citations()).as("citations of %s in %s %s", r.ruleId(), d.scheme(), d.outcome()).isNotEmpty();
            if (d.outcome() == Outcome.NEEDS_INFORMATION) {
                assertThat(failed).as("%s NEEDS_INFORMATION: an UNKNOWN reason among %s", d.scheme(), ids(d))
                        .anyMatch(r -> r.status() == CriterionStatus.UNKNOWN);
            }
            return true;
        });
    }

    @Test
    void everyDecisionHasAReasonAndEveryReasonCitesAnInstrumentOfTheCatalogue() {
        LegalCatalogue catalogue = RuleSet.standard().catalogue();
        forAllDecisions("citations resolve", d -> {
            assertThat(d.reasons()).as("reasons of %s %s", d.scheme(), d.outcome()).isNotEmpty();
            for (Reason r : d.reasons()) {
                assertThat(r.citations()).as("citations of %s", r.ruleId()).isNotEmpty();
                for (Citation c : r.citations()) {
                    Citation resolved = catalogue.cite(c.instrument(), c.article(), "reason " + r.ruleId());
                    assertThat(c.title()).as("title of %s in %s", c.instrument(), r.ruleId()).isEqualTo(resolved.title());
                }
                for (ParameterUse u : r.parameters()) {
                    assertThat(u.source()).as("source of %s in %s", u.id(), r.ruleId()).isNotNull();
                    catalogue.cite(u.source().instrument(), u.source().article(), "parameter " + u.id() + " in " + r.ruleId());
                }
            }
            return true;
        });
    }

    @Test
    void provisionalIsTrueExactlyWhenSomeReasonUsesAProvisionalParameter() {
        forAllDecisions("provisional flag", d -> {
            Set<String> used = new LinkedHashSet<>();
            for (Reason r : d.reasons()) for (ParameterUse u : r.parameters()) if (u.provisional()) used.add(u.id());
            assertThat(d.provisional()).as("%s %s provisional, provisional parameters used: %s", d.scheme(), d.outcome(), used)
                    .isEqualTo(!used.isEmpty());
            assertThat(new LinkedHashSet<>(d.provisionalParameters())).as("provisionalParameters of %s", d.scheme()).isEqualTo(used);
            return true;
        });
    }

    @Test
    void everyReasonHasAFinishedEnglishMessage() {
        forAllDecisions("messages rendered", d -> {
            for (Reason r : d.reasons()) {
                assertThat(r.message()).as("message of %s", r.ruleId()).isNotBlank();
                assertThat(placeholders(r.message())).as("placeholders left in %s: %s", r.ruleId(), r.message()).isEmpty();
                String ruleSentence = RuleSet.standard().rules().rule(r.ruleId()).name().substring(r.ruleId().length() + 1);
                assertThat(r.message()).as("message of %s comes from messages/en.properties, not the rule's name", r.ruleId())
                        .isNotEqualTo(ruleSentence);
                if (r.distance() != null) {
                    assertThat(r.distance()).as("distance of %s", r.ruleId()).isNotBlank();
                    assertThat(placeholders(r.distance())).as("placeholders left in the distance of %s: %s", r.ruleId(), r.distance()).isEmpty();
                }
            }
            return true;
        });
    }

    static List<String> placeholders(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static List<String> ids(Decision d) {
        return d.reasons().stream().map(r -> r.ruleId() + "=" + r.status()).toList();
    }
}
