package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.TraceStep;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compliance findings (what unions check first): the facts the rules of {@code rules/compliance/} judge, and the
 * findings made of the notes they insert. The rules decide which months breach what; this class merges each rule's
 * months into compact ranges, computes the contributions missing, and what the breach costs the worker: the missing
 * employer's and worker's shares per scheme, and every benefit decision (by scheme, benefit and event date) that a
 * history without the breach would have changed, found by re-assessing a corrected profile through the same engine
 * with compliance turned off (no recursion). Stateless; thread-safe.
 *
 * <p>Counterfactuals: wage below the minimum: the months concerned declared at the regular minimum (in riel at the
 * rate used), paid as the history says; unpaid contributions: the months concerned paid (re-assessed only when the
 * profile has events whose benefits could change); late registration: the months concerned declared at the first
 * declared wage and paid. Without an event on or before the as-of date no benefit can differ, and the corrected
 * profile is cut down to the months concerned ({@link #only}). A finding whose check cannot be made (no exchange rate;
 * registration obligation unknown) has no amount and no costs.
 */
public final class ComplianceCheck {
    private ComplianceCheck() { }

    // ---------------------------------------------------------------- facts

    /**
     * The facts the compliance rules need besides the history spans: the profile's {@link ComplianceFact} (the gate
     * of every compliance rule) and the {@link EmploymentGapFact}s between the month of the employment start and the
     * first declared month on or after it.
     */
    public static List<Object> facts(WorkerProfile p, LocalDate asOf, ParamTimeline timeline) {
        List<Object> out = new ArrayList<>();
        out.add(new ComplianceFact(p, asOf, timeline));
        out.addAll(gaps(p, asOf, timeline));
        return out;
    }

    /** The months of employment with the current employer before its first declared month, cut where parameters change. */
    static List<EmploymentGapFact> gaps(WorkerProfile p, LocalDate asOf, ParamTimeline timeline) {
        LocalDate start = p.employmentStart();
        if (p.employmentStatus() != EmploymentStatus.EMPLOYEE || start == null || p.history().isEmpty()) return List.of();
        YearMonth startMonth = YearMonth.from(start);
        ContributionPeriod firstPeriod = null;
        YearMonth first = null;
        for (ContributionPeriod c : p.history()) {
            if (c.to().isBefore(startMonth)) continue; // an earlier employer
            YearMonth f = c.from().isBefore(startMonth) ? startMonth : c.from();
            if (first == null || f.isBefore(first)) {
                first = f;
                firstPeriod = c;
            }
        }
        if (first == null || first.isAfter(YearMonth.from(asOf))) return List.of();
        int from = ParamTimeline.index(startMonth.isBefore(ContributionPeriod.FIRST_MONTH) ? ContributionPeriod.FIRST_MONTH : startMonth);
        int to = ParamTimeline.index(first) - 1;
        Integer size = firstPeriod.enterpriseWorkers() != null ? firstPeriod.enterpriseWorkers() : p.enterpriseWorkers();
        List<EmploymentGapFact> out = new ArrayList<>();
        int s = from;
        while (s <= to) {
            int end = to;
            for (int m : timeline.changeMonths()) if (m > s && m - 1 < end) { end = m - 1; break; }
            LocalDate day1 = ParamTimeline.month(s).atDay(1);
            LocalDate ageDay = day1.isBefore(start) ? start : day1;
            out.add(new EmploymentGapFact(p.employmentStatus(), size, Assessor.age(p.birthDate(), ageDay), timeline.at(day1),
                    ParamTimeline.month(s), ParamTimeline.month(end), start, first, firstPeriod.declaredWage()));
            s = end + 1;
        }
        return out;
    }

    // ---------------------------------------------------------------- findings

    /**
     * @param notes       the notes the compliance rules inserted
     * @param lines       the assessment's contribution lines
     * @param decisions   the assessment's decisions
     * @param reassess    assesses a request with compliance turned off
     * @return one finding per compliance rule that found something, by issue then rule id
     */
    public static List<ComplianceFinding> findings(RuleSet ruleSet, AssessmentRequest request, Locale locale, List<ComplianceNote> notes,
                                                   List<ContributionLine> lines, List<Decision> decisions,
                                                   Function<AssessmentRequest, Assessment> reassess) {
        if (notes.isEmpty()) return List.of();
        List<ComplianceFinding> out = new ArrayList<>();
        for (List<ComplianceNote> group : groups(notes)) {
            ComplianceFinding f = finding(ruleSet, request, locale, group, lines, decisions, reassess);
            if (f != null) out.add(f);
        }
        out.sort(Comparator.comparing(ComplianceFinding::issue).thenComparing(ComplianceFinding::ruleId));
        return out;
    }

    /** The notes of each rule, in month order: one finding each. */
    private static Collection<List<ComplianceNote>> groups(List<ComplianceNote> notes) {
        Map<String, List<ComplianceNote>> byRule = new TreeMap<>();
        for (ComplianceNote n : notes) if (n.to() != null) byRule.computeIfAbsent(n.ruleId(), k -> new ArrayList<>()).add(n);
        for (List<ComplianceNote> group : byRule.values()) group.sort(Comparator.comparing(ComplianceNote::from));
        return byRule.values();
    }

    /** @return the months of a group of notes */
    private static Months months(List<ComplianceNote> group) {
        BitSet months = new BitSet();
        int base = ParamTimeline.index(group.get(0).from());
        for (ComplianceNote n : group) months.set(ParamTimeline.index(n.from()) - base, ParamTimeline.index(n.to()) - base + 1);
        return new Months(base, months);
    }

    /**
     * The corrected requests that {@link #findings} re-assesses for these notes, so that a caller can assess them
     * beforehand, together (the Assessor assesses those of a batch as one more batch).
     */
    public static List<AssessmentRequest> correctedRequests(RuleSet ruleSet, AssessmentRequest request, List<ComplianceNote> notes,
                                                            List<ContributionLine> lines) {
        List<AssessmentRequest> out = new ArrayList<>();
        for (List<ComplianceNote> group : groups(notes)) {
            AssessmentRequest r = correctedRequest(ruleSet, request, group, lines, months(group));
            if (r != null) out.add(r);
        }
        return out;
    }

    /**
     * @return the request with the breach of these notes corrected (the wage raised to the minimum, the unpaid months
     * paid, the undeclared months declared), or null when the finding compares nothing: the breach is not established,
     * or (unpaid contributions) no event has a benefit that could change
     */
    private static AssessmentRequest correctedRequest(RuleSet ruleSet, AssessmentRequest request, List<ComplianceNote> group,
                                                      List<ContributionLine> lines, Months m) {
        ComplianceNote first = group.get(0);
        boolean decided = first.status() == CriterionStatus.MET;
        WorkerProfile p = request.profile();
        boolean events = hasEventsBy(p, request.asOf());
        WorkerProfile corrected = switch (first.issue()) {
            case WAGE_BELOW_MINIMUM -> {
                if (!decided) yield null;
                Map<Integer, Money> wageAt = new HashMap<>();
                for (ComplianceNote n : group) {
                    for (int i = ParamTimeline.index(n.from()); i <= ParamTimeline.index(n.to()); i++) wageAt.put(i, Money.khr(n.minimumRiel()));
                }
                WorkerProfile fixed = rewrite(p, wageAt, new BitSet());
                yield events ? fixed : only(fixed, m);
            }
            case UNPAID_CONTRIBUTIONS -> {
                if (!events) yield null;
                BitSet paid = new BitSet();
                for (ContributionLine l : owed(ruleSet, group, lines)) paid.set(ParamTimeline.index(l.month()));
                yield rewrite(p, Map.of(), paid);
            }
            case LATE_REGISTRATION -> {
                if (!decided) yield null;
                WorkerProfile withGap = addMonths(p, m, (EmploymentGapFact) first.subject());
                yield events ? withGap : only(withGap, m);
            }
        };
        return corrected == null ? null : new AssessmentRequest(corrected, request.asOf(), request.schemes());
    }

    /** @return the unpaid contribution lines of the schemes and months of these notes */
    private static List<ContributionLine> owed(RuleSet ruleSet, List<ComplianceNote> group, List<ContributionLine> lines) {
        Set<String> schemeMonths = new LinkedHashSet<>();
        for (ComplianceNote n : group) {
            Scheme s = Scheme.valueOf(ruleSet.rules().rule(n.contribution().ruleId()).scheme());
            for (int i = ParamTimeline.index(n.from()); i <= ParamTimeline.index(n.to()); i++) schemeMonths.add(s + "|" + i);
        }
        List<ContributionLine> owed = new ArrayList<>();
        for (ContributionLine l : lines) {
            if (!l.paid() && schemeMonths.contains(l.scheme() + "|" + ParamTimeline.index(l.month()))) owed.add(l);
        }
        return owed;
    }

    private static ComplianceFinding finding(RuleSet ruleSet, AssessmentRequest request, Locale locale, List<ComplianceNote> group,
                                             List<ContributionLine> lines, List<Decision> decisions,
                                             Function<AssessmentRequest, Assessment> reassess) {
        ComplianceNote first = group.get(0);
        RuleInfo rule = ruleSet.rules().rule(first.ruleId());
        Months m = months(group);
        AssessmentRequest fix = correctedRequest(ruleSet, request, group, lines, m);
        Map<String, String> args = new HashMap<>();
        args.put("months", m.ranges());
        List<ParameterUse> uses = parameterUses(ruleSet, rule, group);
        boolean decided = first.status() == CriterionStatus.MET;
        boolean provisional = uses.stream().anyMatch(ParameterUse::provisional);
        Long missing = null;
        Long lost = null;
        List<TraceStep> costs = new ArrayList<>();
        WorkerProfile p = request.profile();
        boolean events = hasEventsBy(p, request.asOf());
        switch (first.issue()) {
            case WAGE_BELOW_MINIMUM -> {
                args.put("sector", p.sector().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                args.put("declared", byValue(group, n -> khr(((SpanFact) n.subject()).getWage())));
                args.put("minimumUsd", byValue(group, n -> usd(n.minimumUsd())));
                args.put("probationMinimum", byValue(group, n -> {
                    BigDecimal v = n.subject().getParams().num(ComplianceFact.PROBATION_MINIMUM_WAGE);
                    return v == null ? "—" : usd(v);
                }));
                if (decided) {
                    args.put("minimum", byValue(group, n -> usd(n.minimumUsd()) + " × " + n.rate().stripTrailingZeros().toPlainString()
                            + " KHR/US$ (rate of the " + n.rateOrigin() + ") = " + khr(n.minimumRiel())));
                    Assessment corrected = reassess.apply(fix);
                    missing = contributionCosts(costs, m, lines, corrected.contributions(), false, "due at the minimum wage");
                    provisional |= anyProvisional(lines, m) || anyProvisional(corrected.contributions(), m);
                    lost = 0L;
                    if (events) {
                        costs.addAll(benefitCosts(decisions, corrected.decisions(), "declared at the minimum wage"));
                        provisional |= provisionalCosts(decisions, corrected.decisions());
                        lost = benefitsLost(decisions, corrected.decisions());
                    }
                }
            }
            case UNPAID_CONTRIBUTIONS -> {
                List<ContributionLine> owed = owed(ruleSet, group, lines);
                missing = contributionCosts(costs, m, List.of(), owed, true, "unpaid");
                provisional |= owed.stream().anyMatch(ContributionLine::provisional);
                args.put("dueDay", dueDay(group));
                lost = 0L;
                if (events) {
                    Assessment corrected = reassess.apply(fix);
                    costs.addAll(benefitCosts(decisions, corrected.decisions(), "paid"));
                    provisional |= provisionalCosts(decisions, corrected.decisions());
                    lost = benefitsLost(decisions, corrected.decisions());
                }
            }
            case LATE_REGISTRATION -> {
                EmploymentGapFact g = (EmploymentGapFact) first.subject();
                args.put("employmentStart", g.getEmploymentStart().toString());
                args.put("firstDeclared", g.getFirstDeclared().toString());
                args.put("firstWage", money(g.getFirstWage()));
                args.put("deadlineDays", value(first.subject().getParams(), "registration.employee_deadline_days"));
                args.put("minWorkers", value(first.subject().getParams(), Params.MIN_ENTERPRISE_WORKERS));
                if (decided) {
                    Assessment corrected = reassess.apply(fix);
                    missing = contributionCosts(costs, m, List.of(), corrected.contributions(), false,
                            "undeclared, at the first declared wage " + money(g.getFirstWage()));
                    provisional |= anyProvisional(corrected.contributions(), m);
                    lost = 0L;
                    if (events) {
                        costs.addAll(benefitCosts(decisions, corrected.decisions(), "registered from the start"));
                        provisional |= provisionalCosts(decisions, corrected.decisions());
                        lost = benefitsLost(decisions, corrected.decisions());
                    }
                }
            }
        }
        args.put("missing", missing == null ? "—" : khr(missing));
        String message = ruleSet.messages().render(rule.id(), locale, args);
        if (message == null) message = rule.name().substring(rule.id().length() + 1);
        return new ComplianceFinding(first.issue(), rule.id(), m.ranges(), message, rule.citations(), uses, missing, costs, provisional, lost);
    }

    /** @return true when a contribution line of the finding's months is provisional */
    private static boolean anyProvisional(List<ContributionLine> lines, Months m) {
        for (ContributionLine l : lines) if (l.provisional() && m.contains(l.month())) return true;
        return false;
    }

    /**
     * @return true when a benefit decision that {@link #benefitCosts} reports as changed (by scheme, benefit and event
     *         date) is provisional, as declared or corrected
     */
    static boolean provisionalCosts(List<Decision> actual, List<Decision> corrected) {
        for (Changed ch : changed(actual, corrected)) {
            if ((ch.actual() != null && ch.actual().provisional()) || (ch.corrected() != null && ch.corrected().provisional())) return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- contributions

    /**
     * Adds one step per scheme (and a total) for the contributions of the finding's months: {@code after} minus
     * {@code before} (lines matched by month and scheme), employer's and worker's shares apart.
     *
     * @param onlyListed when true, {@code after} holds exactly the lines concerned; otherwise only its lines in the
     *                   finding's months count
     * @return the total missing, in riel
     */
    private static long contributionCosts(List<TraceStep> steps, Months m, List<ContributionLine> before, List<ContributionLine> after,
                                          boolean onlyListed, String how) {
        Map<Scheme, long[]> sums = new EnumMap<>(Scheme.class); // employer, worker, after total, before total
        Map<Scheme, BitSet> monthsOf = new EnumMap<>(Scheme.class);
        for (ContributionLine l : after) {
            if (!onlyListed && !m.contains(l.month())) continue;
            long[] s = sums.computeIfAbsent(l.scheme(), k -> new long[4]);
            s[0] = Math.addExact(s[0], l.employer());
            s[1] = Math.addExact(s[1], l.worker());
            s[2] = Math.addExact(s[2], l.total());
            monthsOf.computeIfAbsent(l.scheme(), k -> new BitSet()).set(m.offset(l.month()));
        }
        for (ContributionLine l : before) {
            if (!m.contains(l.month())) continue;
            long[] s = sums.computeIfAbsent(l.scheme(), k -> new long[4]);
            s[0] = Math.subtractExact(s[0], l.employer());
            s[1] = Math.subtractExact(s[1], l.worker());
            s[3] = Math.addExact(s[3], l.total());
            monthsOf.computeIfAbsent(l.scheme(), k -> new BitSet()).set(m.offset(l.month()));
        }
        long total = 0;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Scheme, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            long amount = Math.addExact(s[0], s[1]);
            Months sm = new Months(m.base, monthsOf.get(e.getKey()));
            String detail = before.isEmpty()
                    ? sm.count() + " month(s) " + how
                    : khr(s[2]) + " " + how + " − " + khr(s[3]) + " due at the declared wage, over " + sm.count() + " month(s)";
            steps.add(new TraceStep(schemeName(e.getKey()) + ": contributions missing for " + sm.ranges(),
                    "employer " + khr(s[0]) + " + worker " + khr(s[1]) + " (" + detail + ")",
                    khr(amount)));
            parts.add(khr(amount));
            total = Math.addExact(total, amount);
        }
        steps.add(new TraceStep("contributions missing in all", parts.isEmpty() ? "no contribution was due for these months" : String.join(" + ", parts),
                khr(total)));
        return total;
    }

    // ---------------------------------------------------------------- benefits

    /**
     * One step per benefit decision (by scheme, benefit and event date) whose outcome or amount differs between the
     * assessment as declared and the corrected one.
     */
    static List<TraceStep> benefitCosts(List<Decision> actual, List<Decision> corrected, String counterfactual) {
        List<TraceStep> out = new ArrayList<>();
        for (Changed ch : changed(actual, corrected)) {
            Key k = ch.key();
            out.add(new TraceStep(k.benefit().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + schemeName(k.scheme()) + "), event of " + k.date(),
                    "as declared: " + describe(ch.actual()) + "; " + counterfactual + ": " + describe(ch.corrected()), difference(ch.actual(), ch.corrected())));
        }
        return out;
    }

    /** A benefit decision on an event: its date, scheme and benefit. */
    private record Key(LocalDate date, Scheme scheme, String benefit) { }

    /** A benefit decision that differs between the assessment as declared and the corrected one (either may be absent). */
    private record Changed(Key key, Decision actual, Decision corrected) { }

    /** @return the benefit decisions on events that differ, by date, scheme and benefit */
    private static List<Changed> changed(List<Decision> actual, List<Decision> corrected) {
        Comparator<Key> order = Comparator.comparing(Key::date).thenComparing(Key::scheme).thenComparing(Key::benefit);
        Map<Key, Decision> a = new TreeMap<>(order);
        Map<Key, Decision> c = new TreeMap<>(order);
        for (Decision d : actual) if (d.eventDate() != null) a.put(new Key(d.eventDate(), d.scheme(), d.benefit().name()), d);
        for (Decision d : corrected) if (d.eventDate() != null) c.put(new Key(d.eventDate(), d.scheme(), d.benefit().name()), d);
        Set<Key> keys = new TreeSet<>(order);
        keys.addAll(a.keySet());
        keys.addAll(c.keySet());
        List<Changed> out = new ArrayList<>();
        for (Key k : keys) if (!same(a.get(k), c.get(k))) out.add(new Changed(k, a.get(k), c.get(k)));
        return out;
    }

    /**
     * @return the value ({@link Decision#value()}) of the benefit decisions on events that differ ({@link #benefitCosts}'s
     *         steps), corrected minus actual; a decision not eligible, or absent, counts 0; null when one that differs is
     *         eligible with a value that cannot be computed
     */
    static Long benefitsLost(List<Decision> actual, List<Decision> corrected) {
        long total = 0;
        for (Changed ch : changed(actual, corrected)) {
            Long before = valueOrZero(ch.actual());
            Long after = valueOrZero(ch.corrected());
            if (before == null || after == null) return null;
            total = Math.addExact(total, Math.subtractExact(after, before));
        }
        return total;
    }

    /** @return the value of an eligible decision, 0 for one not eligible or absent, null when eligible but not computable */
    private static Long valueOrZero(Decision d) {
        if (d == null || d.outcome() != Outcome.ELIGIBLE) return 0L;
        return d.value();
    }

    private static boolean same(Decision x, Decision y) {
        if (x == null || y == null) return x == y;
        if (x.outcome() != y.outcome()) return false;
        Entitlement e = x.entitlement();
        Entitlement f = y.entitlement();
        if (e == null || f == null) return e == f;
        return Objects.equals(e.amount(), f.amount()) && e.period() == f.period() && Objects.equals(e.durationDays(), f.durationDays())
                && e.estimate() == f.estimate();
    }

    private static String describe(Decision d) {
        if (d == null) return "no decision";
        Entitlement e = d.entitlement();
        if (e == null) return d.outcome().name();
        if (e.amount() == null) return d.outcome() + ", amount undetermined";
        return d.outcome() + ", " + amount(e) + (e.estimate() ? " (estimate)" : "");
    }

    private static String amount(Entitlement e) {
        String per = switch (e.period()) {
            case PER_DAY -> " per day";
            case PER_MONTH -> " per month";
            case ONCE -> " once";
        };
        return khr(e.amount()) + per + (e.durationDays() != null ? " for " + e.durationDays() + " days" : "");
    }

    /** @return the change from {@code x} (as declared) to {@code y} (corrected), as a signed amount where both have one */
    private static String difference(Decision x, Decision y) {
        boolean estimate = (x != null && x.entitlement() != null && x.entitlement().estimate())
                || (y != null && y.entitlement() != null && y.entitlement().estimate());
        return change(x, y) + (estimate ? " (estimate)" : "");
    }

    private static String change(Decision x, Decision y) {
        Long before = paid(x);
        Long after = paid(y);
        Entitlement e = x == null ? null : x.entitlement();
        Entitlement f = y == null ? null : y.entitlement();
        if (before != null && after != null && e.period() == f.period()) {
            long d = Math.subtractExact(after, before);
            String s = signed(d) + (e.period() == AmountPeriod.PER_DAY ? " per day" : e.period() == AmountPeriod.PER_MONTH ? " per month" : "");
            if (e.period() == AmountPeriod.PER_DAY && e.durationDays() != null && Objects.equals(e.durationDays(), f.durationDays())) {
                s += " (" + signed(Math.multiplyExact(d, (long) e.durationDays())) + " over " + e.durationDays() + " days)";
            }
            return s;
        }
        String from = x == null ? "no decision" : x.outcome().name();
        String to = y == null ? "no decision" : y.outcome().name();
        if (after != null && before == null) return to + " instead of " + from + ": " + amount(f) + " not received";
        return to + " instead of " + from;
    }

    /** @return the amount per period of an eligible decision with a determined amount, otherwise null */
    private static Long paid(Decision d) {
        if (d == null || d.entitlement() == null) return null;
        return d.entitlement().amount();
    }

    private static String signed(long v) {
        return (v > 0 ? "+" : v < 0 ? "−" : "") + khr(Math.abs(v));
    }

    // ---------------------------------------------------------------- corrected profiles

    /**
     * @return the profile with, month by month, the declared wage replaced where {@code wageAt} says and the month
     *         marked paid where {@code paidAt} says (both by month index); equal neighbouring months merged
     */
    static WorkerProfile rewrite(WorkerProfile p, Map<Integer, Money> wageAt, BitSet paidAt) {
        List<ContributionPeriod> out = new ArrayList<>();
        List<ContributionPeriod> sorted = new ArrayList<>(p.history());
        sorted.sort(Comparator.comparing(ContributionPeriod::from));
        for (ContributionPeriod c : sorted) {
            ContributionPeriod run = null;
            for (YearMonth ym = c.from(); !ym.isAfter(c.to()); ym = ym.plusMonths(1)) {
                int i = ParamTimeline.index(ym);
                Money wage = wageAt.getOrDefault(i, c.declaredWage());
                boolean paid = c.paid() || paidAt.get(i);
                if (run != null && run.declaredWage().equals(wage) && run.paid() == paid) {
                    run = new ContributionPeriod(run.from(), ym, wage, paid, c.schemes(), c.enterpriseWorkers(), c.employerId());
                } else {
                    if (run != null) out.add(run);
                    run = new ContributionPeriod(ym, ym, wage, paid, c.schemes(), c.enterpriseWorkers(), c.employerId());
                }
            }
            out.add(run);
        }
        return p.toBuilder().history(out).build();
    }

    /** @return the profile with the finding's months declared at the first declared wage and paid */
    private static WorkerProfile addMonths(WorkerProfile p, Months m, EmploymentGapFact g) {
        ContributionPeriod firstPeriod = null;
        for (ContributionPeriod c : p.history()) if (c.contains(g.getFirstDeclared())) firstPeriod = c;
        List<ContributionPeriod> history = new ArrayList<>(p.history());
        for (int[] r : m.runs()) {
            history.add(new ContributionPeriod(ParamTimeline.month(r[0]), ParamTimeline.month(r[1]), g.getFirstWage(), true,
                    firstPeriod.schemes(), firstPeriod.enterpriseWorkers(), firstPeriod.employerId()));
        }
        return p.toBuilder().history(history).build();
    }

    /**
     * @return the profile with only the history months of {@code m} and no events: enough to compute the contribution
     *         lines of those months, since a month's lines depend on that month alone (its declared wage, paid flag,
     *         parameters, age, status and enterprise size), as long as no voluntary scheme is involved; used when no
     *         event could make a benefit decision differ, it saves most of the counterfactual assessment
     */
    static WorkerProfile only(WorkerProfile p, Months m) {
        List<ContributionPeriod> out = new ArrayList<>();
        for (ContributionPeriod c : p.history()) {
            for (int[] r : m.runs()) {
                int from = Math.max(r[0], ParamTimeline.index(c.from()));
                int to = Math.min(r[1], ParamTimeline.index(c.to()));
                if (from <= to) {
                    out.add(new ContributionPeriod(ParamTimeline.month(from), ParamTimeline.month(to), c.declaredWage(), c.paid(), c.schemes(),
                            c.enterpriseWorkers(), c.employerId()));
                }
            }
        }
        return p.toBuilder().history(out).events(List.of()).build();
    }

    private static boolean hasEventsBy(WorkerProfile p, LocalDate asOf) {
        for (LifeEvent e : p.events()) if (!e.date().isAfter(asOf)) return true;
        return false;
    }

    // ---------------------------------------------------------------- explanation

    /** @return the parameter values the rule names, in force for each run of months of the group, once each */
    private static List<ParameterUse> parameterUses(RuleSet ruleSet, RuleInfo rule, List<ComplianceNote> group) {
        Map<String, ParameterUse> uses = new TreeMap<>();
        for (ComplianceNote n : group) {
            for (String id : rule.parameterIds()) {
                Parameter.Entry e = n.subject().getParams().entry(id);
                if (e != null) uses.putIfAbsent(id + "|" + e.from(), ruleSet.parameters().use(e));
            }
        }
        return List.copyOf(uses.values());
    }

    /** @return each distinct value of the group with its months, e.g. "700,000 KHR (2024-01 to 2024-06); 750,000 KHR (2024-07)" */
    private static String byValue(List<ComplianceNote> group, Function<ComplianceNote, String> value) {
        Map<String, List<ComplianceNote>> by = new LinkedHashMap<>();
        for (ComplianceNote n : group) by.computeIfAbsent(value.apply(n), k -> new ArrayList<>()).add(n);
        if (by.size() == 1) return by.keySet().iterator().next();
        List<String> parts = new ArrayList<>();
        by.forEach((v, ns) -> {
            int base = ParamTimeline.index(ns.get(0).from());
            BitSet b = new BitSet();
            for (ComplianceNote n : ns) b.set(ParamTimeline.index(n.from()) - base, ParamTimeline.index(n.to()) - base + 1);
            parts.add(v + " (" + new Months(base, b).ranges() + ")");
        });
        return String.join("; ", parts);
    }

    private static String dueDay(List<ComplianceNote> group) {
        Set<String> days = new LinkedHashSet<>();
        for (ComplianceNote n : group) days.add(value(n.subject().getParams(), ComplianceFact.PAYMENT_DUE_DAY));
        return String.join(" or ", days);
    }

    private static String value(Params p, String id) {
        Parameter.Entry e = p.entry(id);
        return e == null ? "—" : e.display();
    }

    /** @return "852,800 KHR" (the format of {@link HealthCareCalc}, without building a NumberFormat per call) */
    static String khr(long v) {
        String digits = Long.toString(Math.abs(v));
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (v < 0) sb.append('-');
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) sb.append(',').append(digits, i, i + 3);
        return sb.append(" KHR").toString();
    }

    static String usd(BigDecimal v) {
        return "US$" + v.stripTrailingZeros().toPlainString();
    }

    private static String money(Money m) {
        return m.currency() == Currency.USD
                ? usd(m.amount()) + " × " + m.exchangeRate().stripTrailingZeros().toPlainString() + " = " + khr(m.toRiel())
                : khr(m.toRiel());
    }

    static String schemeName(Scheme s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A set of months, as offsets from a base month index. */
    record Months(int base, BitSet bits) {
        boolean contains(YearMonth m) {
            int i = ParamTimeline.index(m) - base;
            return i >= 0 && bits.get(i);
        }

        int offset(YearMonth m) {
            return ParamTimeline.index(m) - base;
        }

        int count() {
            return bits.cardinality();
        }

        /** @return runs of consecutive months as absolute {first, last} indexes */
        List<int[]> runs() {
            List<int[]> out = new ArrayList<>();
            for (int i = bits.nextSetBit(0); i >= 0; ) {
                int end = bits.nextClearBit(i) - 1;
                out.add(new int[] {base + i, base + end});
                i = bits.nextSetBit(end + 1);
            }
            return out;
        }

        /** @return "2024-01 to 2024-06, 2024-09" */
        String ranges() {
            List<String> parts = new ArrayList<>();
            for (int[] r : runs()) {
                YearMonth a = ParamTimeline.month(r[0]);
                YearMonth b = ParamTimeline.month(r[1]);
                parts.add(a.equals(b) ? a.toString() : a + " to " + b);
            }
            return String.join(", ", parts);
        }
    }
}
