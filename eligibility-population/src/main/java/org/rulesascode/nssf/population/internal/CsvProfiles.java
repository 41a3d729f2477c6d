package org.rulesascode.nssf.population.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/**
 * The flat CSV population format: a header line naming exactly the {@link #COLUMNS} in this order, then one worker
 * per line with at most one history period and no life events. Empty optional fields take the default below.
 *
 * <pre>
 * id,birthDate,sex,employmentStatus,sector,employmentStart,enterpriseWorkers,historyFrom,historyTo,declaredWage,currency,exchangeRate,paid,schemes
 * sokha,1996-03-14,FEMALE,EMPLOYEE,GARMENT,2019-01-07,850,2022-07,2025-05,208,USD,4100,true,
 * </pre>
 *
 * <ul>
 *   <li>{@code id} (required), {@code birthDate} (YYYY-MM-DD, required), {@code sex} (FEMALE|MALE, required),
 *       {@code employmentStatus} (EMPLOYEE|PUBLIC_EMPLOYEE|SELF_EMPLOYED|INFORMAL, required), {@code sector}
 *       (a {@link Sector} name; empty: OTHER), {@code employmentStart} (YYYY-MM-DD or empty),
 *       {@code enterpriseWorkers} (whole number ≥ 1 or empty);</li>
 *   <li>the history period: {@code historyFrom}, {@code historyTo} (YYYY-MM, both or neither), {@code declaredWage}
 *       (the monthly wage, also taken as the current wage; required with a period), {@code currency} (KHR|USD;
 *       empty: KHR), {@code exchangeRate} (riel per dollar, required with USD), {@code paid} (true|false; empty:
 *       true), {@code schemes} (declared schemes separated by {@code |}, e.g. VOLUNTARY_HEALTH_CARE; empty: as the
 *       law requires).</li>
 * </ul>
 * Values are case-sensitive, as in the JSON format. Fields may be quoted with double quotes (RFC 4180). An optional
 * 15th column {@code weight} (see {@link Weights}) gives how many persons of the population the row stands for;
 * empty: 1.
 */
public final class CsvProfiles {
    private CsvProfiles() { }

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("id", "birthDate", "sex", "employmentStatus", "sector", "employmentStart",
            "enterpriseWorkers", "historyFrom", "historyTo", "declaredWage", "currency", "exchangeRate", "paid", "schemes");
    /** The header line. */
    public static final String HEADER = String.join(",", COLUMNS);
    /** The optional last column: the row's weight. */
    public static final String WEIGHT = "weight";
    /** What a header may be, for errors. */
    static final String HEADERS = HEADER + " (optionally followed by ," + WEIGHT + ")";

