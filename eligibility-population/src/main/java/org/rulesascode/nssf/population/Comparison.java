package org.rulesascode.nssf.population;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionLines;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;

/**
 * What changes for one person between a baseline assessment and a reformed one: the flips.
 *
 * <p>Decisions are matched by scheme, benefit and event date (and their rank when several share these). A decision
 * flips when its outcome, amount, period or number of days differs, or when it exists on one side only. The
 * contributions of a scheme flip when any line (month, contributable wage, rate, shares, rule) differs. Each flip
 * says which rules and parameters caused it: the symmetric difference of the (rule id, status) pairs of the
 * decision's reasons ({@code -ID:STATUS} only in the baseline, {@code +ID:STATUS} only in the reform), and the
 * parameters used on both sides whose values differ ({@code id: baseline → reform}; see {@link #parameterDifference}). A decision whose own rules and parameters
 * are unchanged changed through the wages it averages: its cause is then given as {@code via the contribution lines:}
 * and the parameters of the changed contribution lines.
 */
public final class Comparison {
    private Comparison() { }

    /** What kind of change a flip is. */
    public enum Change {
        /** Not eligible (or not covered, or no decision) in the baseline; eligible (or covered) with the reform. */
        GAIN,
        /** The reverse of {@link #GAIN}. */
        LOSS,
        /** Same outcome, higher value (or contributions). */
        AMOUNT_UP,
        /** Same outcome, lower value (or contributions). */
        AMOUNT_DOWN,
        /** Another change: an outcome between two negative outcomes, or an amount that cannot be valued. */
        OTHER
    }

    /**
     * One flip.
     *
     * @param kind        {@code DECISION} or {@code CONTRIBUTIONS}
     * @param benefit     the benefit; null for contributions
     * @param eventDate   the event date of a benefit decision; null otherwise
     * @param baseAmount  decision: the entitlement amount; contributions: the total of all months
     * @param baseValue   decision: {@link Valuation#value}; contributions: the total of the last 12 months
     * @param delta       decision: reform value − baseline value (a missing value counts 0; null when either side is
     *                    eligible with an undetermined amount); contributions: reform − baseline total of the last 12 months
     * @param lastYear    decision: the event is in the last year; contributions: always true
     * @param rules       the rules that made the difference
     * @param parameters  the parameters whose values differ
     * @param provisional either side is provisional
     */
    public record Flip(String kind, Scheme scheme, Benefit benefit, LocalDate eventDate, Change change,
                       Outcome baseOutcome, Outcome reformOutcome, Long baseAmount, Long reformAmount, AmountPeriod period,
                       Long baseValue, Long reformValue, Long delta, boolean lastYear, String rules, String parameters, boolean provisional)
            implements java.io.Serializable {
        public static final String DECISION = "DECISION";
        public static final String CONTRIBUTIONS = "CONTRIBUTIONS";

        /** @return the delta counted in the annual figures: the delta of a last-year decision or of contributions, else 0 */
        public long annualDelta() {
            return lastYear && delta != null ? delta : 0L;
        }
    }

    /** @return the flips between two assessments of the same person: decisions first (in the baseline's order), then contributions by scheme */
    public static List<Flip> flips(Assessment base, Assessment reform, LocalDate asOf) {
        boolean sameDecisions = sameDecisions(base.decisions(), reform.decisions());
        List<ContributionLine> bl = base.contributions();
        List<ContributionLine> rl = reform.contributions();
        if (sameDecisions && sameLines(bl, rl)) return List.of();
        if (sameDecisions && bl instanceof ContributionLines x && rl instanceof ContributionLines y) {
            List<Flip> out = runFlips(x.runs(), y.runs(), asOf);
            if (out != null) return out;
        }
        if (!sameDecisions || !paired(bl) || !paired(rl) || !samePairs(bl, rl)) return allFlips(base, reform, asOf);
        // the same decisions and the same months and schemes line by line, some amounts changed: compared pair by pair
        List<Flip> out = new ArrayList<>(1);
        Scheme[] schemes = Scheme.values();
        for (Scheme s : schemes) {
            Flip f = contributionFlip(s, bl, rl, asOf);
            if (f != null) out.add(f);
        }
        return out;
    }

