package org.rulesascode.nssf.population;

import org.rulesascode.nssf.population.internal.Csv;
import org.rulesascode.nssf.population.internal.CsvProfiles;
import org.rulesascode.nssf.population.internal.Calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;

/** The calibrated population: reproducible for a seed, valid, streaming, and near its published targets. */
class PopulationGeneratorTests {

    static final LocalDate UNTIL = LocalDate.of(2025, 6, 30);

    static String write(long seed, int size, LocalDate until) throws IOException {
        StringWriter w = new StringWriter();
        new PopulationGenerator(seed, until).write(size, w);
        return w.toString();
    }

    @Test
    void write_sameSeed_sameBytes_otherSeed_otherBytes() throws IOException {
        String a = write(7, 300, UNTIL);
        assertThat(write(7, 300, UNTIL)).isEqualTo(a);
        assertThat(write(8, 300, UNTIL)).isNotEqualTo(a);
        assertThat(a.lines()).hasSize(300);
        assertThat(a).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void profile_dependsOnlyOnSeedAndIndex_soAPrefixIsTheSamePopulation() throws IOException {
        String big = write(3, 200, UNTIL);
        String small = write(3, 50, UNTIL);
        assertThat(big).startsWith(small);
        PopulationGenerator g = new PopulationGenerator(3, UNTIL);
        assertThat(NssfJson.writeCompact(g.profile(149))).isEqualTo(big.lines().toList().get(149));
    }

    @Test
    void everyLine_isAProfileNssfJsonReads_equalToTheGeneratedOne() throws IOException {
        PopulationGenerator g = new PopulationGenerator(11, UNTIL);
        List<String> lines = write(11, 500, UNTIL).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(NssfJson.readProfile(lines.get(i))).as("line %d", i + 1).isEqualTo(g.profile(i));
        }
    }

    @Test
    void histories_and_events_stayInTheWindow() {
        PopulationGenerator g = new PopulationGenerator(5, UNTIL);
        YearMonth first = YearMonth.of(2022, 7);
        YearMonth last = YearMonth.of(2025, 6);
        LocalDate firstDay = LocalDate.of(2022, 7, 1);
        int[] kinds = new int[5];
        for (int i = 0; i < 5_000; i++) {
            WorkerProfile p = g.profile(i);
            assertThat(p.id()).isEqualTo(PopulationGenerator.id(i));
            int age = java.time.Period.between(p.birthDate(), UNTIL).getYears();
            assertThat(age).isBetween(18, 64);
            int months = 0;
            for (ContributionPeriod c : p.history()) {
                assertThat(c.from()).isAfterOrEqualTo(first);
                assertThat(c.to()).isBeforeOrEqualTo(last);
                months += c.months();
            }
            assertThat(months).isLessThanOrEqualTo(PopulationGenerator.HISTORY_MONTHS);
            LocalDate death = p.events().stream().filter(e -> e instanceof Death).map(LifeEvent::date).findFirst().orElse(null);
            for (LifeEvent e : p.events()) {
                assertThat(e.date()).isAfterOrEqualTo(firstDay).isBeforeOrEqualTo(UNTIL);
                if (death != null && !(e instanceof Death)) assertThat(e.date()).isBefore(death);
                if (e instanceof Childbirth) kinds[0]++;
                if (e instanceof WorkInjury) kinds[1]++;
                if (e instanceof Sickness) kinds[2]++;
                if (e instanceof Death) kinds[3]++;
                if (e instanceof RetirementClaim) kinds[4]++;
            }
            if (death != null) {
                p.history().forEach(c -> assertThat(c.to()).isBefore(YearMonth.from(death)));
            }
        }
        assertThat(java.util.Arrays.stream(kinds).min().getAsInt()).as("fewest of childbirths, injuries, sickness, deaths, retirement claims %s", java.util.Arrays.toString(kinds)).isPositive();
    }

