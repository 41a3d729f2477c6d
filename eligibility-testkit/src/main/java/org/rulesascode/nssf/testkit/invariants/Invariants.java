package org.rulesascode.nssf.testkit.invariants;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.LifeEvents;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The catalogue of ready-made invariants, to run against any {@link EligibilityEngine}: the standard one, a reformed
 * one, or a user's own. None of them holds a legal number: bounds and rates are read from the parameter values the
 * decisions and lines say they used ({@link ParameterUse}), so the same invariants check a reform.
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> myReformKeepsTheInvariants() {
 *     return Invariants.dynamicTests(myEngine, WorkerProfiles.any().withLifeEvents(), 500, 42L, Invariants.standard());
 * }
 * }</pre>
 *
 * <p>Conventions read from the explanations (those of the standard rule base): a line's parameters whose ids end in
 * {@code employer_rate} and {@code worker_rate} are its shares' rates, one ending in {@code floor} or {@code ceiling}
 * (unit KHR) bounds its contributable wage, as does a scale parameter whose value ends "LO to HI"; a decision's
 * parameter whose id ends in {@code max_days} caps the days of its entitlement.
 */
public final class Invariants {
    private Invariants() { }

    /**
     * Benefits paid instead of another when the other's conditions fail: with more contribution
     * months the first may give way to the second (a lump-sum allowance to a pension), which is not a loss.
     */
    static final Map<Benefit, Benefit> GIVES_WAY_TO = Map.of(
            Benefit.OLD_AGE_ALLOWANCE, Benefit.OLD_AGE_PENSION,
            Benefit.SURVIVORS_ALLOWANCE, Benefit.SURVIVORS_PENSION);

    private static final Pattern SCALE_RANGE = Pattern.compile("(-?\\d+) to (-?\\d+)\\s*$");

    // ------------------------------------------------------------------ the catalogue

    /** @return every invariant below that needs no second engine, in a stable order */
    public static List<Invariant> standard() {
        return List.of(conservation(), capsAndFloors(), monotoneInWage(), monotoneInContributionMonths(), deterministic(),
                historyOrderIrrelevant(), eventOrderIrrelevant(), factsAfterAsOfIgnored(), refusalsExplained());
    }

    /**
     * Conservation: on every contribution line, the shares are not negative, employer + worker = total, each share is
     * the contributable wage × its rate (parameters ending in {@code employer_rate} / {@code worker_rate}) rounded to
     * the riel as {@link Money#ROUNDING} says, and the line's rate is their sum; a flat line (no rate) totals the
     * value of its parameter ending in {@code flat_amount}. Missing contributions of a compliance finding are never
     * negative.
     */
    public static Invariant conservation() {
        return Invariant.of("conservation", "employer + worker = total on every line; each share = contributable wage x its rate, "
                + "rounded half up; a flat line totals its flat amount", (engine, c) -> {
            Assessment a = engine.assess(c.request());
            for (ContributionLine l : a.contributions()) {
                if (l.employer() < 0 || l.worker() < 0 || l.contributableWage() < 0) return Verdict.fail("a negative amount on " + show(l));
                if (l.employer() + l.worker() != l.total()) return Verdict.fail("employer + worker != total on " + show(l));
                BigDecimal er = rate(l.parameters(), "employer_rate");
                BigDecimal wr = rate(l.parameters(), "worker_rate");
                if (l.rate() != null && er != null && wr != null) {
                    long e = share(l.contributableWage(), er);
                    long w = share(l.contributableWage(), wr);
                    if (e != l.employer() || w != l.worker()) {
                        return Verdict.fail("shares of " + show(l) + " are not the wage x the rates " + er.toPlainString() + " and "
                                + wr.toPlainString() + " (expected employer " + e + ", worker " + w + ")");
                    }
                    if (l.rate().compareTo(er.add(wr)) != 0) {
                        return Verdict.fail("the rate of " + show(l) + " is not " + er.toPlainString() + " + " + wr.toPlainString());
                    }
                }
                BigDecimal flat = rate(l.parameters(), "flat_amount");
                if (l.rate() == null && flat != null && BigDecimal.valueOf(l.total()).compareTo(flat) != 0) {
                    return Verdict.fail("the flat line " + show(l) + " does not total its flat amount " + flat.toPlainString());
                }
            }
            for (ComplianceFinding f : a.compliance()) {
                if (f.missingContributions() != null && f.missingContributions() < 0) {
                    return Verdict.fail("negative missing contributions in " + f.ruleId() + " " + f.months() + ": " + f.missingContributions());
                }
            }
            return Verdict.pass();
        });
    }