    /**
     * The contribution flips of two lists held as runs, as the pair-by-pair comparison finds them, walked month segment
     * by month segment ({@link #walk}): each line of a segment counts as many months as the segment has, and as many
     * in the last 12 months as it has there.
     *
     * @return the flips by scheme, or null when the runs do not pair up (other months, other schemes in a month, a
     *         month twice, a month's schemes out of order): the caller then compares month by month
     */
    private static List<Flip> runFlips(List<ContributionLines.Run> b, List<ContributionLines.Run> r, LocalDate asOf) {
        Scheme[] schemes = Scheme.values();
        LineDifference[] ds = new LineDifference[schemes.length];
        int[] previous = {Integer.MIN_VALUE}; // the last month of the previous segment
        boolean paired = walk(b, r, (month, step, xl, yl) -> {
            if (month <= previous[0]) return false;
            previous[0] = month + step - 1;
            long recent = Valuation.inLast12Months(month, step, asOf);
            int scheme = -1;
            for (int k = 0; k < xl.size(); k++) {
                ContributionLine xk = xl.get(k);
                ContributionLine yk = yl.get(k);
                int o = xk.scheme().ordinal();
                if (yk.scheme() != xk.scheme() || o <= scheme) return false;
                scheme = o;
                if (ds[o] == null) ds[o] = new LineDifference();
                ds[o].add(xk, yk, step, recent);
            }
            return true;
        });
        if (!paired) return null;
        List<Flip> out = new ArrayList<>(1);
        for (Scheme sc : schemes) {
            Flip f = ds[sc.ordinal()] == null ? null : ds[sc.ordinal()].flip(sc, false, false);
            if (f != null) out.add(f);
        }
        return out;
    }

    /** What is done with one month segment of two run lists. */
    @FunctionalInterface
    private interface Segment {
        /**
         * @param month the segment's first month ({@link Valuation#monthNumber})
         * @param step  its months
         * @param xl    the baseline's lines of each of its months (month aside), as many as {@code yl}
         * @param yl    the reform's
         * @return false to stop the walk: the lists are not alike
         */
        boolean visit(int month, int step, List<ContributionLine> xl, List<ContributionLine> yl);
    }

    /**
     * Walks two run lists month segment by month segment (a segment ends where a run of either side ends).
     *
     * @return true when both cover the same months, segment by segment with as many lines a month, to the end, and
     *         {@code segment} never said stop
     */
    private static boolean walk(List<ContributionLines.Run> b, List<ContributionLines.Run> r, Segment segment) {
        Segments s = new Segments(b, r);
        while (s.next()) if (!segment.visit(s.month, s.step, s.x.lines(), s.y.lines())) return false;
        return s.paired();
    }

    /**
     * Two run lists, month segment by month segment: a cursor ({@link #walk} visits each segment through a
     * {@link Segment}; {@link #sameRuns}, which every worker of a comparison goes through, compares in its own loop, as
     * a call through the interface shared with the flips is one the JIT cannot inline).
     */
    private static final class Segments {
        private final List<ContributionLines.Run> b;
        private final List<ContributionLines.Run> r;
        private int i;
        private int j;
        private int bDone; // months of b.get(i) already walked
        private int rDone;
        private boolean mismatch;
        /** The current segment: the runs it lies in, its first month ({@link Valuation#monthNumber}) and its months. */
        ContributionLines.Run x;
        ContributionLines.Run y;
        int month;
        int step;

        Segments(List<ContributionLines.Run> b, List<ContributionLines.Run> r) {
            this.b = b;
            this.r = r;
        }

        /**
         * @return true with the next segment in {@link #x}, {@link #y}, {@link #month} and {@link #step}; false at the
         *         end of either side, or where the sides start a segment in different months or with a different number
         *         of lines a month
         */
        boolean next() {
            if (i >= b.size() || j >= r.size()) return false;
            x = b.get(i);
            y = r.get(j);
            month = Valuation.monthNumber(x.from()) + bDone;
            if (month != Valuation.monthNumber(y.from()) + rDone || x.lines().size() != y.lines().size()) {
                mismatch = true;
                return false;
            }
            step = Math.min(x.months() - bDone, y.months() - rDone);
            bDone += step;
            rDone += step;
            if (bDone == x.months()) { i++; bDone = 0; }
            if (rDone == y.months()) { j++; rDone = 0; }
            return true;
        }

