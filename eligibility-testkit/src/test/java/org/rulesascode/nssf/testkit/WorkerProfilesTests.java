package org.rulesascode.nssf.testkit;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fluent options of {@link WorkerProfiles}: each is honoured, and together they still reach the varied inputs. */
class WorkerProfilesTests {
    static final long SEED = 20_250_630L;

    @Test
    void theStatusOptionsFixTheEmploymentStatus() {
        assertThat(WorkerProfiles.employees().sample(SEED, 300)).allMatch(c -> c.profile().employmentStatus() == EmploymentStatus.EMPLOYEE);
        assertThat(WorkerProfiles.publicEmployees().sample(SEED, 300)).allMatch(c -> c.profile().employmentStatus() == EmploymentStatus.PUBLIC_EMPLOYEE);
        assertThat(WorkerProfiles.selfEmployed().sample(SEED, 300)).allMatch(c -> c.profile().employmentStatus() == EmploymentStatus.SELF_EMPLOYED);
        assertThat(WorkerProfiles.informal().sample(SEED, 300)).allMatch(c -> c.profile().employmentStatus() == EmploymentStatus.INFORMAL);
        assertThat(WorkerProfiles.any().sample(SEED, 300)).extracting(c -> c.profile().employmentStatus())
                .contains(EmploymentStatus.values());
        assertThat(WorkerProfiles.employees().withLifeEvents().sample(SEED, 300))
                .allMatch(c -> c.profile().employmentStatus() == EmploymentStatus.EMPLOYEE);
        assertThat(WorkerProfiles.selfEmployed().withLifeEvents().sample(SEED, 300))
                .allMatch(c -> c.profile().employmentStatus() == EmploymentStatus.SELF_EMPLOYED);
    }

    @Test
    void sectorAndSexAreFixedWhenAsked() {
        assertThat(WorkerProfiles.any().inSector(Sector.CONSTRUCTION).ofSex(Sex.MALE).sample(SEED, 300))
                .allMatch(c -> c.profile().sector() == Sector.CONSTRUCTION && c.profile().sex() == Sex.MALE)
                .allMatch(c -> c.profile().events().stream().noneMatch(e -> e instanceof Childbirth));
    }

    @Test
    void withHistoryMonths_givesThatManyMonthsUpToTheAsOfMonth_withGapsUnpaidMonthsAndChangesOfEmployer() {
        Set<String> seen = new TreeSet<>();
        for (ProfileCase c : WorkerProfiles.employees().inSector(Sector.GARMENT).withHistoryMonths(12, 48).sample(SEED, 1_000)) {
            WorkerProfile p = c.profile();
            int months = p.history().stream().mapToInt(ContributionPeriod::months).sum();
            assertThat(months).as("months of %s", c).isBetween(12, 48);
            if (months == 12) seen.add("12 months");
            if (months == 48) seen.add("48 months");
            ContributionPeriod previous = null;
            for (ContributionPeriod x : p.history()) {
                assertThat(x.to()).as("%s", c).isBeforeOrEqualTo(YearMonth.from(c.asOf()));
                assertThat(x.from()).isAfterOrEqualTo(YearMonth.of(2008, 1)).isAfterOrEqualTo(YearMonth.from(p.birthDate().plusYears(14)));
                if (!x.paid()) seen.add("unpaid");
                if (previous != null) {
                    assertThat(x.from()).isAfter(previous.to());
                    if (x.from().isAfter(previous.to().plusMonths(1))) seen.add("gap");
                    if (!x.employerId().equals(previous.employerId())) seen.add("change of employer");
                }
                previous = x;
            }
            if (p.history().get(p.history().size() - 1).to().equals(YearMonth.from(c.asOf()))) seen.add("up to the as-of month");
        }
        assertThat(seen).contains("12 months", "48 months", "unpaid", "gap", "change of employer", "up to the as-of month");
    }

    @Test
    void withHistoryMonths_movesEarlyAsOfDatesSoThatTheMonthsFit() {
        for (ProfileCase c : WorkerProfiles.any().withHistoryMonths(60, 60).asOfBetween(LocalDate.of(2008, 1, 1), LocalDate.of(2014, 12, 31))
                .sample(SEED, 300)) {
            assertThat(c.profile().history().stream().mapToInt(ContributionPeriod::months).sum()).isEqualTo(60);
            assertThat(c.asOf()).isBetween(LocalDate.of(2012, 12, 1), LocalDate.of(2014, 12, 31));
        }
    }

    @Test
    void garmentWagesFollowTheMinimumWageOfEachMonth() {
        Set<String> seen = new TreeSet<>();
        for (ProfileCase c : WorkerProfiles.employees().inSector(Sector.GARMENT).withHistoryMonths(24, 36).sample(SEED, 500)) {
            for (ContributionPeriod x : c.profile().history()) {
                assertThat(MinimumWages.rowAt(x.from().atDay(1))).as("one minimum wage over %s", x).isEqualTo(MinimumWages.rowAt(x.to().atDay(1)));
                Money w = x.declaredWage();
                BigDecimal usd = w.currency() == Currency.USD ? w.amount()
                        : BigDecimal.valueOf(w.toRiel()).divide(BigDecimal.valueOf(4_000), 2, RoundingMode.HALF_UP);
                double ratio = usd.doubleValue() / MinimumWages.regularUsd(x.from().atDay(1));
                // riel wages are converted back at 4,000 here, the lowest rate drawn: at most 4,150 / 4,000 above the dollar ratio
                assertThat(ratio).as("%s against the minimum of %s", w, x.from()).isBetween(0.895, 2.0 * 4_150 / 4_000 + 0.01);
                if (w.currency() == Currency.USD && ratio < 1) seen.add("below the minimum");
                if (w.currency() == Currency.USD && ratio == 1) seen.add("at the minimum");
                if (w.currency() == Currency.KHR) seen.add("riel");
                if (w.currency() == Currency.USD) seen.add("dollars");
            }
        }
        assertThat(seen).contains("below the minimum", "at the minimum", "riel", "dollars");
    }