    /**
     * Caps and floors: every line's contributable wage lies within the floor and ceiling it names (parameters ending in
     * {@code floor} / {@code ceiling}, unit KHR) and within the range of the scale it names ("... LO to HI"); no
     * entitlement pays more days than a {@code max_days} parameter of its decision allows, nor a negative amount.
     */
    public static Invariant capsAndFloors() {
        return Invariant.of("caps and floors", "contributable wages within the floors, ceilings and scales the lines name; "
                + "no entitlement beyond its max_days; no negative amount", (engine, c) -> {
            Assessment a = engine.assess(c.request());
            for (ContributionLine l : a.contributions()) {
                for (ParameterUse u : l.parameters()) {
                    String last = lastSegment(u.id());
                    BigDecimal v = number(u.value());
                    if ("KHR".equals(u.unit()) && v != null && last.equals("ceiling") && BigDecimal.valueOf(l.contributableWage()).compareTo(v) > 0) {
                        return Verdict.fail(show(l) + ": contributable wage above the ceiling " + u.id() + " = " + u.value());
                    }
                    if ("KHR".equals(u.unit()) && v != null && last.equals("floor") && BigDecimal.valueOf(l.contributableWage()).compareTo(v) < 0) {
                        return Verdict.fail(show(l) + ": contributable wage below the floor " + u.id() + " = " + u.value());
                    }
                    Matcher m = "scale".equals(u.unit()) ? SCALE_RANGE.matcher(u.value()) : null;
                    if (m != null && m.find()) {
                        long lo = Long.parseLong(m.group(1));
                        long hi = Long.parseLong(m.group(2));
                        if (l.contributableWage() < lo || l.contributableWage() > hi) {
                            return Verdict.fail(show(l) + ": contributable wage outside the scale " + u.id() + " (" + u.value() + ")");
                        }
                    }
                }
            }
            for (Decision d : a.decisions()) {
                Entitlement e = d.entitlement();
                if (e == null) continue;
                if (e.amount() != null && e.amount() < 0) return Verdict.fail("a negative amount: " + show(d));
                if (e.durationDays() == null) continue;
                if (e.durationDays() < 0) return Verdict.fail("a negative number of days: " + show(d));
                for (Reason r : d.reasons()) {
                    for (ParameterUse u : r.parameters()) {
                        BigDecimal max = number(u.value());
                        if (lastSegment(u.id()).equals("max_days") && max != null && BigDecimal.valueOf(e.durationDays()).compareTo(max) > 0) {
                            return Verdict.fail(show(d) + ": " + e.durationDays() + " days, above " + u.id() + " = " + u.value() + " (" + r.ruleId() + ")");
                        }
                    }
                }
            }
            return Verdict.pass();
        });
    }