        /** @return true when the walk ended with both sides at their end, segment by segment alike in months and size */
        boolean paired() {
            return !mismatch && i == b.size() && j == r.size();
        }
    }

    /** @return true when the lines run month by month, each month's schemes in order, so that no scheme has a month twice */
    private static boolean paired(List<ContributionLine> ls) {
        for (int i = 1; i < ls.size(); i++) {
            ContributionLine a = ls.get(i - 1);
            ContributionLine b = ls.get(i);
            int c = a.month().compareTo(b.month());
            if (c > 0 || c == 0 && a.scheme().ordinal() >= b.scheme().ordinal()) return false;
        }
        return true;
    }

    /** @return true when both lists have the same month and scheme at every position */
    private static boolean samePairs(List<ContributionLine> b, List<ContributionLine> r) {
        if (b.size() != r.size()) return false;
        for (int i = 0; i < b.size(); i++) {
            if (b.get(i).scheme() != r.get(i).scheme() || !b.get(i).month().equals(r.get(i).month())) return false;
        }
        return true;
    }

    /**
     * As {@link #contributionFlip(Scheme, Map, Map, LocalDate)} for lists that pair up position by position (the same
     * month and scheme at each, no month of a scheme twice): the same totals, rules, parameters and change.
     */
    private static Flip contributionFlip(Scheme s, List<ContributionLine> bl, List<ContributionLine> rl, LocalDate asOf) {
        LineDifference d = new LineDifference();
        boolean any = false;
        for (int i = 0; i < bl.size(); i++) {
            ContributionLine x = bl.get(i);
            if (x.scheme() != s) continue;
            any = true;
            d.add(x, rl.get(i), Valuation.last12Months(x.month(), asOf));
        }
        return any ? d.flip(s, false, false) : null;
    }

    /** The flips found month by month and decision by decision, without the quick answer for unchanged workers. */
    static List<Flip> allFlips(Assessment base, Assessment reform, LocalDate asOf) {
        List<Flip> contributions = new ArrayList<>();
        Map<Scheme, Map<YearMonth, ContributionLine>> bl = lines(base.contributions());
        Map<Scheme, Map<YearMonth, ContributionLine>> rl = lines(reform.contributions());
        Set<Scheme> schemes = new TreeSet<>(bl.keySet());
        schemes.addAll(rl.keySet());
        for (Scheme s : schemes) {
            Flip f = contributionFlip(s, bl.getOrDefault(s, Map.of()), rl.getOrDefault(s, Map.of()), asOf);
            if (f != null) contributions.add(f);
        }
        List<Flip> out = new ArrayList<>();
        Map<String, Decision> b = keyed(base.decisions());
        Map<String, Decision> r = keyed(reform.decisions());
        Set<String> keys = new java.util.LinkedHashSet<>(b.keySet());
        keys.addAll(r.keySet());
        for (String k : keys) {
            Flip f = decisionFlip(b.get(k), r.get(k), asOf);
            if (f != null) out.add(viaContributions(f, contributions));
        }
        out.addAll(contributions);
        return out;
    }

    private static Map<String, Decision> keyed(List<Decision> ds) {
        Map<String, Decision> m = new LinkedHashMap<>();
        Map<String, Integer> rank = new HashMap<>();
        for (Decision d : ds) {
            String k = d.scheme() + "/" + d.benefit() + "/" + d.eventDate();
            int n = rank.merge(k, 1, Integer::sum);
            m.put(k + "#" + n, d);
        }
        return m;
    }

    static boolean positive(Outcome o) {
        return o == Outcome.ELIGIBLE || o == Outcome.COVERED;
    }

