package org.rulesascode.nssf.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The ranges every input must fit, in one place: the records of this package check them when they are built, the
 * JSON and YAML readers before they build anything, the engine when it applies a reform, and front ends (command
 * line, web) quote them. Each range is far wider than any real case, and narrow enough that the cost of an
 * assessment is bounded by the size of its input and that no sum of amounts can overflow a {@code long}.
 *
 * <p>Why these numbers: a monthly wage of {@value #MAX_RIEL} riel is about 24 million US dollars; the rule base covers
 * the 636 months from 2008-01 to 2060-12, so a sum of every month's wage stays below 10<sup>14</sup> riel, and even
 * such a sum times the largest day count of a reform stays below the 9.2 × 10<sup>18</sup> a {@code long} holds.
 * The cost of an assessment grows with the square of the number of life events (each is judged against the others
 * of its window), so {@value #MAX_EVENTS} events keep it well under a second.
 *
 * <p>Not instantiable; every member is a constant.
 */
public final class Limits {
    private Limits() { }

    /** Largest amount of riel anywhere in a profile or a reform (a wage, a converted USD wage, a KHR parameter). */
    public static final long MAX_RIEL = 100_000_000_000L;
    /** {@link #MAX_RIEL} as a decimal, for comparisons that must not convert a huge value first. */
    public static final BigDecimal MAX_RIEL_DECIMAL = BigDecimal.valueOf(MAX_RIEL);
    /**
     * Largest amount of US dollars (a wage in USD, a USD parameter of a reform): at the largest exchange rate it is
     * {@link #MAX_RIEL} riel.
     */
    public static final BigDecimal MAX_USD = BigDecimal.valueOf(1_000_000L);
    /** Most decimal places of an amount or an exchange rate (trailing zeros do not count). */
    public static final int MAX_AMOUNT_DECIMALS = 6;
    /** Smallest exchange rate, in riel per US dollar. */
    public static final BigDecimal MIN_EXCHANGE_RATE = BigDecimal.valueOf(100);
    /** Largest exchange rate, in riel per US dollar. */
    public static final BigDecimal MAX_EXCHANGE_RATE = BigDecimal.valueOf(100_000);
    /** Most decimal places of a rate (a fraction from 0 to 1) in a reform. */
    public static final int MAX_RATE_DECIMALS = 10;

    /** Earliest date anywhere in a profile (events, dates of birth, employment start) or a reform. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** Latest date anywhere in a profile or a reform. */
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

    /** Most life events in one profile. */
    public static final int MAX_EVENTS = 200;
    /** Most dependants in one profile, and most survivors of one death. */
    public static final int MAX_PERSONS = 50;
    /** Most contribution-history periods in one profile: one per month of 2008-01 to 2060-12. */
    public static final int MAX_PERIODS = 636;
    /** Most days of one sickness or of one temporary incapacity (ten years). */
    public static final int MAX_DAYS = 3_660;
    /** Largest number of workers of an enterprise. */
    public static final int MAX_ENTERPRISE_WORKERS = 1_000_000;
    /** Longest identifier (a profile id, an employer id), in characters. */
    public static final int MAX_ID_LENGTH = 100;

    /** Largest profile document (JSON), in bytes. */
    public static final int MAX_PROFILE_BYTES = 1 << 20;
    /** Largest reform document (YAML), and largest DRL file of a structural reform, in bytes. */
    public static final int MAX_REFORM_BYTES = 1 << 20;
    /** Most dated values in one reform, over all its parameters. */
    public static final int MAX_REFORM_CHANGES = 1_000;
    /** Most brackets in one scale of a reform. */
    public static final int MAX_BRACKETS = 100;
    /** Deepest nesting of objects and arrays in a profile or a reform. */
    public static final int MAX_NESTING = 32;
    /** Longest number, in characters, in a profile or a reform. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** Largest reform value of unit {@code month}. */
    public static final long MAX_MONTHS = 1_200;
    /** Largest reform value of unit {@code day}. */
    public static final long MAX_DAY_VALUE = 36_600;
    /** Largest reform value of unit {@code week}. */
    public static final long MAX_WEEKS = 5_200;
    /** Largest reform value of unit {@code year}. */
    public static final long MAX_YEARS = 150;
    /** Largest reform value of unit {@code count}. */
    public static final long MAX_COUNT = 1_000_000;

    /**
     * @param unit a parameter's unit: KHR, USD, month, day, week, year or count
     * @return the largest whole value a reform may give a parameter of that unit, or -1 for another unit
     */
    public static long maxWhole(String unit) {
        return switch (unit) {
            case "KHR" -> MAX_RIEL;
            case "month" -> MAX_MONTHS;
            case "day" -> MAX_DAY_VALUE;
            case "week" -> MAX_WEEKS;
            case "year" -> MAX_YEARS;
            case "count" -> MAX_COUNT;
            default -> -1;
        };
    }

    /** @return true when {@code d} lies from {@link #MIN_DATE} to {@link #MAX_DATE} */
    public static boolean inDateRange(LocalDate d) {
        return !d.isBefore(MIN_DATE) && !d.isAfter(MAX_DATE);
    }

    /** @return the decimal places of {@code d} without trailing zeros, computed without expanding the number */
    public static int decimals(BigDecimal d) {
        if (d.signum() == 0 || d.scale() <= 0) return 0;
        // a scale bounded by the number's length; stripping trailing zeros is cheap for numbers read from text
        return Math.max(0, d.stripTrailingZeros().scale());
    }

    /**
     * Checks that a date lies in the range of every date of the inputs.
     *
     * @param d     the date, or null (accepted)
     * @param field the field to name in the error
     * @return {@code d}
     * @throws InvalidInputException when {@code d} is outside {@link #MIN_DATE} to {@link #MAX_DATE}
     */
    public static LocalDate checkDate(LocalDate d, String field) {
        if (d != null && !inDateRange(d)) {
            throw new InvalidInputException(field, "is " + d + ", outside the dates accepted", "a date from " + MIN_DATE + " to " + MAX_DATE);
        }
        return d;
    }

    /** @return at most {@code max} characters of {@code s}, with "…" and the full length when cut */
    public static String shorten(String s, int max) {
        if (s == null || s.length() <= max) return s;
        return s.substring(0, Math.max(0, max - 1)) + "… (" + s.length() + " characters)";
    }
}
