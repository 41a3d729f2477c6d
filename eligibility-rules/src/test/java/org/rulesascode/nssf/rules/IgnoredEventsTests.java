package org.rulesascode.nssf.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/** An assessment names the life events it ignored because they are dated after the as-of date, and answers the others. */
class IgnoredEventsTests {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LifeEvent BIRTH = new Childbirth(LocalDate.of(2025, 6, 2), 1, 39, null);
    private static final LifeEvent SICK_ON_AS_OF = new Sickness(AS_OF, 5);
    private static final LifeEvent SICK_DAY_AFTER = new Sickness(AS_OF.plusDays(1), 5);
    private static final LifeEvent INJURY_NEXT_YEAR = new WorkInjury(LocalDate.of(2026, 3, 10), false, 10, null);

    private static WorkerProfile profile(List<LifeEvent> events) {
        return WorkerProfile.builder("w").birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).employmentStart(LocalDate.of(2022, 1, 3))
                .period(ContributionPeriod.paid(YearMonth.of(2022, 1), YearMonth.of(2025, 5), Money.khr(852_800)))
                .events(events).build();
    }

    @Test
    void eventsAfterAsOf_areNamed_andNoDecisionAnswersThem() {
        AssessmentRequest r = AssessmentRequest.of(profile(List.of(INJURY_NEXT_YEAR, BIRTH, SICK_DAY_AFTER, SICK_ON_AS_OF)), AS_OF);
        Assessment a = Assessments.fresh(r);
        assertThat(a.ignoredEvents()).containsExactly(INJURY_NEXT_YEAR, SICK_DAY_AFTER);
        List<LocalDate> answered = a.decisions().stream().map(Decision::eventDate).filter(d -> d != null).distinct().toList();
        assertThat(answered).containsExactlyInAnyOrder(BIRTH.date(), AS_OF); // the sickness on the as-of date is answered
        // the same in a batch and in the outcome-only form
        for (Assessment b : List.of(Assessments.ENGINE.assessAll(List.of(r, r), Locale.ENGLISH).get(1),
                Assessments.ENGINE.assessAll(List.of(r), Locale.ENGLISH, Detail.OUTCOMES).get(0))) {
            assertThat(b.ignoredEvents()).containsExactly(INJURY_NEXT_YEAR, SICK_DAY_AFTER);
        }
    }

    @Test
    void noEventAfterAsOf_nothingIgnored() {
        Assessment a = Assessments.fresh(AssessmentRequest.of(profile(List.of(BIRTH, SICK_ON_AS_OF)), AS_OF));
        assertThat(a.ignoredEvents()).isEmpty();
    }

    @Test
    void ignoredEventsDoNotChangeTheDecisions() {
        Assessment with = Assessments.fresh(AssessmentRequest.of(profile(List.of(BIRTH, SICK_DAY_AFTER, INJURY_NEXT_YEAR)), AS_OF));
        Assessment without = Assessments.fresh(AssessmentRequest.of(profile(List.of(BIRTH)), AS_OF));
        assertThat(with.decisions()).isEqualTo(without.decisions());
        assertThat(with.contributions()).isEqualTo(without.contributions());
    }
}