    private static Flip decisionFlip(Decision b, Decision r, LocalDate asOf) {
        Outcome bo = b == null ? null : b.outcome();
        Outcome ro = r == null ? null : r.outcome();
        Entitlement be = b == null ? null : b.entitlement();
        Entitlement re = r == null ? null : r.entitlement();
        boolean sameEntitlement = Objects.equals(be == null ? null : be.amount(), re == null ? null : re.amount())
                && Objects.equals(be == null ? null : be.period(), re == null ? null : re.period())
                && Objects.equals(be == null ? null : be.durationDays(), re == null ? null : re.durationDays());
        if (bo == ro && sameEntitlement) return null;
        Decision any = b != null ? b : r;
        Long bv = b == null ? null : Valuation.value(b);
        Long rv = r == null ? null : Valuation.value(r);
        boolean bUndetermined = bo == Outcome.ELIGIBLE && be != null && bv == null;
        boolean rUndetermined = ro == Outcome.ELIGIBLE && re != null && rv == null;
        Long delta = bUndetermined || rUndetermined ? null : (rv == null ? 0L : rv) - (bv == null ? 0L : bv);
        Change change;
        if (!positive(bo) && positive(ro)) change = Change.GAIN;
        else if (positive(bo) && !positive(ro)) change = Change.LOSS;
        else if (delta != null && delta > 0) change = Change.AMOUNT_UP;
        else if (delta != null && delta < 0) change = Change.AMOUNT_DOWN;
        else change = Change.OTHER;
        AmountPeriod period = re != null && re.period() != null ? re.period() : be == null ? null : be.period();
        return new Flip(Flip.DECISION, any.scheme(), any.benefit(), any.eventDate(), change, bo, ro,
                be == null ? null : be.amount(), re == null ? null : re.amount(), period, bv, rv, delta,
                Valuation.lastYear(any.eventDate(), asOf), ruleDifference(b, r), parameterDifference(reasonsParameters(b), reasonsParameters(r)),
                b != null && b.provisional() || r != null && r.provisional());
    }

    /**
     * A decision whose own rules and parameters are the same on both sides changed through its inputs: the wages of
     * the contribution lines it averages (the old-age pension's reference wage, the daily wage of an allowance). Its
     * cause is then the parameters of the changed contribution lines, of its scheme if any changed, else of all.
     */
    private static Flip viaContributions(Flip f, List<Flip> contributions) {
        if (!f.rules().isEmpty() || !f.parameters().isEmpty() || contributions.isEmpty()) return f;
        List<String> same = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (Flip c : contributions) {
            if (c.parameters().isEmpty()) continue;
            all.add(c.parameters());
            if (c.scheme() == f.scheme()) same.add(c.parameters());
        }
        List<String> causes = same.isEmpty() ? all : same;
        if (causes.isEmpty()) return f;
        return new Flip(f.kind(), f.scheme(), f.benefit(), f.eventDate(), f.change(), f.baseOutcome(), f.reformOutcome(), f.baseAmount(),
                f.reformAmount(), f.period(), f.baseValue(), f.reformValue(), f.delta(), f.lastYear(), f.rules(),
                "via the contribution lines: " + String.join("; ", new TreeSet<>(causes)), f.provisional());
    }

    private static String ruleDifference(Decision b, Decision r) {
        Set<String> bs = new TreeSet<>();
        Set<String> rs = new TreeSet<>();
        if (b != null) for (Reason x : b.reasons()) bs.add(x.ruleId() + ":" + x.status());
        if (r != null) for (Reason x : r.reasons()) rs.add(x.ruleId() + ":" + x.status());
        List<String> out = new ArrayList<>();
        for (String s : bs) if (!rs.contains(s)) out.add("-" + s);
        for (String s : rs) if (!bs.contains(s)) out.add("+" + s);
        return String.join(" ", out);
    }

    private static List<ParameterUse> reasonsParameters(Decision d) {
        if (d == null) return List.of();
        List<ParameterUse> out = new ArrayList<>();
        for (Reason x : d.reasons()) out.addAll(x.parameters());
        return out;
    }