    /**
     * Monotonicity in the wage: with every declared wage raised (by 1 riel or by 137,777 riel, depending on the case),
     * the same months and schemes have lines, no line's contributable wage or share is lower, no ELIGIBLE benefit
     * becomes anything else, and no amount of an ELIGIBLE benefit (same period) is lower.
     */
    public static Invariant monotoneInWage() {
        return Invariant.of("monotone in the wage", "a higher declared wage never lowers a contribution line, "
                + "never takes a benefit away and never lowers a benefit's amount", (engine, c) -> {
            if (c.profile().history().isEmpty()) return Verdict.notApplicable("no history");
            long raise = c.asOf().toEpochDay() % 2 == 0 ? 1 : 137_777;
            List<ContributionPeriod> higher = new ArrayList<>();
            for (ContributionPeriod p : c.profile().history()) {
                higher.add(new ContributionPeriod(p.from(), p.to(), Money.khr(p.declaredWage().toRiel() + raise), p.paid(),
                        p.schemes(), p.enterpriseWorkers(), p.employerId()));
            }
            ProfileCase more = c.with(c.profile().toBuilder().history(higher).build());
            Assessment low = engine.assess(c.request());
            Assessment high = engine.assess(more.request());
            Map<String, ContributionLine> lo = Diff.lines(low);
            Map<String, ContributionLine> hi = Diff.lines(high);
            if (!lo.keySet().equals(hi.keySet())) {
                return Verdict.fail("a raise of " + raise + " KHR changed which months and schemes have lines: " + Diff.keys(lo.keySet(), hi.keySet()));
            }
            for (Map.Entry<String, ContributionLine> x : lo.entrySet()) {
                ContributionLine l = x.getValue();
                ContributionLine h = hi.get(x.getKey());
                if (h.contributableWage() < l.contributableWage() || h.employer() < l.employer() || h.worker() < l.worker() || h.total() < l.total()) {
                    return Verdict.fail("a raise of " + raise + " KHR lowered the line " + show(l) + " to " + show(h));
                }
            }
            Map<String, List<Decision>> before = Diff.benefits(low);
            Map<String, List<Decision>> after = Diff.benefits(high);
            for (Map.Entry<String, List<Decision>> x : before.entrySet()) {
                List<Decision> now = after.getOrDefault(x.getKey(), List.of());
                for (int i = 0; i < x.getValue().size(); i++) {
                    Decision d = x.getValue().get(i);
                    if (d.outcome() != Outcome.ELIGIBLE) continue;
                    Decision e = i < now.size() ? now.get(i) : null;
                    if (e == null || e.outcome() != Outcome.ELIGIBLE) {
                        return Verdict.fail("a raise of " + raise + " KHR turned " + show(d) + " into " + (e == null ? "no decision" : show(e)));
                    }
                    Entitlement was = d.entitlement();
                    Entitlement is = e.entitlement();
                    if (was != null && is != null && was.amount() != null && is.amount() != null && was.period() == is.period()
                            && is.amount() < was.amount()) {
                        return Verdict.fail("a raise of " + raise + " KHR lowered the amount of " + show(d) + " to " + is.amount());
                    }
                }
            }
            return Verdict.pass();
        });
    }

    /**
     * Monotonicity in contribution months: with 1 to 36 more paid months just before the history (same wage, schemes and
     * employer as its first period), no ELIGIBLE benefit becomes NOT_ELIGIBLE or disappears, unless it gives way to the
     * benefit it stands in for (an old-age or survivors' allowance to the pension, which then is ELIGIBLE).
     */
    public static Invariant monotoneInContributionMonths() {
        return Invariant.of("monotone in contribution months", "more paid contribution months before the history never take "
                + "an ELIGIBLE benefit away (an allowance may give way to the pension)", (engine, c) -> {
            int months = 1 + Math.floorMod(c.asOf().getDayOfYear() + c.profile().birthDate().getDayOfMonth(), 36);
            ProfileCase more = extendedBackwards(c, months);
            if (more == null) return Verdict.notApplicable("no history, or no room before it");
            Map<String, List<Decision>> before = Diff.benefits(engine.assess(c.request()));
            Map<String, List<Decision>> after = Diff.benefits(engine.assess(more.request()));
            for (Map.Entry<String, List<Decision>> x : before.entrySet()) {
                List<Decision> now = after.getOrDefault(x.getKey(), List.of());
                for (int i = 0; i < x.getValue().size(); i++) {
                    Decision d = x.getValue().get(i);
                    if (d.outcome() != Outcome.ELIGIBLE) continue;
                    Decision e = i < now.size() ? now.get(i) : null;
                    if (e != null && e.outcome() != Outcome.NOT_ELIGIBLE) continue;
                    Benefit instead = GIVES_WAY_TO.get(d.benefit());
                    if (instead != null && after.getOrDefault(Diff.key(d.scheme(), instead, d.eventDate()), List.of()).stream()
                            .anyMatch(y -> y.outcome() == Outcome.ELIGIBLE)) continue;
                    return Verdict.fail("with " + more.profile().history().get(0) + " added before the history, " + show(d)
                            + " became " + (e == null ? "no decision" : show(e)));
                }
            }
            return Verdict.pass();
        });
    }

