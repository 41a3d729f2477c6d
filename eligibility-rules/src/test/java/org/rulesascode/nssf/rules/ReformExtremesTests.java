package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.RuleSet;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every parameter of the rule base set by a reform to each end of the range its unit allows (and to null, which ends
 * it): the reform is refused with an {@link InvalidInputException}, or every assessment of a sample of seeded profiles
 * with life events is answered or refused with one (a reform that switches a scheme on before the parameters its
 * rules read are in force is the user's to fix). Never another exception (a division by zero, an overflow, a missing
 * value): a reform is data, safe to accept from anyone, so no value it may hold can end in an internal error. Messages
 * are one line of bounded length.
 */
class ReformExtremesTests {
    static final long SEED = 14L;
    static final int PROFILES = 4;
    static final LocalDate FROM = LocalDate.of(2008, 1, 1);

    /** The extreme values of a unit: its bounds (from {@link Limits}), one past them, and null. */
    static List<Object> extremes(String unit) {
        List<Object> out = new ArrayList<>();
        out.add(null);
        switch (unit) {
            case "rate" -> {
                out.add(BigDecimal.ZERO);
                out.add(BigDecimal.ONE);
            }
            case "USD" -> {
                out.add(BigDecimal.ZERO);
                out.add(Limits.MAX_USD);
            }
            case "boolean" -> {
                out.add(true);
                out.add(false);
            }
            case "date" -> {
                out.add(Limits.MIN_DATE);
                out.add(Limits.MAX_DATE);
            }
            case "scale" -> {
                out.add(List.of(new Reform.Bracket(null, 0)));
                out.add(List.of(new Reform.Bracket(null, Limits.MAX_RIEL)));
                out.add(List.of(new Reform.Bracket(0L, 0), new Reform.Bracket(null, Limits.MAX_RIEL)));
            }
            default -> {
                out.add(0L);
                out.add(Limits.maxWhole(unit));
            }
        }
        return out;
    }

    @Test
    void everyParameterAtTheEndsOfItsUnitsRange_isRefusedOrAnswered() {
        List<ProfileCase> cases = WorkerProfiles.any().withLifeEvents().sample(SEED, PROFILES);
        List<String> failures = new ArrayList<>();
        int answered = 0;
        int refused = 0;
        int refusedProfiles = 0;
        for (Parameter p : RuleSet.standard().parameters().all().values()) {
            for (Object value : extremes(p.unit())) {
                Reform r = new Reform("extreme " + p.id(), "", List.of(new Reform.Change(p.id(), FROM, value, false, "", "")), List.of());
                EligibilityEngine reformed;
                try {
                    reformed = Assessments.ENGINE.withReform(r);
                } catch (InvalidInputException e) {
                    refused++;
                    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000);
                    continue;
                } catch (RuntimeException e) {
                    failures.add(p.id() + " = " + value + ": withReform threw " + e);
                    continue;
                }
                for (int i = 0; i < cases.size(); i++) {
                    try {
                        reformed.assess(cases.get(i).request());
                        answered++;
                    } catch (InvalidInputException e) {
                        refusedProfiles++;
                        assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000).contains(r.name());
                        break;
                    } catch (RuntimeException e) {
                        failures.add(p.id() + " = " + value + ", seed " + SEED + " case " + i + ": " + e);
                        break;
                    }
                }
            }
        }
        assertThat(failures).as("reforms that break the engine (answered %d, reforms refused %d, refused on a profile %d)",
                answered, refused, refusedProfiles).isEmpty();
        assertThat(refused).as("values refused by the unit's range").isPositive();
        assertThat(answered).isPositive();
    }
}
