package org.rulesascode.nssf.testkit;

import java.time.LocalDate;
import java.util.List;

/**
 * The monthly minimum wage of the garment, footwear and travel-goods sectors (US dollars), as the rules reference
 * lists it. The testkit depends on the API only and cannot read the rule base's parameters, so it
 * keeps this small table, used for one thing: to draw realistic wages <em>around</em> the minimum of the year
 * ({@link WorkerProfiles#nearMinimumWage()}). It is never a test oracle: an invariant never compares a decision with
 * these numbers. Each row names the source and the confidence code the reference gives it (C2: two or more
 * sources, C: one source, S: one secondary source, M: from memory, unverified).
 *
 * <p>Before the first row (October 2010) no value is known: {@link #regularUsd(LocalDate)} answers the first known
 * value, 61. After the last row (2026) it answers the last known value, 210: generated wages then stay around the
 * 2026 minimum, which is a choice of the generator, not a statement about the law.
 */
public final class MinimumWages {

    /**
     * One row of the table.
     *
     * @param from         first day of the value (1 January of the year, 1 October for 2010)
     * @param regularUsd   monthly minimum of a regular worker, US dollars
     * @param probationUsd monthly minimum during probation, US dollars, or null when the reference gives none
     * @param source       where the reference found it
     * @param confidence   the reference's confidence code
     */
    public record Row(LocalDate from, int regularUsd, Integer probationUsd, String source, String confidence) { }

    /** The garment-sector minimum wages, row by row. */
    public static final List<Row> TABLE = List.of(
            new Row(LocalDate.of(2010, 10, 1), 61, null, "cambodia1.wordpress.com", "S"),
            new Row(LocalDate.of(2012, 1, 1), 66, null, "cambodia1.wordpress.com (citing US gov archive)", "S"),
            new Row(LocalDate.of(2013, 1, 1), 80, null, "none: 75 + 5 health allowance, from memory", "M"),
            new Row(LocalDate.of(2014, 1, 1), 100, null, "Zeit/AFP 12 Nov 2014; Cornell Catherwood/The Diplomat (start month unknown)", "C2"),
            new Row(LocalDate.of(2015, 1, 1), 128, null, "Zeit/AFP 2014; WageIndicator 2015-11-26", "C2"),
            new Row(LocalDate.of(2016, 1, 1), 140, 135, "WageIndicator 2015-11-26; kuromaru.asia (citing Cambodia Daily)", "C2"),
            new Row(LocalDate.of(2017, 1, 1), 153, null, "WageIndicator 2016-11-15", "C"),
            new Row(LocalDate.of(2018, 1, 1), 170, null, "Cambodia Daily; CNV 2020-09-10", "C2"),
            new Row(LocalDate.of(2019, 1, 1), 182, null, "WageIndicator 2018-11-28; Cambodia Daily", "C2"),
            new Row(LocalDate.of(2020, 1, 1), 190, null, "AP/680news 2019-09-20; CNV 2020-09-10", "C2"),
            new Row(LocalDate.of(2021, 1, 1), 192, null, "CNV/AKP 2020-09-10; Cambodia Daily; VietnamPlus", "C2"),
            new Row(LocalDate.of(2022, 1, 1), 194, null, "CamboJA (tag page)", "C"),
            new Row(LocalDate.of(2023, 1, 1), 200, 198, "Cogen CG 21 Sep 2022; Xinhua (twnews); Prakas 247/22", "C2"),
            new Row(LocalDate.of(2024, 1, 1), 204, 202, "Paul Hastings (S44); Thai EXIM", "C2"),
            new Row(LocalDate.of(2025, 1, 1), 208, 206, "DFDL (S59d); MENAFN/IANS 2024-09-19; FashionUnited; Prakas 211/24", "C2"),
            new Row(LocalDate.of(2026, 1, 1), 210, null, "Estatedia; Textalks (effective 1 Jan 2026)", "C2"));

    private MinimumWages() { }

    /** @return the row in force on {@code date}: the first row before October 2010, the last one after 2026 */
    public static Row rowAt(LocalDate date) {
        Row found = TABLE.get(0);
        for (Row r : TABLE) {
            if (r.from().isAfter(date)) break;
            found = r;
        }
        return found;
    }

    /** @return the regular monthly minimum in US dollars on {@code date} (see the class comment for dates outside the table) */
    public static int regularUsd(LocalDate date) {
        return rowAt(date).regularUsd();
    }
}