    @Test
    void calibratedShares_areNearTheirPublishedTargets() {
        // 20,000 persons: a share p drawn n times has a binomial standard deviation sqrt(p(1-p)/n). Each check allows
        // 4 standard deviations (a correct generator fails one such check about once in 16,000 seeds), plus the
        // known bias named where there is one. The seed is fixed, so the test is deterministic.
        int n = 20_000;
        PopulationGenerator g = new PopulationGenerator(2024, UNTIL);
        int women = 0, garment = 0, self = 0, publicEmployees = 0, informal = 0, activeEmployees = 0, births = 0;
        int garmentWorkers = 0, garmentAtOrAboveMinimum = 0;
        for (int i = 0; i < n; i++) {
            WorkerProfile p = g.profile(i);
            if (p.sex() == Sex.FEMALE) women++;
            if (p.sector().hasSectorMinimumWage()) garment++;
            switch (p.employmentStatus()) {
                case SELF_EMPLOYED -> self++;
                case PUBLIC_EMPLOYEE -> publicEmployees++;
                case INFORMAL -> informal++;
                case EMPLOYEE -> {
                    if (!p.history().isEmpty() && p.history().get(p.history().size() - 1).to().equals(YearMonth.from(UNTIL))) activeEmployees++;
                }
            }
            births += (int) p.events().stream().filter(e -> e instanceof Childbirth).count();
            if (p.sector().hasSectorMinimumWage() && !p.history().isEmpty()) {
                garmentWorkers++;
                boolean ok = p.history().stream().allMatch(c -> c.declaredWage().amount().intValueExact()
                        >= Calibration.garmentMinimumWageUsd(c.from()));
                if (ok) garmentAtOrAboveMinimum++;
            }
        }
        // §13: 1,633,583 women of 4,335,501 members = 0.3768
        assertShare(women, n, 0.3768, 0);
        // §10/§13: 913,000 garment, footwear and travel-goods workers of 4,335,501 members = 0.2106
        assertShare(garment, n, 0.2106, 0);
        // §13: 100,000 self-employed members = 0.0231
        assertShare(self, n, 0.0231, 0);
        // §8: 430,000 public members = 0.0992
        assertShare(publicEmployees, n, 0.0992, 0);
        // our assumption: 1 % informal workers
        assertShare(informal, n, 0.01, 0);
        // §13: 1,560,000 workers in the pension scheme (H1 2024) of 4,335,501 members = 0.3598 employees still employed in
        // the last month. Known bias: deaths in the window (3 years at 0.3 %) end about 0.9 % of those histories early.
        assertShare(activeEmployees, n, 0.3598, 0.3598 * 0.009);
        // §13: 80,000 childbirths a year / 1,633,583 women = 0.0490 per woman-year; over 3 years of events. Known bias:
        // deaths and the 300-day spacing remove about 1 % of births.
        double womanYears = women * 3.0;
        double rate = births / womanYears;
        double sd = Math.sqrt(0.0490 / womanYears); // Poisson count
        assertThat(rate).as("childbirths per woman-year").isCloseTo(0.0490, within(4 * sd + 0.0490 * 0.01));
        // our assumption: 3 % of garment workers declared below the sector minimum (§10) for their whole history
        assertShare(garmentAtOrAboveMinimum, garmentWorkers, 0.97, 0);
    }

    private static void assertShare(int count, int n, double target, double bias) {
        double share = (double) count / n;
        double sd = Math.sqrt(target * (1 - target) / n);
        assertThat(share).as("share %d / %d against %.4f", count, n, target).isCloseTo(target, within(4 * sd + bias));
    }

    @Test
    void calibrationConstants_areTheReferenceArithmetic() {
        // each derived constant recomputed by hand from the published numbers (docs/law.md)
        assertThat(Calibration.FEMALE_SHARE).isCloseTo(1_633_583.0 / 4_335_501.0, within(1e-12));
        assertThat(Calibration.GARMENT_SHARE).isCloseTo(0.21059, within(1e-5));
        assertThat(Calibration.CHILDBIRTHS_PER_WOMAN_YEAR).isCloseTo(0.04897, within(1e-5));
        assertThat(Calibration.FEMALE_SHARE_OTHER).isCloseTo((0.37679 - 0.21059 * 0.80) / (1 - 0.21059), within(1e-4));
        assertThat(Calibration.GARMENT_ENTERPRISE_MEAN).isCloseTo(593.6, within(0.1));
        assertThat(Calibration.garmentMinimumWageUsd(YearMonth.of(2025, 1))).isEqualTo(208);
        assertThat(Calibration.garmentMinimumWageUsd(YearMonth.of(2024, 12))).isEqualTo(204);
        assertThat(Calibration.garmentMinimumWageUsd(YearMonth.of(2026, 6))).isEqualTo(210);
        assertThat(Calibration.garmentMinimumWageUsd(YearMonth.of(2030, 6))).as("held after 2026 (assumption)").isEqualTo(210);
        assertThat(Calibration.garmentMinimumWageUsd(YearMonth.of(2013, 12))).isNull();
    }

    @Test
    void selfEmployed_haveVoluntaryHealthCareHistoriesFromApril2023Only() {
        PopulationGenerator g = new PopulationGenerator(9, UNTIL);
        int seen = 0;
        for (int i = 0; i < 5_000; i++) {
            WorkerProfile p = g.profile(i);
            if (p.employmentStatus() != EmploymentStatus.SELF_EMPLOYED) continue;
            seen++;
            for (ContributionPeriod c : p.history()) {
                assertThat(c.from()).isAfterOrEqualTo(YearMonth.of(2023, 4));
                assertThat(c.schemes()).containsExactly(org.rulesascode.nssf.eligibility.Scheme.VOLUNTARY_HEALTH_CARE);
                assertThat(c.declaredWage().toRiel()).isEqualTo(600_000L);
            }
            assertThat(p.events()).noneMatch(e -> e instanceof WorkInjury);
        }
        assertThat(seen).isPositive();
    }
}