    @Test
    void asOfBetween_isRespected() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        LocalDate to = LocalDate.of(2025, 12, 31);
        assertThat(WorkerProfiles.any().asOfBetween(from, to).sample(SEED, 500)).allMatch(c -> !c.asOf().isBefore(from) && !c.asOf().isAfter(to));
    }

    @Test
    void defaultEventsAreConsistentWithTheProfile() {
        int events = 0;
        for (ProfileCase c : WorkerProfiles.any().sample(SEED, 3_000)) {
            WorkerProfile p = c.profile();
            LocalDate death = null;
            for (LifeEvent e : p.events()) if (e instanceof Death d && (death == null || d.date().isBefore(death))) death = d.date();
            long deaths = p.events().stream().filter(e -> e instanceof Death).count();
            assertThat(deaths).as("%s", c).isLessThanOrEqualTo(1);
            for (LifeEvent e : p.events()) {
                events++;
                assertThat(e.date()).as("%s", c).isAfterOrEqualTo(p.birthDate().plusYears(15));
                if (death != null) assertThat(e.date()).as("nothing after the death: %s", c).isBeforeOrEqualTo(death);
                if (e instanceof Childbirth) assertThat(e.date()).as("mother at most 50: %s", c).isBefore(p.birthDate().plusYears(51));
                if (e instanceof WorkInjury && p.employmentStart() != null) assertThat(e.date()).as("%s", c).isAfterOrEqualTo(p.employmentStart());
            }
        }
        assertThat(events).isGreaterThan(1_000);
    }

    @Test
    void withLifeEvents_givesConsistentEventsInDateOrder() {
        int events = 0;
        for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(SEED, 2_000)) {
            WorkerProfile p = c.profile();
            LocalDate death = null;
            for (LifeEvent e : p.events()) {
                events++;
                assertThat(e.date()).as("%s", c).isBetween(LifeEvents.FIRST_EVENT, LifeEvents.LAST_EVENT).isAfterOrEqualTo(p.birthDate().plusYears(15));
                assertThat(death).as("no event after the death: %s", c).isNull();
                if (e instanceof Childbirth b) {
                    assertThat(p.sex()).isEqualTo(Sex.FEMALE);
                    assertThat(b.date()).isBefore(p.birthDate().plusYears(51));
                } else if (e instanceof WorkInjury w && p.employmentStart() != null) {
                    assertThat(w.date()).isAfterOrEqualTo(p.employmentStart());
                } else if (e instanceof RetirementClaim) {
                    assertThat(e.date()).isAfterOrEqualTo(p.birthDate().plusYears(55)).isBefore(p.birthDate().plusYears(71));
                } else if (e instanceof Death d) {
                    death = d.date();
                }
            }
            assertThat(p.events()).isSortedAccordingTo(Comparator.comparing(LifeEvent::date));
        }
        assertThat(events).isGreaterThan(2_000);
    }

    @Test
    void theSameSeedGivesTheSameCasesForEveryConfiguration() {
        WorkerProfiles g = WorkerProfiles.employees().inSector(Sector.FOOTWEAR).withHistoryMonths(6, 30).withLifeEvents();
        assertThat(g.sample(5, 100)).isEqualTo(g.sample(5, 100)).isNotEqualTo(g.sample(6, 100));
    }

    @Test
    void impossibleOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> WorkerProfiles.any().withHistoryMonths(0, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 <= min");
        assertThatThrownBy(() -> WorkerProfiles.any().withHistoryMonths(10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerProfiles.any().asOfBetween(LocalDate.of(2008, 1, 1), LocalDate.of(2008, 6, 30)).withHistoryMonths(12, 12))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2008-12-01");
        assertThatThrownBy(() -> WorkerProfiles.any().asOfBetween(LocalDate.of(2007, 1, 1), LocalDate.of(2010, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMinimumWageTableAnswersTheFirstAndLastKnownValuesOutsideItsDates() {
        assertThat(MinimumWages.regularUsd(LocalDate.of(2009, 5, 1))).isEqualTo(61);
        assertThat(MinimumWages.regularUsd(LocalDate.of(2010, 10, 1))).isEqualTo(61);
        assertThat(MinimumWages.regularUsd(LocalDate.of(2024, 12, 31))).isEqualTo(204);
        assertThat(MinimumWages.regularUsd(LocalDate.of(2025, 1, 1))).isEqualTo(208);
        assertThat(MinimumWages.regularUsd(LocalDate.of(2040, 1, 1))).isEqualTo(210);
    }
}
