package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.testkit.Property;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two date shortcuts of the assessor's hot path give what the plain computations give: {@link Assessor#age} (whole
 * years by arithmetic on months and days) against {@link Period#between}, and {@link ParamTimeline#at} (a table of
 * month starts) against the snapshot found by walking the change dates.
 */
class DateArithmeticTests {

    @Test
    void ageIsThePeriodsYears_onRandomDatesAndTheAwkwardOnes() {
        long seed = Property.seed();
        Random random = new Random(seed);
        List<LocalDate[]> pairs = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            LocalDate a = LocalDate.ofEpochDay(random.nextInt(80_000) - 25_000);
            LocalDate b = i % 4 == 0 ? a.plusYears(random.nextInt(80)).plusDays(random.nextInt(3) - 1) : LocalDate.ofEpochDay(random.nextInt(80_000) - 25_000);
            pairs.add(new LocalDate[] {a, b});
        }
        // leap days, month ends and the day before a birthday, both ways
        for (String[] p : new String[][] {{"2000-02-29", "2001-02-28"}, {"2000-02-29", "2001-03-01"}, {"2000-02-29", "2004-02-29"},
                {"1999-03-31", "2000-02-29"}, {"1990-01-31", "2050-02-28"}, {"1990-12-31", "2008-12-30"}, {"1990-12-31", "2008-12-31"},
                {"2008-12-31", "1990-12-30"}, {"2001-02-28", "2000-02-29"}, {"2024-06-15", "2024-06-15"}}) {
            pairs.add(new LocalDate[] {LocalDate.parse(p[0]), LocalDate.parse(p[1])});
        }
        int negative = 0;
        for (LocalDate[] p : pairs) {
            assertThat(Assessor.age(p[0], p[1])).as("age from %s to %s (seed %d)", p[0], p[1], seed).isEqualTo(Period.between(p[0], p[1]).getYears());
            if (p[1].isBefore(p[0])) negative++;
        }
        assertThat(negative).as("pairs whose end comes first").isGreaterThan(10_000);
    }

    @Test
    void theParametersOnADayAreTheLastSnapshotStartedByThen_monthStartsAndOtherDays() {
        long seed = Property.seed();
        ParamTimeline timeline = RuleSet.standard().timeline();
        List<Params> snapshots = timeline.snapshots();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(1895, 1, 1); d.isBefore(LocalDate.of(2106, 1, 1)); d = d.plusMonths(1)) days.add(d);
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) days.add(LocalDate.of(2000, 1, 1).plusDays(random.nextInt(40_000) - 10_000));
        for (Params p : snapshots) { // each change day, the day before and the first of its month
            if (p.fromUnread().getYear() < 1800) continue;
            days.add(p.fromUnread());
            days.add(p.fromUnread().minusDays(1));
            days.add(p.fromUnread().withDayOfMonth(1));
        }
        int changesOnAFirst = 0;
        for (LocalDate d : days) {
            Params expected = null;
            for (Params p : snapshots) if (!p.fromUnread().isAfter(d)) expected = p; // starts ascending
            assertThat(timeline.at(d)).as("parameters on %s (seed %d)", d, seed).isSameAs(expected);
        }
        for (Params p : snapshots) if (p.fromUnread().getDayOfMonth() == 1) changesOnAFirst++;
        assertThat(snapshots.size()).isGreaterThan(20);
        assertThat(changesOnAFirst).as("changes on the first of a month, which the table must place").isGreaterThan(10);
    }
}