    /** Determinism: the same request twice gives equal assessments. */
    public static Invariant deterministic() {
        return Invariant.of("deterministic", "the same request twice gives equal assessments", (engine, c) -> {
            Assessment a = engine.assess(c.request());
            Assessment b = engine.assess(c.request());
            String diff = Diff.assessments(a, b);
            return Verdict.check(diff == null, "two assessments of the same request differ: " + diff);
        });
    }

    /** Order independence: the history's periods in another order (reversed, then shuffled) give an equal assessment. */
    public static Invariant historyOrderIrrelevant() {
        return Invariant.of("history order irrelevant", "the order of the history periods does not matter", (engine, c) -> {
            if (c.profile().history().size() < 2) return Verdict.notApplicable("fewer than two history periods");
            List<ContributionPeriod> shuffled = new ArrayList<>(c.profile().history());
            Collections.reverse(shuffled);
            Collections.shuffle(shuffled, new Random(c.asOf().toEpochDay()));
            ProfileCase other = c.with(c.profile().toBuilder().history(shuffled).build());
            String diff = Diff.assessments(engine.assess(c.request()), engine.assess(other.request()));
            return Verdict.check(diff == null, "with the history in the order " + shuffled.stream().map(p -> p.from() + ".." + p.to()).toList() + ": " + diff);
        });
    }

    /**
     * Order independence: the events and each death's survivors in reverse order give an equal assessment. (Not the
     * dependants: a decision on dependants numbers them by their place in the profile and gives one reason each, in that
     * order, so reordering them rightly reorders those reasons.)
     */
    public static Invariant eventOrderIrrelevant() {
        return Invariant.of("event order irrelevant", "the order of life events and survivors does not matter", (engine, c) -> {
            WorkerProfile p = c.profile();
            boolean survivors = p.events().stream().anyMatch(e -> e instanceof Death d && d.survivors().size() > 1);
            if (p.events().size() < 2 && !survivors) return Verdict.notApplicable("nothing to reorder");
            List<LifeEvent> events = new ArrayList<>();
            for (LifeEvent e : p.events()) {
                if (e instanceof Death d) {
                    List<org.rulesascode.nssf.eligibility.Person> s = new ArrayList<>(d.survivors());
                    Collections.reverse(s);
                    e = new Death(d.date(), d.workRelated(), s);
                }
                events.add(e);
            }
            Collections.reverse(events);
            WorkerProfile q = new WorkerProfile(p.id(), p.birthDate(), p.sex(), p.employmentStatus(), p.sector(), p.wage(),
                    p.employmentStart(), p.enterpriseWorkers(), p.history(), events, p.dependants());
            Assessment a = engine.assess(c.request());
            Assessment b = engine.assess(c.with(q).request());
            // the ignored events follow the profile's order: reversed, they are the same events in reverse
            List<LifeEvent> ignored = new ArrayList<>(b.ignoredEvents());
            Collections.reverse(ignored);
            if (!ignored.equals(reversedSurvivors(a.ignoredEvents()))) {
                return Verdict.fail("with the events and survivors reversed, the ignored events are " + b.ignoredEvents() + ", not "
                        + a.ignoredEvents() + " reversed");
            }
            String diff = Diff.assessments(a, ignoring(b, a.ignoredEvents()));
            return Verdict.check(diff == null, "with the events and survivors reversed: " + diff);
        });
    }

    /**
     * Facts after the as-of date change nothing: the history's months after the as-of month get another wage, paid flag,
     * enterprise size and employer, one or two periods are appended after the history, and one to three life events are
     * added after the as-of date (unless the worker died on or before it); the assessment must be equal, except that it
     * names the events after the as-of date as ignored ({@link Assessment#ignoredEvents()}).
     */
    public static Invariant factsAfterAsOfIgnored() {
        return Invariant.of("facts after the as-of date ignored", "history months and life events after the as-of date "
                + "change nothing", (engine, c) -> {
            ProfileCase later = withFactsAfterAsOf(c);
            if (later == null) return Verdict.notApplicable("no room after the as-of date");
            Assessment a = engine.assess(c.request());
            Assessment b = engine.assess(later.request());
            List<LifeEvent> after = later.request().eventsAfterAsOf();
            if (!b.ignoredEvents().equals(after)) {
                return Verdict.fail("with the later facts of " + later + ": the ignored events are " + b.ignoredEvents()
                        + ", not the events after the as-of date " + after);
            }
            String diff = Diff.assessments(a, ignoring(b, a.ignoredEvents()));
            return Verdict.check(diff == null, "with the later facts of " + later + ": " + diff);
        });
    }