    /**
     * A record read.
     *
     * @param profile the profile
     * @param weight  its weight, or null when the record has none (weight 1)
     */
    public record Parsed(WorkerProfile profile, java.math.BigDecimal weight) {
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,6})?");

    /**
     * Checks the header line.
     *
     * @return true when the header ends with the optional {@link #WEIGHT} column
     * @throws InvalidInputException naming the first column that differs
     */
    public static boolean checkHeader(String line) {
        String l = line.startsWith("\uFEFF") ? line.substring(1) : line;
        List<String> names;
        try {
            names = Csv.split(l).stream().map(String::strip).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("header", e.getMessage(), HEADERS);
        }
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i >= names.size()) throw new InvalidInputException("header", "lacks the column " + COLUMNS.get(i) + " (column " + (i + 1) + ")", HEADERS);
            if (!names.get(i).equals(COLUMNS.get(i))) {
                throw new InvalidInputException("header", "has '" + names.get(i) + "' as column " + (i + 1) + " where " + COLUMNS.get(i) + " is expected", HEADERS);
            }
        }
        if (names.size() == COLUMNS.size() + 1 && names.get(COLUMNS.size()).equals(WEIGHT)) return true;
        if (names.size() > COLUMNS.size()) {
            throw new InvalidInputException("header", "has " + names.size() + " columns, one too many from '" + names.get(COLUMNS.size()) + "'"
                    + (names.size() == COLUMNS.size() + 1 ? " (the only column allowed after " + COLUMNS.get(COLUMNS.size() - 1) + " is " + WEIGHT + ")" : ""),
                    HEADERS);
        }
        return false;
    }

    /** @return the id field of a record when it can be split, otherwise empty */
    public static String idOf(String line) {
        try {
            List<String> f = Csv.split(line);
            return f.isEmpty() ? "" : f.get(0).strip();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Reads one record.
     *
     * @throws InvalidInputException whose field is the CSV column (or {@code $} for the record's shape)
     */
    public static WorkerProfile parse(String line) {
        return parse(line, false).profile();
    }

    /**
     * Reads one record of a file whose header has the {@link #WEIGHT} column ({@code weightColumn}) or not.
     *
     * @throws InvalidInputException whose field is the CSV column (or {@code $} for the record's shape)
     */
    public static Parsed parse(String line, boolean weightColumn) {
        List<String> f;
        int columns = COLUMNS.size() + (weightColumn ? 1 : 0);
        try {
            f = Csv.split(line);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("$", e.getMessage(), "a CSV record of " + columns + " fields");
        }
        if (f.size() != columns) {
            throw new InvalidInputException("$", "has " + f.size() + " field" + (f.size() == 1 ? "" : "s") + ", the header has " + columns,
                    "one value (possibly empty) per column: " + HEADER + (weightColumn ? "," + WEIGHT : ""));
        }
        String id = f.get(0).strip();
        LocalDate birth = date(f.get(1), "birthDate", true);
        Sex sex = enumValue(Sex.class, f.get(2), "sex", true);
        EmploymentStatus status = enumValue(EmploymentStatus.class, f.get(3), "employmentStatus", true);
        Sector sector = enumValue(Sector.class, f.get(4), "sector", false);
        LocalDate start = date(f.get(5), "employmentStart", false);
        Integer enterprise = whole(f.get(6), "enterpriseWorkers");
        YearMonth from = month(f.get(7), "historyFrom");
        YearMonth to = month(f.get(8), "historyTo");
        BigDecimal amount = decimal(f.get(9), "declaredWage");
        Currency currency = enumValue(Currency.class, f.get(10), "currency", false);
        BigDecimal rate = decimal(f.get(11), "exchangeRate");
        Boolean paid = bool(f.get(12), "paid");
        Set<Scheme> schemes = schemes(f.get(13));

        if ((from == null) != (to == null)) {
            throw new InvalidInputException(from == null ? "historyFrom" : "historyTo", "is empty while " + (from == null ? "historyTo" : "historyFrom") + " is given",
                    "both historyFrom and historyTo, or neither");
        }
        Money wage = null;
        if (amount != null) {
            try {
                wage = new Money(amount, currency == null ? Currency.KHR : currency, rate);
            } catch (InvalidInputException e) {
                throw rename(e, "amount", "declaredWage");
            }
        } else if (from != null) {
            throw new InvalidInputException("declaredWage", "is empty for a history period", "the monthly wage declared for historyFrom to historyTo");
        } else if (rate != null || currency != null) {
            throw new InvalidInputException(rate != null ? "exchangeRate" : "currency", "is given without a declaredWage", "empty when declaredWage is empty");
        }
        ContributionPeriod period = null;
        if (from != null) {
            try {
                period = new ContributionPeriod(from, to, wage, paid == null || paid, schemes, enterprise, null);
            } catch (InvalidInputException e) {
                throw rename(rename(e, "from", "historyFrom"), "to", "historyTo");
            }
        }
        java.math.BigDecimal weight = weightColumn ? Weights.ofText(f.get(COLUMNS.size()), WEIGHT) : null;
        WorkerProfile.Builder b = WorkerProfile.builder(id).birthDate(birth).sex(sex).employmentStatus(status).sector(sector)
                .employmentStart(start).enterpriseWorkers(enterprise).wage(wage);
        if (period != null) b.period(period);
        try {
            return new Parsed(b.build(), weight);
        } catch (InvalidInputException e) {
            return new Parsed(throwRenamed(e), null);
        }
    }

    private static WorkerProfile throwRenamed(InvalidInputException e) {
        String field = e.field();
        if (field.startsWith("history[0]")) field = field.endsWith(".from") ? "historyFrom" : field.endsWith(".to") ? "historyTo" : "historyFrom";
        throw new InvalidInputException(field, e.problem(), e.allowed());
    }

    private static InvalidInputException rename(InvalidInputException e, String from, String to) {
        return e.field().equals(from) ? new InvalidInputException(to, e.problem(), e.allowed()) : e;
    }

    private static LocalDate date(String raw, String column, boolean required) {
        String s = raw.strip();
        if (s.isEmpty()) {
            if (required) throw new InvalidInputException(column, "is empty", "a date YYYY-MM-DD");
            return null;
        }
        if (!DATE.matcher(s).matches()) throw new InvalidInputException(column, "'" + s + "' is not a date YYYY-MM-DD", "a date YYYY-MM-DD");
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(column, "'" + s + "' is not a calendar date", "a date YYYY-MM-DD");
        }
    }

    private static YearMonth month(String raw, String column) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        if (MONTH.matcher(s).matches()) {
            try {
                return YearMonth.parse(s);
            } catch (DateTimeParseException e) {
                // falls through
            }
        }
        throw new InvalidInputException(column, "'" + s + "' is not a month YYYY-MM", "a month YYYY-MM from 2008-01 to 2060-12, or empty");
    }

    private static Integer whole(String raw, String column) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        if (!WHOLE.matcher(s).matches()) throw new InvalidInputException(column, "'" + s + "' is not a whole number", "a whole number >= 1, or empty");
        return Integer.valueOf(s);
    }

    private static BigDecimal decimal(String raw, String column) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        if (!DECIMAL.matcher(s).matches()) throw new InvalidInputException(column, "'" + s + "' is not a number", "a number >= 0 such as 852800 or 208.50, or empty");
        return new BigDecimal(s);
    }

    private static Boolean bool(String raw, String column) {
        String s = raw.strip();
        if (s.isEmpty()) return null;
        if (s.equals("true")) return Boolean.TRUE;
        if (s.equals("false")) return Boolean.FALSE;
        throw new InvalidInputException(column, "'" + s + "' is not true or false", "true, false, or empty (true)");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String column, boolean required) {
        String s = raw.strip();
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (s.isEmpty()) {
            if (required) throw new InvalidInputException(column, "is empty", allowed);
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) return e;
        }
        throw new InvalidInputException(column, "'" + s + "' is not one of the allowed values", allowed);
    }

    private static Set<Scheme> schemes(String raw) {
        String s = raw.strip();
        if (s.isEmpty()) return Set.of();
        Set<Scheme> out = EnumSet.noneOf(Scheme.class);
        for (String part : s.split("\\|", -1)) {
            out.add(enumValue(Scheme.class, part, "schemes", true));
        }
        return out;
    }
}