    /**
     * @return "id: v1|v2 → w1; …" for the parameters used on both sides whose values differ, sorted by id. When there
     *         is none, the parameters used on one side only ("id: (not used) → w1"): a rule that fired on one side only
     *         reads parameters the other side never needed, which are consequences of the change, not its cause.
     */
    static String parameterDifference(Collection<ParameterUse> base, Collection<ParameterUse> reform) {
        Map<String, Set<String>> b = values(base);
        Map<String, Set<String>> r = values(reform);
        Set<String> ids = new TreeSet<>(b.keySet());
        ids.addAll(r.keySet());
        List<String> changed = new ArrayList<>();
        List<String> oneSided = new ArrayList<>();
        for (String id : ids) {
            Set<String> bv = b.getOrDefault(id, Set.of());
            Set<String> rv = r.getOrDefault(id, Set.of());
            if (bv.equals(rv)) continue;
            String text = id + ": " + (bv.isEmpty() ? "(not used)" : String.join("|", bv)) + " → " + (rv.isEmpty() ? "(not used)" : String.join("|", rv));
            (bv.isEmpty() || rv.isEmpty() ? oneSided : changed).add(text);
        }
        return String.join("; ", changed.isEmpty() ? oneSided : changed);
    }

    private static Map<String, Set<String>> values(Collection<ParameterUse> uses) {
        Map<String, Set<String>> m = new TreeMap<>();
        for (ParameterUse u : uses) m.computeIfAbsent(u.id(), k -> new TreeSet<>()).add(String.valueOf(u.value()));
        return m;
    }

    private static Map<Scheme, Map<YearMonth, ContributionLine>> lines(List<ContributionLine> ls) {
        Map<Scheme, Map<YearMonth, ContributionLine>> m = new TreeMap<>();
        for (ContributionLine l : ls) m.computeIfAbsent(l.scheme(), k -> new TreeMap<>()).put(l.month(), l);
        return m;
    }

    private static Flip contributionFlip(Scheme s, Map<YearMonth, ContributionLine> b, Map<YearMonth, ContributionLine> r, LocalDate asOf) {
        Set<YearMonth> months = new TreeSet<>(b.keySet());
        months.addAll(r.keySet());
        LineDifference d = new LineDifference();
        for (YearMonth m : months) d.add(b.get(m), r.get(m), Valuation.last12Months(m, asOf));
        return d.flip(s, b.isEmpty(), r.isEmpty());
    }

    /** The totals and differences of one scheme's contribution lines, month by month (a side's line may be absent). */
    private static final class LineDifference {
        final List<ParameterUse> bp = new ArrayList<>();
        final List<ParameterUse> rp = new ArrayList<>();
        final Set<String> bRules = new TreeSet<>();
        final Set<String> rRules = new TreeSet<>();
        long bTotal;
        long rTotal;
        long b12;
        long r12;
        boolean differs;
        boolean provisional;

        void add(ContributionLine x, ContributionLine y, boolean last12) {
            add(x, y, 1, last12 ? 1 : 0);
        }

        /** Adds a pair of lines standing for {@code months} months, {@code recent} of them in the last 12 months. */
        void add(ContributionLine x, ContributionLine y, long months, long recent) {
            if (x != null) {
                bTotal += x.total() * months;
                b12 += x.total() * recent;
            }
            if (y != null) {
                rTotal += y.total() * months;
                r12 += y.total() * recent;
            }
            if (sameLine(x, y)) return;
            differs = true;
            if (x != null) {
                bp.addAll(x.parameters());
                bRules.add(x.ruleId());
                provisional |= x.provisional();
            }
            if (y != null) {
                rp.addAll(y.parameters());
                rRules.add(y.ruleId());
                provisional |= y.provisional();
            }
        }

        /** @return the flip of the scheme, or null when no month differs */
        Flip flip(Scheme s, boolean noBaseline, boolean noReform) {
            if (!differs) return null;
            List<String> rules = new ArrayList<>();
            for (String x : bRules) if (!rRules.contains(x)) rules.add("-" + x);
            for (String x : rRules) if (!bRules.contains(x)) rules.add("+" + x);
            long delta = r12 - b12;
            Change change = rTotal > bTotal ? Change.AMOUNT_UP : rTotal < bTotal ? Change.AMOUNT_DOWN : Change.OTHER;
            if (noBaseline) change = Change.GAIN;
            else if (noReform) change = Change.LOSS;
            return new Flip(Flip.CONTRIBUTIONS, s, null, null, change, null, null, bTotal, rTotal, null, b12, r12, delta, true,
                    String.join(" ", rules), parameterDifference(bp, rp), provisional);
        }
    }