    /**
     * Refusals are explained: every NOT_ELIGIBLE decision has a NOT_MET reason citing a legal source; every other
     * adverse decision (NOT_COVERED, NOT_IN_FORCE, NEEDS_INFORMATION) a NOT_MET or UNKNOWN one that cites a source, and a
     * NEEDS_INFORMATION decision an UNKNOWN one; a refused benefit carries no entitlement.
     */
    public static Invariant refusalsExplained() {
        return Invariant.of("refusals explained", "every NOT_ELIGIBLE is explained by a failed criterion with a citation "
                + "(and every other adverse decision by a failed or unknown one)", (engine, c) -> {
            for (Decision d : engine.assess(c.request()).decisions()) {
                Outcome o = d.outcome();
                if (o == Outcome.ELIGIBLE || o == Outcome.COVERED) continue;
                boolean explained = d.reasons().stream().anyMatch(r -> !r.citations().isEmpty()
                        && (r.status() == CriterionStatus.NOT_MET || o != Outcome.NOT_ELIGIBLE && r.status() == CriterionStatus.UNKNOWN));
                if (!explained) return Verdict.fail(show(d) + " has no " + (o == Outcome.NOT_ELIGIBLE ? "NOT_MET" : "NOT_MET or UNKNOWN")
                        + " reason with a citation");
                if (o == Outcome.NEEDS_INFORMATION && d.reasons().stream().noneMatch(r -> r.status() == CriterionStatus.UNKNOWN)) {
                    return Verdict.fail(show(d) + " needs information but no reason is UNKNOWN");
                }
                if (d.entitlement() != null) return Verdict.fail(show(d) + " carries an entitlement " + d.entitlement());
            }
            return Verdict.pass();
        });
    }

    /**
     * A reform changes only what it names: every decision, contribution line and compliance finding that uses none of
     * {@code parameterIds} (in the baseline's assessment or the reformed one's) is the same under both engines, and
     * none appears or disappears. "The same" is in substance: a decision's outcome, entitlement, provisional flags and
     * reasons (rule, status, parameter values, sources); a line whole; a finding's months, missing contributions and
     * parameter values. Explanation texts (messages, the facts a reason quotes, distances, steps, costs) are not
     * compared: they may quote facts of the event derived under other parameters. Benefits rest on the contribution
     * record: where the reform changes a parameter some contribution line of a scheme names, that scheme's benefit
     * decisions may change, and so may the missing contributions of compliance findings. The engine given to
     * {@link Invariant#check} is the reformed one. It also finds results that depend on a parameter their
     * explanation does not name.
     *
     * @param baseline     the engine without the reform
     * @param parameterIds the ids of the parameters the reform changes
     */
    public static Invariant reformChangesOnlyWhatItNames(EligibilityEngine baseline, Set<String> parameterIds) {
        Objects.requireNonNull(baseline, "baseline");
        Set<String> ids = Set.copyOf(parameterIds);
        return Invariant.of("a reform changes only what it names", "decisions, lines and findings that use none of the "
                + "parameters " + new java.util.TreeSet<>(ids) + " are the same with and without the reform", (reformed, c) -> {
            String diff = Diff.outsideReform(baseline.assess(c.request()), reformed.assess(c.request()), ids);
            return Verdict.check(diff == null, diff);
        });
    }

    /**
     * {@link #reformChangesOnlyWhatItNames(EligibilityEngine, Set)} with the parameters {@code reform} changes; the engine
     * given to {@link Invariant#check} is {@code baseline.withReform(reform)} (or another engine with that reform).
     *
     * @throws IllegalArgumentException for a reform with rule files: its rules may change what no parameter names; pass
     *                                  the parameter ids you expect it to touch to the other overload
     */
    public static Invariant reformChangesOnlyWhatItNames(EligibilityEngine baseline, Reform reform) {
        if (reform.structural()) {
            throw new IllegalArgumentException("reform '" + reform.name() + "' has rule files: name the parameters it may touch yourself");
        }
        Set<String> ids = new java.util.TreeSet<>();
        for (Reform.Change c : reform.changes()) ids.add(c.parameterId());
        return reformChangesOnlyWhatItNames(baseline, ids);
    }

