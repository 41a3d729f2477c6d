package org.rulesascode.nssf.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionLines;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/**
 * The compact result of one person's assessment: what the aggregates and {@code results.jsonl} need, nothing more
 * (the explanations stay in the engine; {@code nssf assess} gives them for one person).
 *
 * @param line          line of the person in the input
 * @param id            the profile id
 * @param sex           sex
 * @param status        employment status
 * @param sector        sector
 * @param ageBand       age band on the as-of date ({@link Valuation#AGE_BANDS})
 * @param wageBand      band of the current monthly wage ({@link Valuation#WAGE_BANDS})
 * @param historyEnd    the last month of the contribution history, or null without history
 * @param decisions     one per decision of the assessment, in its order
 * @param contributions per scheme with at least one contribution line
 * @param compliance    the compliance findings in short, or null when they were not asked for
 * @param wage          the current monthly wage in riel (for the wage deciles), or null when the profile gives none
 * @param weight        how many persons of the population the row stands for, or null when the row has no weight (1)
 */
public record PersonResult(long line, String id, Sex sex, EmploymentStatus status, Sector sector, String ageBand, String wageBand,
                           YearMonth historyEnd, List<DecisionResult> decisions, Map<Scheme, Contributions> contributions,
                           Compliance compliance, Long wage, java.math.BigDecimal weight) implements java.io.Serializable {

    /** A result without a known wage and without a weight. */
    public PersonResult(long line, String id, Sex sex, EmploymentStatus status, Sector sector, String ageBand, String wageBand,
                        YearMonth historyEnd, List<DecisionResult> decisions, Map<Scheme, Contributions> contributions, Compliance compliance) {
        this(line, id, sex, status, sector, ageBand, wageBand, historyEnd, decisions, contributions, compliance, null, null);
    }

    /** @return this result with the row's weight (null: 1) */
    public PersonResult withWeight(java.math.BigDecimal w) {
        return new PersonResult(line, id, sex, status, sector, ageBand, wageBand, historyEnd, decisions, contributions, compliance, wage, w);
    }

    /**
     * A worker's compliance findings in short.
     *
     * @param wageBelowMinimum     the declared wage is below the legal minimum of the sector in some month
     * @param unpaidContributions  some months of employment were not paid
     * @param lateRegistration     registered later than the law allows
     * @param missingContributions contributions missing over the months concerned (employer + worker, riel), where known
     * @param benefitsLost         what the breaches cost the worker in benefits (riel; {@link ComplianceFinding#benefitsLost()}
     *                             added over her findings where known; each finding is corrected on its own, so a benefit
     *                             that two breaches would each restore counts under both)
     * @param benefitsLostUnknown  a finding with a corrected history has a cost in benefits that cannot be valued (an
     *                             undetermined amount): {@code benefitsLost} leaves it out
     */
    public record Compliance(boolean wageBelowMinimum, boolean unpaidContributions, boolean lateRegistration, long missingContributions,
                             long benefitsLost, boolean benefitsLostUnknown)
            implements java.io.Serializable {
        /** Findings in short without their cost in benefits. */
        public Compliance(boolean wageBelowMinimum, boolean unpaidContributions, boolean lateRegistration, long missingContributions) {
            this(wageBelowMinimum, unpaidContributions, lateRegistration, missingContributions, 0, false);
        }

        /** @return the findings of an explained assessment in short */
        public static Compliance of(List<ComplianceFinding> findings) {
            boolean below = false;
            boolean unpaid = false;
            boolean late = false;
            long missing = 0;
            long lost = 0;
            boolean unknown = false;
            for (ComplianceFinding f : findings) {
                switch (f.issue()) {
                    case WAGE_BELOW_MINIMUM -> below = true;
                    case UNPAID_CONTRIBUTIONS -> unpaid = true;
                    case LATE_REGISTRATION -> late = true;
                }
                if (f.missingContributions() != null) missing = Math.addExact(missing, f.missingContributions());
                if (f.benefitsLost() != null) lost = Math.addExact(lost, f.benefitsLost());
                else if (f.missingContributions() != null) unknown = true;
            }
            return new Compliance(below, unpaid, late, missing, lost, unknown);
        }

        /** @return any finding */
        public boolean any() {
            return wageBelowMinimum || unpaidContributions || lateRegistration;
        }
    }

    /**
     * One decision, reduced.
     *
     * @param value     see {@link Valuation#value(Decision)}: null when not eligible or undetermined
     * @param lastYear  the event date is in the 12 months ending on the as-of date
     */
    public record DecisionResult(Scheme scheme, Benefit benefit, LocalDate eventDate, Outcome outcome, boolean entitlement, Long amount,
                                 AmountPeriod period, Integer days, boolean estimate, boolean provisional, Long value, boolean lastYear)
            implements java.io.Serializable {
        /** @return eligible to a cash benefit whose amount is not known (by law, or for lack of data in the profile) */
        public boolean undetermined() {
            return outcome == Outcome.ELIGIBLE && entitlement && value == null;
        }

        /** @return eligible to a benefit without a cash amount (medical care: care in kind) */
        public boolean inKind() {
            return outcome == Outcome.ELIGIBLE && !entitlement;
        }

        /** @return the value counted in the annual cost: the value when in the last year, otherwise 0 */
        public long annualValue() {
            return lastYear && value != null ? value : 0L;
        }
    }

    /** Sums of one scheme's contribution lines: all months of the history, and the 12 months ending with the as-of month. */
    public record Contributions(long total, long employer, long worker, long totalLast12, long employerLast12, long workerLast12)
            implements java.io.Serializable {
        /** No contributions. */
        public static final Contributions ZERO = new Contributions(0, 0, 0, 0, 0, 0);

        Contributions plus(ContributionLine l, boolean last12) {
            return new Contributions(total + l.total(), employer + l.employer(), worker + l.worker(),
                    totalLast12 + (last12 ? l.total() : 0), employerLast12 + (last12 ? l.employer() : 0), workerLast12 + (last12 ? l.worker() : 0));
        }

        /** @return the sum of both (an overflow of a riel sum is an error, never a wrong total) */
        public Contributions plus(Contributions o) {
            return new Contributions(Math.addExact(total, o.total), Math.addExact(employer, o.employer), Math.addExact(worker, o.worker),
                    Math.addExact(totalLast12, o.totalLast12), Math.addExact(employerLast12, o.employerLast12), Math.addExact(workerLast12, o.workerLast12));
        }

        /** @return this minus {@code o} */
        public Contributions minus(Contributions o) {
            return new Contributions(total - o.total, employer - o.employer, worker - o.worker, totalLast12 - o.totalLast12,
                    employerLast12 - o.employerLast12, workerLast12 - o.workerLast12);
        }
    }

    /** @return the reduced result of {@code a}, an assessment of {@code p} on {@code asOf}, without compliance */
    public static PersonResult of(long line, WorkerProfile p, Assessment a, LocalDate asOf) {
        return of(line, p, a, asOf, false);
    }

    /** @return the reduced result of {@code a}, with its compliance findings in short when {@code compliance} */
    public static PersonResult of(long line, WorkerProfile p, Assessment a, LocalDate asOf, boolean compliance) {
        List<DecisionResult> ds = new ArrayList<>(a.decisions().size());
        for (Decision d : a.decisions()) {
            var e = d.entitlement();
            ds.add(new DecisionResult(d.scheme(), d.benefit(), d.eventDate(), d.outcome(), e != null, e == null ? null : e.amount(), e == null ? null : e.period(),
                    e == null ? null : e.durationDays(), e != null && e.estimate(), d.provisional(), Valuation.value(d), Valuation.lastYear(d.eventDate(), asOf)));
        }
        // per scheme: total, employer, worker, and the same for the 12 months ending with the as-of month
        long[][] sums = new long[Scheme.values().length][];
        // run by run (ContributionLines): a run's months have the same lines, so each line counts months times, and
        // as many times in the last 12 months as the run has months there
        for (ContributionLines.Run run : ContributionLines.runsOf(a.contributions())) {
            long months = run.months();
            long recent = Valuation.inLast12Months(Valuation.monthNumber(run.from()), months, asOf);
            for (ContributionLine l : run.lines()) {
                long[] x = sums[l.scheme().ordinal()];
                if (x == null) x = sums[l.scheme().ordinal()] = new long[6];
                x[0] = Math.addExact(x[0], Math.multiplyExact(l.total(), months));
                x[1] = Math.addExact(x[1], Math.multiplyExact(l.employer(), months));
                x[2] = Math.addExact(x[2], Math.multiplyExact(l.worker(), months));
                if (recent > 0) {
                    x[3] = Math.addExact(x[3], Math.multiplyExact(l.total(), recent));
                    x[4] = Math.addExact(x[4], Math.multiplyExact(l.employer(), recent));
                    x[5] = Math.addExact(x[5], Math.multiplyExact(l.worker(), recent));
                }
            }
        }
        Map<Scheme, Contributions> cs = new EnumMap<>(Scheme.class);
        for (Scheme sc : Scheme.values()) {
            long[] x = sums[sc.ordinal()];
            if (x != null) cs.put(sc, new Contributions(x[0], x[1], x[2], x[3], x[4], x[5]));
        }
        YearMonth end = null;
        for (ContributionPeriod h : p.history()) if (end == null || h.to().isAfter(end)) end = h.to();
        Long wage = p.wage() == null ? null : p.wage().toRiel();
        return new PersonResult(line, p.id(), p.sex(), p.employmentStatus(), p.sector(), Valuation.ageBand(p.birthDate(), asOf),
                Valuation.wageBand(wage), end, List.copyOf(ds), cs, compliance ? Compliance.of(a.compliance()) : null, wage, null);
    }

    /** @return the sum of the contributions of every scheme */
    public Contributions contributionsTotal() {
        Contributions c = Contributions.ZERO;
        for (Contributions x : contributions.values()) c = c.plus(x);
        return c;
    }

    /** @return the annual cost of this person's decisions paid by {@code payer} */
    public long annualValue(Payer payer) {
        long s = 0;
        for (DecisionResult d : decisions) if (Payer.of(d.benefit()) == payer) s = Math.addExact(s, d.annualValue());
        return s;
    }

    /** @return the annual cost of this person's decisions ({@link DecisionResult#annualValue()} summed) */
    public long annualValue() {
        long s = 0;
        for (DecisionResult d : decisions) s += d.annualValue();
        return s;
    }

    /** Header of {@code results.csv}: one flat row per worker, for notebooks and spreadsheets. */
    public static final String CSV_HEADER = csvHeader();

    private static String csvHeader() {
        StringBuilder sb = new StringBuilder("line,id,sex,employmentStatus,sector,ageBand,wageBand,weight,decisions,eligible,annualValue,"
                + "annualValue_NSSF,annualValue_EMPLOYER,annualValue_STATE,"
                + "contributionsTotal,contributionsLast12Months,employerLast12Months,workerLast12Months");
        for (Scheme s : Scheme.values()) sb.append(",contributionsLast12Months_").append(s.name());
        for (Benefit b : Benefit.values()) sb.append(",eligible_").append(b.name()).append(",annualValue_").append(b.name());
        sb.append(",wageBelowMinimum,unpaidContributions,lateRegistration,missingContributions,benefitsLost");
        return sb.toString();
    }

    /**
     * @return this result as one {@code results.csv} record (without line break): the person, its weight (1 when
     *         the row has none), the number of decisions
     *         and of eligible ones, the annual value, contributions in all and of the last 12 months, per scheme the
     *         contributions of the last 12 months, per benefit the eligible decisions and their annual value, and the
     *         compliance findings (empty when not asked for)
     */
    public String toCsvLine() {
        StringBuilder sb = new StringBuilder(384);
        appendCsvLine(sb);
        return sb.toString();
    }

    private static final Benefit[] BENEFITS = Benefit.values();
    private static final Scheme[] SCHEMES = Scheme.values();

    /**
     * Appends {@link #toCsvLine()} to {@code sb} (the figures in one pass over the decisions).
     *
     * @return true when every character appended is ASCII
     */
    boolean appendCsvLine(StringBuilder sb) {
        Contributions t = contributionsTotal();
        long eligible = 0;
        long all = 0;
        long nssf = 0;
        long employer = 0;
        long state = 0;
        long[] eligibleBy = new long[BENEFITS.length];
        long[] valueBy = new long[BENEFITS.length];
        for (DecisionResult d : decisions) {
            int b = d.benefit().ordinal();
            if (d.outcome() == Outcome.ELIGIBLE || d.outcome() == Outcome.COVERED) {
                eligible++;
                eligibleBy[b]++;
            }
            long v = d.annualValue();
            valueBy[b] += v;
            all += v;
            Payer payer = Payer.of(d.benefit());
            if (payer == Payer.NSSF) nssf = Math.addExact(nssf, v);
            else if (payer == Payer.EMPLOYER) employer = Math.addExact(employer, v);
            else if (payer == Payer.STATE) state = Math.addExact(state, v);
        }
        String quotedId = org.rulesascode.nssf.population.internal.Csv.quote(id);
        String sexText = String.valueOf(sex);
        String statusText = String.valueOf(status);
        String sectorText = String.valueOf(sector);
        String ageText = String.valueOf(ageBand);
        String wageText = org.rulesascode.nssf.population.internal.Csv.quote(wageBand);
        int chars = or(quotedId) | or(sexText) | or(statusText) | or(sectorText) | or(ageText) | or(wageText); // the rest: digits, signs, '.', true, false
        sb.append(line).append(',').append(quotedId).append(',').append(sexText).append(',').append(statusText).append(',').append(sectorText).append(',')
                .append(ageText).append(',').append(wageText).append(',')
                .append(weight == null ? "1" : Weighted.plain(weight)).append(',').append(decisions.size()).append(',').append(eligible).append(',').append(all).append(',')
                .append(nssf).append(',').append(employer).append(',').append(state).append(',').append(t.total()).append(',').append(t.totalLast12()).append(',')
                .append(t.employerLast12()).append(',').append(t.workerLast12());
        for (Scheme s : SCHEMES) {
            Contributions c = contributions.get(s);
            sb.append(',').append(c == null ? 0 : c.totalLast12());
        }
        for (int i = 0; i < eligibleBy.length; i++) sb.append(',').append(eligibleBy[i]).append(',').append(valueBy[i]);
        if (compliance == null) sb.append(",,,,,");
        else sb.append(',').append(compliance.wageBelowMinimum()).append(',').append(compliance.unpaidContributions()).append(',')
                .append(compliance.lateRegistration()).append(',').append(compliance.missingContributions()).append(',')
                .append(compliance.benefitsLostUnknown() ? "" : Long.toString(compliance.benefitsLost()));
        return chars < 0x80;
    }

    /** @return the bitwise or of the characters of {@code s}: below 0x80 when it is ASCII */
    private static int or(String s) {
        int x = 0;
        for (int i = 0, n = s.length(); i < n; i++) x |= s.charAt(i);
        return x;
    }

    /** @return {@link #toJsonLine()} and a line break, in UTF-8 as {@code results.jsonl} holds it (unpaired surrogates as U+FFFD) */
    byte[] jsonLineUtf8() {
        StringBuilder sb = new StringBuilder(2048);
        boolean ascii = appendJsonLine(sb);
        return utf8(sb.append('\n'), ascii);
    }

    /** @return {@link #toCsvLine()} and a line break, in UTF-8 as {@code results.csv} holds it (unpaired surrogates as U+FFFD) */
    byte[] csvLineUtf8() {
        StringBuilder sb = new StringBuilder(512);
        boolean ascii = appendCsvLine(sb);
        return utf8(sb.append('\n'), ascii);
    }

    private static byte[] utf8(StringBuilder sb, boolean ascii) {
        // ASCII is the same bytes in ISO-8859-1 and UTF-8, and the JDK copies it without a loop
        return ascii ? sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : org.rulesascode.nssf.population.internal.Utf8Writer.encode(sb);
    }

    /**
     * @return this result as one compact JSON line (without line break) for {@code results.jsonl}: the fields in a
     *         fixed order, strings escaped as Jackson's generator escapes them (quote, backslash and control characters;
     *         other characters as they are), numbers in plain digits (the weight as {@link java.math.BigDecimal#toString})
     */
    public String toJsonLine() {
        StringBuilder sb = new StringBuilder(1536);
        appendJsonLine(sb);
        return sb.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** JSON fragments of the enum values, made once with {@link #jsonString} (so escaped as any string would be). */
    private static final String[][] DECISION_HEAD = new String[SCHEMES.length][BENEFITS.length];
    private static final String[] OUTCOME = fragments(",\"outcome\":", Outcome.values());
    private static final String[] PERIOD = fragments(",\"period\":", AmountPeriod.values());
    private static final String[] SEX = fragments(",\"sex\":", Sex.values());
    private static final String[] STATUS = fragments(",\"employmentStatus\":", EmploymentStatus.values());
    private static final String[] SECTOR = fragments(",\"sector\":", Sector.values());
    private static final String[] CONTRIBUTIONS_HEAD = new String[SCHEMES.length];
    /** Every fragment is ASCII (enum names are): a line is then ASCII when its strings are. */
    private static final boolean FRAGMENTS_ASCII;

    static {
        int chars = 0;
        for (Scheme s : SCHEMES) {
            for (Benefit b : BENEFITS) {
                StringBuilder sb = new StringBuilder("{\"scheme\":");
                jsonString(sb, s.name());
                sb.append(",\"benefit\":");
                jsonString(sb, b.name());
                DECISION_HEAD[s.ordinal()][b.ordinal()] = sb.toString();
                chars |= or(sb.toString());
            }
            StringBuilder sb = new StringBuilder();
            jsonString(sb, s.name());
            CONTRIBUTIONS_HEAD[s.ordinal()] = sb.append(":{").toString();
            chars |= or(CONTRIBUTIONS_HEAD[s.ordinal()]);
        }
        for (String[] f : List.of(OUTCOME, PERIOD, SEX, STATUS, SECTOR)) for (String x : f) chars |= or(x);
        FRAGMENTS_ASCII = chars < 0x80;
    }

    private static String[] fragments(String key, Enum<?>[] values) {
        String[] out = new String[values.length];
        for (Enum<?> v : values) {
            StringBuilder sb = new StringBuilder(key);
            jsonString(sb, v.name());
            out[v.ordinal()] = sb.toString();
        }
        return out;
    }

    /**
     * Appends {@link #toJsonLine()} to {@code sb}.
     *
     * @return true when every character appended is ASCII
     */
    boolean appendJsonLine(StringBuilder sb) {
        int chars = 0;
        sb.append("{\"line\":").append(line);
        sb.append(",\"id\":");
        chars |= jsonString(sb, id);
        sb.append(SEX[sex.ordinal()]).append(STATUS[status.ordinal()]).append(SECTOR[sector.ordinal()]);
        sb.append(",\"ageBand\":");
        chars |= jsonString(sb, ageBand);
        sb.append(",\"wageBand\":");
        chars |= jsonString(sb, wageBand);
        if (weight != null) sb.append(",\"weight\":").append(weight.toString());
        sb.append(",\"decisions\":[");
        boolean first = true;
        for (DecisionResult d : decisions) {
            if (!first) sb.append(',');
            first = false;
            sb.append(DECISION_HEAD[d.scheme().ordinal()][d.benefit().ordinal()]);
            if (d.eventDate() != null) {
                sb.append(",\"eventDate\":");
                chars |= jsonString(sb, d.eventDate().toString());
            }
            sb.append(OUTCOME[d.outcome().ordinal()]);
            if (d.amount() != null) sb.append(",\"amount\":").append(d.amount().longValue());
            if (d.period() != null) sb.append(PERIOD[d.period().ordinal()]);
            if (d.days() != null) sb.append(",\"days\":").append(d.days().intValue());
            if (d.value() != null) sb.append(",\"value\":").append(d.value().longValue());
            if (d.undetermined()) sb.append(",\"undetermined\":true");
            if (d.inKind()) sb.append(",\"inKind\":true");
            if (d.lastYear()) sb.append(",\"lastYear\":true");
            if (d.estimate()) sb.append(",\"estimate\":true");
            if (d.provisional()) sb.append(",\"provisional\":true");
            sb.append('}');
        }
        sb.append("],\"contributions\":{");
        first = true;
        for (Map.Entry<Scheme, Contributions> e : contributions.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            sb.append(CONTRIBUTIONS_HEAD[e.getKey().ordinal()]);
            jsonContributions(sb, e.getValue());
            sb.append('}');
        }
        sb.append("},\"contributionsTotal\":{");
        jsonContributions(sb, contributionsTotal());
        sb.append("}}");
        return FRAGMENTS_ASCII && chars < 0x80;
    }

    private static void jsonContributions(StringBuilder sb, Contributions c) {
        sb.append("\"total\":").append(c.total())
                .append(",\"employer\":").append(c.employer())
                .append(",\"worker\":").append(c.worker())
                .append(",\"totalLast12Months\":").append(c.totalLast12())
                .append(",\"employerLast12Months\":").append(c.employerLast12())
                .append(",\"workerLast12Months\":").append(c.workerLast12());
    }

    /**
     * Appends {@code s} as a JSON string (null as {@code null}): quote and backslash escaped with a backslash, the
     * control characters below U+0020 as \b \t \n \f \r or \\u00XX, every other character (non-ASCII, unpaired
     * surrogates included) as it is.
     *
     * @return the bitwise or of the characters of {@code s}: below 0x80 when it is ASCII
     */
    static int jsonString(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
            return 0;
        }
        sb.append('"');
        int n = s.length();
        int from = 0;
        int chars = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            chars |= c;
            if (c >= 0x20 && c != '"' && c != '\\') continue;
            sb.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        sb.append(s, from, n).append('"');
        return chars;
    }
}