    /**
     * @return true when the two lists pair up line by line, each pair of the same month and scheme and the same by
     *         {@link #sameLine}: then no month of any scheme differs (a quick answer for most workers, whose lines both
     *         sides make in the same order; any other case is compared month by month)
     */
    private static boolean sameLines(List<ContributionLine> b, List<ContributionLine> r) {
        if (b.size() != r.size()) return false;
        if (b instanceof ContributionLines x && r instanceof ContributionLines y) return sameRuns(x.runs(), y.runs());
        for (int i = 0; i < b.size(); i++) {
            ContributionLine x = b.get(i);
            ContributionLine y = r.get(i);
            if (x.scheme() != y.scheme() || !x.month().equals(y.month()) || !sameLine(x, y)) return false;
        }
        return true;
    }

    /**
     * As {@link #sameLines} on two lists held as runs, walked month segment by month segment ({@link #walk}): the same
     * months, and in each the same lines in the same order, month excepted.
     */
    private static boolean sameRuns(List<ContributionLines.Run> b, List<ContributionLines.Run> r) {
        // the same runs first (an engine pair shares the months before a reform's first change): the same months and lines
        int same = 0;
        int n = Math.min(b.size(), r.size());
        while (same < n && b.get(same) == r.get(same)) same++;
        if (same > 0) {
            b = b.subList(same, b.size());
            r = r.subList(same, r.size());
        }
        Segments s = new Segments(b, r);
        while (s.next()) {
            List<ContributionLine> xl = s.x.lines();
            List<ContributionLine> yl = s.y.lines();
            for (int k = 0; k < xl.size(); k++) {
                ContributionLine xk = xl.get(k);
                ContributionLine yk = yl.get(k);
                if (xk.scheme() != yk.scheme() || !sameLine(xk, yk)) return false;
            }
        }
        return s.paired();
    }

    /**
     * @return true when a person's {@link PersonResult} is the same with either assessment: the same decisions as
     *         {@link #sameDecisions} and with the same entitlement present, estimate and provisional flags, and the
     *         same contribution lines as {@link #sameLines} (so the same sums); then {@link #flips} finds nothing
     */
    static boolean sameResult(Assessment base, Assessment reform) {
        List<Decision> b = base.decisions();
        List<Decision> r = reform.decisions();
        if (!sameDecisions(b, r)) return false;
        for (int i = 0; i < b.size(); i++) {
            Decision x = b.get(i);
            Decision y = r.get(i);
            if (x.provisional() != y.provisional() || (x.entitlement() == null) != (y.entitlement() == null)) return false;
            if (x.entitlement() != null && x.entitlement().estimate() != y.entitlement().estimate()) return false;
        }
        return sameLines(base.contributions(), reform.contributions());
    }

    /**
     * @return true when the two lists pair up decision by decision with the same scheme, benefit, event date, outcome
     *         and entitlement (amount, period, days): then {@link #decisionFlip} finds nothing for any of them
     */
    private static boolean sameDecisions(List<Decision> b, List<Decision> r) {
        if (b.size() != r.size()) return false;
        for (int i = 0; i < b.size(); i++) {
            Decision x = b.get(i);
            Decision y = r.get(i);
            if (x.scheme() != y.scheme() || x.benefit() != y.benefit() || !Objects.equals(x.eventDate(), y.eventDate()) || x.outcome() != y.outcome()) return false;
            Entitlement xe = x.entitlement();
            Entitlement ye = y.entitlement();
            if (!Objects.equals(xe == null ? null : xe.amount(), ye == null ? null : ye.amount())
                    || !Objects.equals(xe == null ? null : xe.period(), ye == null ? null : ye.period())
                    || !Objects.equals(xe == null ? null : xe.durationDays(), ye == null ? null : ye.durationDays())) return false;
        }
        return true;
    }

    private static boolean sameLine(ContributionLine x, ContributionLine y) {
        if (x == null || y == null) return x == y;
        // the whole numbers first, the rates (compared by value) last
        return x.contributableWage() == y.contributableWage() && x.employer() == y.employer() && x.worker() == y.worker()
                && x.total() == y.total() && x.ruleId().equals(y.ruleId())
                && (x.rate() == y.rate() || x.rate() != null && y.rate() != null && x.rate().compareTo(y.rate()) == 0);
    }
}