    // ------------------------------------------------------------------ JUnit 5

    /**
     * One JUnit 5 dynamic test per invariant, each running it on {@code count} cases of {@code generator} with
     * {@code seed} and failing with the seed and the shrunk profile as JSON. Needs {@code junit-jupiter-api} on the
     * class path (an optional dependency of the testkit). Return it from a {@code @TestFactory} method.
     */
    @SuppressWarnings("exports") // JUnit is an optional dependency: only this helper needs it
    public static Stream<org.junit.jupiter.api.DynamicTest> dynamicTests(EligibilityEngine engine, WorkerProfiles generator, int count,
                                                                       long seed, Invariant... invariants) {
        return dynamicTests(engine, generator.arbitrary(), count, seed, List.of(invariants));
    }

    /** As {@link #dynamicTests(EligibilityEngine, WorkerProfiles, int, long, Invariant...)}, with a list. */
    @SuppressWarnings("exports") // JUnit is an optional dependency: only this helper needs it
    public static Stream<org.junit.jupiter.api.DynamicTest> dynamicTests(EligibilityEngine engine, WorkerProfiles generator, int count,
                                                                       long seed, List<? extends Invariant> invariants) {
        return dynamicTests(engine, generator.arbitrary(), count, seed, invariants);
    }

    /** As {@link #dynamicTests(EligibilityEngine, WorkerProfiles, int, long, Invariant...)}, with any generator and its shrinker. */
    @SuppressWarnings("exports") // JUnit is an optional dependency: only this helper needs it
    public static Stream<org.junit.jupiter.api.DynamicTest> dynamicTests(EligibilityEngine engine, Arbitrary<ProfileCase> generator,
                                                                       int count, long seed, List<? extends Invariant> invariants) {
        return JUnitSupport.dynamicTests(engine, generator, count, seed, invariants);
    }

    // ------------------------------------------------------------------ input transformations

    /**
     * The case with {@code months} paid months (same wage, declared schemes and employer as the first period; the
     * enterprise size left to the profile) just before its history; null when there is no history or no room before it
     * (2008-01, or the month after the worker's 14th birthday).
     */
    public static ProfileCase extendedBackwards(ProfileCase c, int months) {
        WorkerProfile p = c.profile();
        if (p.history().isEmpty()) return null;
        ContributionPeriod first = p.history().stream().min(Comparator.comparing(ContributionPeriod::from)).orElseThrow();
        YearMonth to = first.from().minusMonths(1);
        YearMonth earliest = max(ContributionPeriod.FIRST_MONTH, YearMonth.from(p.birthDate().plusYears(14)).plusMonths(1));
        YearMonth from = max(to.minusMonths(months - 1L), earliest);
        if (to.isBefore(from)) return null;
        List<ContributionPeriod> h = new ArrayList<>();
        h.add(new ContributionPeriod(from, to, first.declaredWage(), true, first.schemes(), null, first.employerId()));
        h.addAll(p.history());
        try {
            return c.with(p.toBuilder().history(h).build());
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /**
     * The case with facts dated after its as-of date changed or added (see {@link #factsAfterAsOfIgnored()}), drawn from
     * a generator seeded by the case's dates, so the same case gets the same additions; null when nothing can be added.
     */
    public static ProfileCase withFactsAfterAsOf(ProfileCase c) {
        WorkerProfile p = c.profile();
        LocalDate asOf = c.asOf();
        RandomGenerator r = Property.random(asOf.toEpochDay() * 1_000_003L + p.birthDate().toEpochDay());
        YearMonth cut = YearMonth.from(asOf);
        List<ContributionPeriod> h = new ArrayList<>();
        YearMonth end = cut;
        for (ContributionPeriod x : p.history()) {
            if (x.contains(cut) && x.to().isAfter(cut)) {
                h.add(new ContributionPeriod(x.from(), cut, x.declaredWage(), x.paid(), x.schemes(), x.enterpriseWorkers(), x.employerId()));
                h.add(new ContributionPeriod(cut.plusMonths(1), x.to(), Money.khr(x.declaredWage().toRiel() * 2 + 1), !x.paid(),
                        x.schemes(), x.enterpriseWorkers() == null ? 3 : null, "later"));
            } else if (x.from().isAfter(cut)) {
                h.add(new ContributionPeriod(x.from(), x.to(), Money.khr(x.declaredWage().toRiel() + 50_001), !x.paid(), x.schemes(),
                        x.enterpriseWorkers(), x.employerId()));
            } else {
                h.add(x);
            }
            if (x.to().isAfter(end)) end = x.to();
        }
        YearMonth from = end.plusMonths(1 + r.nextInt(3));
        for (int k = 0; k < 2 && !from.isAfter(ContributionPeriod.LAST_MONTH); k++) {
            YearMonth to = from.plusMonths(r.nextInt(36));
            if (to.isAfter(ContributionPeriod.LAST_MONTH)) to = ContributionPeriod.LAST_MONTH;
            h.add(new ContributionPeriod(from, to, Money.khr(r.nextLong(3_000_001)), r.nextInt(100) < 70, Set.of(),
                    r.nextBoolean() ? null : 1 + r.nextInt(50), null));
            from = to.plusMonths(2);
        }
        WorkerProfile.Builder b = p.toBuilder().history(h);
        boolean died = p.events().stream().anyMatch(e -> e instanceof Death && !e.date().isAfter(asOf));
        if (!died && asOf.isBefore(LifeEvents.LAST_EVENT)) {
            List<LifeEvent> events = new ArrayList<>(p.events());
            events.addAll(LifeEvents.events(r, p, asOf.plusDays(1), asOf.plusYears(5)));
            b.events(events);
        }
        try {
            WorkerProfile q = b.build();
            return q.equals(p) ? null : c.with(q);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ helpers

    /** @return the value of the one parameter whose id ends with {@code suffix}, or null (none, several, or not a number) */
    private static BigDecimal rate(List<ParameterUse> uses, String suffix) {
        BigDecimal found = null;
        for (ParameterUse u : uses) {
            if (!lastSegment(u.id()).equals(suffix)) continue;
            if (found != null) return null;
            found = number(u.value());
            if (found == null) return null;
        }
        return found;
    }

    private static long share(long base, BigDecimal rate) {
        return BigDecimal.valueOf(base).multiply(rate).setScale(0, Money.ROUNDING).longValueExact();
    }

    static String lastSegment(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? id : id.substring(dot + 1);
    }

    /** @return the value as a number, or null when it is not one */
    static BigDecimal number(String value) {
        if (value == null) return null;
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    static String show(ContributionLine l) {
        return l.month() + " " + l.scheme() + " [" + l.ruleId() + "] wage " + l.contributableWage() + ", rate "
                + (l.rate() == null ? "flat" : l.rate().toPlainString()) + ", employer " + l.employer() + ", worker " + l.worker()
                + ", total " + l.total();
    }

    static String show(Decision d) {
        return d.scheme() + " " + d.benefit() + (d.eventDate() == null ? "" : " on " + d.eventDate()) + " " + d.outcome() + " "
                + d.reasons().stream().map(r -> r.ruleId() + "=" + r.status()).toList()
                + (d.entitlement() == null || d.entitlement().amount() == null ? "" : " amount " + d.entitlement().amount());
    }

    /** @return {@code a} with {@code events} as its ignored events, to compare the rest */
    private static Assessment ignoring(Assessment a, List<LifeEvent> events) {
        return new Assessment(a.profileId(), a.asOf(), a.ruleSetVersion(), a.decisions(), a.contributions(), a.compliance(), events);
    }

    /** @return the events with each death's survivors reversed (as {@link #eventOrderIrrelevant()} reverses them) */
    private static List<LifeEvent> reversedSurvivors(List<LifeEvent> events) {
        List<LifeEvent> out = new ArrayList<>();
        for (LifeEvent e : events) {
            if (e instanceof Death d) {
                List<org.rulesascode.nssf.eligibility.Person> s = new ArrayList<>(d.survivors());
                Collections.reverse(s);
                e = new Death(d.date(), d.workRelated(), s);
            }
            out.add(e);
        }
        return out;
    }
}
