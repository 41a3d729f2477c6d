package org.rulesascode.nssf.population;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;

/**
 * The aggregates of a comparison: the baseline's and the reform's run aggregates, who gains and who loses each
 * benefit, the annual cost and contribution deltas, the same by sector, sex, employment status, age band, wage band
 * and wage decile (cut from a fine wage histogram, {@link WageDeciles}), weighted estimates beside the sample's
 * counts when rows carry weights, and a
 * sample of flips (the first by person id). Sums, counts and an id-ordered sample only: independent of the order
 * rows are added in; the summaries of partitions computed apart {@linkplain #merge merge} (associative and
 * commutative) into the summary of the whole, the same {@code summary.json} bytes as one run. Serializable. Not
 * thread-safe.
 */
public final class CompareSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How many flips the sample keeps. */
    public static final int SAMPLE = 40;

    /** Flip counts of one scheme and benefit. */
    public static final class BenefitFlips implements Serializable {
        private static final long serialVersionUID = 1L;
        long gainers;
        long losers;
        long amountUp;
        long amountDown;
        long other;
        long undeterminedChanges;
        long flips;

        void merge(BenefitFlips o) {
            gainers = Math.addExact(gainers, o.gainers);
            losers = Math.addExact(losers, o.losers);
            amountUp = Math.addExact(amountUp, o.amountUp);
            amountDown = Math.addExact(amountDown, o.amountDown);
            other = Math.addExact(other, o.other);
            undeterminedChanges = Math.addExact(undeterminedChanges, o.undeterminedChanges);
            flips = Math.addExact(flips, o.flips);
        }

        public long gainers() {
            return gainers;
        }

        public long losers() {
            return losers;
        }

        public long amountUp() {
            return amountUp;
        }

        public long amountDown() {
            return amountDown;
        }

        public long other() {
            return other;
        }

        public long flips() {
            return flips;
        }
    }

    /**
     * One group of a breakdown (or the whole population): persons, who is better or worse off, who pays more or less,
     * the annual cost change per payer and the contribution change.
     */
    public static final class Group implements Serializable {
        private static final long serialVersionUID = 1L;
        long persons;
        long personsWithFlips;
        long personsChanged;
        long gainers;
        long losers;
        long betterOff;
        long worseOff;
        long payingMore;
        long payingLess;
        final long[] annualCostDelta = new long[Payer.values().length];
        long contributionDelta;
        /**
         * Weighted: persons, changed, gainers, losers, better off, worse off, paying more, paying less (in the order of
         * {@link #WEIGHTED}), the annual cost delta per payer, the contribution delta (all, employers', workers').
         */
        final Weighted weighted = new Weighted(WEIGHTED.size() + Payer.values().length + 3);
        /** The weighted counts, in order. */
        static final List<String> WEIGHTED = List.of("persons", "personsChanged", "gainers", "losers", "betterOff", "worseOff", "payingMore", "payingLess");
        private static final int W_COST = WEIGHTED.size();
        private static final int W_CONTRIBUTION = W_COST + Payer.values().length;
        private static final int W_EMPLOYER = W_CONTRIBUTION + 1;
        private static final int W_WORKER = W_CONTRIBUTION + 2;

        /** Counts one person with weight {@code w}: {@code delta} holds the annual cost per payer, then the contribution deltas. */
        void add(Person p, boolean withFlips, long paid, long[] delta, java.math.BigDecimal w) {
            weighted.count(0, w);
            if (p.changed()) weighted.count(1, w);
            if (p.gainer()) weighted.count(2, w);
            if (p.loser()) weighted.count(3, w);
            if (p.better()) weighted.count(4, w);
            if (p.worse()) weighted.count(5, w);
            if (paid > 0) weighted.count(6, w);
            if (paid < 0) weighted.count(7, w);
            for (int i = 0; i < delta.length; i++) weighted.add(W_COST + i, delta[i], w);
            persons++;
            if (withFlips) personsWithFlips++;
            if (p.changed()) personsChanged++;
            if (p.gainer()) gainers++;
            if (p.loser()) losers++;
            if (p.better()) betterOff++;
            if (p.worse()) worseOff++;
            if (paid > 0) payingMore++;
            if (paid < 0) payingLess++;
            for (int i = 0; i < annualCostDelta.length; i++) annualCostDelta[i] = Math.addExact(annualCostDelta[i], delta[i]);
            contributionDelta = Math.addExact(contributionDelta, delta[annualCostDelta.length]);
        }

        /** @return the weighted count {@code name} (one of {@link #WEIGHTED}: Σ weight of those persons), exact */
        public java.math.BigDecimal weighted(String name) {
            int i = WEIGHTED.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("not a weighted count: " + name);
            return weighted.get(i);
        }

        /** @return the weighted change of the annual cost paid by {@code payer} (Σ weight × change), exact */
        public java.math.BigDecimal weightedAnnualCostDelta(Payer payer) {
            return weighted.get(W_COST + payer.ordinal());
        }

        /** @return the weighted change of the contributions of the last 12 months, exact */
        public java.math.BigDecimal weightedContributionDelta() {
            return weighted.get(W_CONTRIBUTION);
        }

        /** @return the weighted change of the employers' contributions of the last 12 months, exact */
        public java.math.BigDecimal weightedEmployerContributionDelta() {
            return weighted.get(W_EMPLOYER);
        }

        /** @return the weighted change of the workers' contributions of the last 12 months, exact */
        public java.math.BigDecimal weightedWorkerContributionDelta() {
            return weighted.get(W_WORKER);
        }

        /** @return the weighted figures as JSON, rounded to whole persons and riel, halves up */
        Map<String, Object> weightedMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < WEIGHTED.size(); i++) m.put(WEIGHTED.get(i), weighted.rounded(i));
            Map<String, Object> cost = new LinkedHashMap<>();
            for (Payer p : Payer.values()) cost.put(p.name(), weighted.rounded(W_COST + p.ordinal()));
            m.put("annualCostDeltaByPayer", cost);
            m.put("contributionDeltaLast12Months", weighted.rounded(W_CONTRIBUTION));
            m.put("employerContributionDeltaLast12Months", weighted.rounded(W_EMPLOYER));
            m.put("workerContributionDeltaLast12Months", weighted.rounded(W_WORKER));
            return m;
        }

        /** @return persons in the group */
        public long persons() {
            return persons;
        }

        /** @return persons with any flip, counting the decisions a scheme switched on or off adds or removes */
        public long personsWithFlips() {
            return personsWithFlips;
        }

        /** @return persons whose outcome, amount or contributions change (not counting decisions that only appear or vanish with a scheme, not positive) */
        public long personsChanged() {
            return personsChanged;
        }

        /** @return persons gaining a benefit or coverage */
        public long gainers() {
            return gainers;
        }

        /** @return persons losing a benefit or coverage */
        public long losers() {
            return losers;
        }

        /** @return persons whose benefits are worth more (or who gain one and lose none) */
        public long betterOff() {
            return betterOff;
        }

        /** @return persons whose benefits are worth less (or who lose one and gain none) */
        public long worseOff() {
            return worseOff;
        }

        /** @return persons whose contributions (all months, employer and worker) go up */
        public long payingMore() {
            return payingMore;
        }

        /** @return persons whose contributions go down */
        public long payingLess() {
            return payingLess;
        }

        /** @return the change of the annual cost paid by {@code payer} */
        public long annualCostDelta(Payer payer) {
            return annualCostDelta[payer.ordinal()];
        }

        /** @return the change of the contributions of the last 12 months */
        public long contributionDelta() {
            return contributionDelta;
        }

        void merge(Group o) {
            persons = Math.addExact(persons, o.persons);
            personsWithFlips = Math.addExact(personsWithFlips, o.personsWithFlips);
            personsChanged = Math.addExact(personsChanged, o.personsChanged);
            gainers = Math.addExact(gainers, o.gainers);
            losers = Math.addExact(losers, o.losers);
            betterOff = Math.addExact(betterOff, o.betterOff);
            worseOff = Math.addExact(worseOff, o.worseOff);
            payingMore = Math.addExact(payingMore, o.payingMore);
            payingLess = Math.addExact(payingLess, o.payingLess);
            for (int i = 0; i < annualCostDelta.length; i++) annualCostDelta[i] = Math.addExact(annualCostDelta[i], o.annualCostDelta[i]);
            contributionDelta = Math.addExact(contributionDelta, o.contributionDelta);
            weighted.merge(o.weighted);
        }

        Map<String, Object> toMap(boolean withWeights) {
            Map<String, Object> m = toMap();
            if (withWeights) m.put("weighted", weightedMap());
            return m;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("persons", persons);
            m.put("personsWithFlips", personsWithFlips);
            m.put("personsChanged", personsChanged);
            m.put("gainers", gainers);
            m.put("losers", losers);
            m.put("betterOff", betterOff);
            m.put("worseOff", worseOff);
            m.put("payingMore", payingMore);
            m.put("payingLess", payingLess);
            Map<String, Object> cost = new LinkedHashMap<>();
            for (Payer p : Payer.values()) cost.put(p.name(), annualCostDelta[p.ordinal()]);
            m.put("annualCostDeltaByPayer", cost);
            m.put("contributionDeltaLast12Months", contributionDelta);
            return m;
        }
    }

    /** A flip of the sample, with its person. */
    public record SampleFlip(String id, long line, Comparison.Flip flip) implements Serializable {
    }

    final RunSummary baseline = new RunSummary();
    final RunSummary reform = new RunSummary();
    long personsWithFlips;
    long decisionFlips;
    long contributionFlips;
    long provisionalFlips;
    final Map<RunSummary.SchemeBenefit, BenefitFlips> benefits = new TreeMap<>();
    final EnumMap<Scheme, Long> contributionPersons = new EnumMap<>(Scheme.class);
    final Map<Sector, Group> bySector = new EnumMap<>(Sector.class);
    final Map<Sex, Group> bySex = new EnumMap<>(Sex.class);
    final Map<EmploymentStatus, Group> byStatus = new EnumMap<>(EmploymentStatus.class);
    final Map<String, Group> byAgeBand = new LinkedHashMap<>();
    final Map<String, Group> byWageBand = new LinkedHashMap<>();
    /** Per wage bin ({@link WageDeciles#bin}); the deciles are cut from them when presented. */
    final Group[] byWageBin = new Group[WageDeciles.BINS];
    final Group noWage = new Group();
    final Group all = new Group();
    /** Per scheme: decisions that change only between outcomes that give nothing (a scheme switched on or off). */
    final Map<Scheme, Long> withoutEffect = new EnumMap<>(Scheme.class);
    private final TreeMap<String, SampleFlip> sample = new TreeMap<>();

    /** An empty summary: no rows yet. */
    public CompareSummary() {
        for (String band : Valuation.AGE_BANDS) byAgeBand.put(band, new Group());
        for (String band : Valuation.WAGE_BANDS) byWageBand.put(band, new Group());
    }

    /**
     * Adds the rows of {@code other} (another partition of the same population, compared with the same engines on
     * the same date) to this summary; the sample keeps the first flips by person id of both.
     *
     * @return this summary
     */
    public CompareSummary merge(CompareSummary other) {
        baseline.merge(other.baseline);
        reform.merge(other.reform);
        personsWithFlips = Math.addExact(personsWithFlips, other.personsWithFlips);
        decisionFlips = Math.addExact(decisionFlips, other.decisionFlips);
        contributionFlips = Math.addExact(contributionFlips, other.contributionFlips);
        provisionalFlips = Math.addExact(provisionalFlips, other.provisionalFlips);
        other.benefits.forEach((k, b) -> benefits.computeIfAbsent(k, x -> new BenefitFlips()).merge(b));
        other.contributionPersons.forEach((k, n) -> contributionPersons.merge(k, n, Math::addExact));
        other.bySector.forEach((k, g) -> bySector.computeIfAbsent(k, x -> new Group()).merge(g));
        other.bySex.forEach((k, g) -> bySex.computeIfAbsent(k, x -> new Group()).merge(g));
        other.byStatus.forEach((k, g) -> byStatus.computeIfAbsent(k, x -> new Group()).merge(g));
        other.byAgeBand.forEach((k, g) -> byAgeBand.computeIfAbsent(k, x -> new Group()).merge(g));
        other.byWageBand.forEach((k, g) -> byWageBand.computeIfAbsent(k, x -> new Group()).merge(g));
        for (int b = 0; b < byWageBin.length; b++) {
            if (other.byWageBin[b] == null) continue;
            if (byWageBin[b] == null) byWageBin[b] = new Group();
            byWageBin[b].merge(other.byWageBin[b]);
        }
        noWage.merge(other.noWage);
        all.merge(other.all);
        other.withoutEffect.forEach((k, n) -> withoutEffect.merge(k, n, Math::addExact));
        sample.putAll(other.sample);
        while (sample.size() > SAMPLE) sample.pollLastEntry();
        return this;
    }

    /** Counts a rejected row. */
    public void reject(RowError e) {
        baseline.reject(e);
        reform.reject(e);
    }

    /**
     * Counts one person assessed both ways.
     *
     * <p>A decision that changes only between outcomes that give nothing and ask nothing (absent, not in force, not
     * covered, not eligible: a scheme the reform switches on, whose decisions appear as "not covered" for everyone
     * outside it) is a change of the rules, counted per scheme ({@link #withoutEffect()}), not a change for the person. A person is <b>better off</b> when the values of their
     * changed decisions add up to more (or, at equal value, they gain a benefit and lose none), <b>worse off</b> in
     * the reverse case; <b>paying more</b> or <b>less</b> by the total of their contributions over all months.
     */
    public void add(PersonResult base, PersonResult ref, List<Comparison.Flip> flips) {
        baseline.add(base);
        reform.add(ref);
        // in small methods: C2 compiles (and, when a rare branch is first taken, recompiles) each on its own
        Person person = flips.isEmpty() ? Person.UNCHANGED : person(flips);
        PersonResult.Contributions rc = ref.contributionsTotal();
        PersonResult.Contributions bc = base.contributionsTotal();
        long paid = Math.subtractExact(rc.total(), bc.total());
        long[] delta = new long[Payer.values().length + 3]; // the annual cost per payer, the contribution (all, employers', workers')
        for (Payer p : Payer.values()) delta[p.ordinal()] = Math.subtractExact(ref.annualValue(p), base.annualValue(p));
        delta[Payer.values().length] = Math.subtractExact(rc.totalLast12(), bc.totalLast12());
        delta[Payer.values().length + 1] = Math.subtractExact(rc.employerLast12(), bc.employerLast12());
        delta[Payer.values().length + 2] = Math.subtractExact(rc.workerLast12(), bc.workerLast12());
        java.math.BigDecimal w = base.weight();
        boolean withFlips = !flips.isEmpty();
        all.add(person, withFlips, paid, delta, w);
        bySector.computeIfAbsent(base.sector(), x -> new Group()).add(person, withFlips, paid, delta, w);
        bySex.computeIfAbsent(base.sex(), x -> new Group()).add(person, withFlips, paid, delta, w);
        byStatus.computeIfAbsent(base.status(), x -> new Group()).add(person, withFlips, paid, delta, w);
        byAgeBand.get(base.ageBand()).add(person, withFlips, paid, delta, w);
        byWageBand.get(base.wageBand()).add(person, withFlips, paid, delta, w);
        (base.wage() == null ? noWage : wageBin(WageDeciles.bin(base.wage()))).add(person, withFlips, paid, delta, w);
        if (withFlips) sample(base, flips);
    }

    /** What a person's flips say: changed, gainer, loser, better or worse off. */
    private record Person(boolean changed, boolean gainer, boolean loser, boolean better, boolean worse) {
        static final Person UNCHANGED = new Person(false, false, false, false, false);
    }

    /** Counts the flips of one person, and says what they make of her. */
    private Person person(List<Comparison.Flip> flips) {
        boolean gainer = false;
        boolean loser = false;
        boolean changed = false;
        long valueDelta = 0;
        Map<RunSummary.SchemeBenefit, Set<Comparison.Change>> personChanges = new TreeMap<>();
        for (Comparison.Flip f : flips) {
            if (f.provisional()) provisionalFlips++;
            if (f.kind().equals(Comparison.Flip.CONTRIBUTIONS)) {
                contributionFlips++;
                contributionPersons.merge(f.scheme(), 1L, Long::sum);
                changed = true;
                continue;
            }
            decisionFlips++;
            if (givesNothing(f.baseOutcome()) && givesNothing(f.reformOutcome())) {
                withoutEffect.merge(f.scheme(), 1L, Long::sum);
                continue;
            }
            changed = true;
            if (f.delta() != null) valueDelta = Math.addExact(valueDelta, f.delta());
            RunSummary.SchemeBenefit k = new RunSummary.SchemeBenefit(f.scheme(), f.benefit());
            BenefitFlips b = benefits.computeIfAbsent(k, x -> new BenefitFlips());
            b.flips++;
            if (f.delta() == null) b.undeterminedChanges++;
            switch (f.change()) {
                case AMOUNT_UP -> b.amountUp++;
                case AMOUNT_DOWN -> b.amountDown++;
                case OTHER -> b.other++;
                default -> { } // persons, below
            }
            personChanges.computeIfAbsent(k, x -> EnumSet.noneOf(Comparison.Change.class)).add(f.change());
            gainer |= f.change() == Comparison.Change.GAIN;
            loser |= f.change() == Comparison.Change.LOSS;
        }
        personChanges.forEach((k, changes) -> {
            BenefitFlips b = benefits.get(k);
            if (changes.contains(Comparison.Change.GAIN)) b.gainers++;
            if (changes.contains(Comparison.Change.LOSS)) b.losers++;
        });
        personsWithFlips++;
        boolean better = valueDelta > 0 || valueDelta == 0 && gainer && !loser;
        boolean worse = valueDelta < 0 || valueDelta == 0 && loser && !gainer;
        return new Person(changed, gainer, loser, better, worse);
    }

    /** Keeps the person's flips in the sample when they are among the first by person id. */
    private void sample(PersonResult base, List<Comparison.Flip> flips) {
        for (int i = 0; i < flips.size(); i++) {
            String key = base.id() + "\u0000" + String.format("%06d", i) + "\u0000" + String.format("%015d", base.line());
            if (sample.size() < SAMPLE || key.compareTo(sample.lastKey()) < 0) {
                sample.put(key, new SampleFlip(base.id(), base.line(), flips.get(i)));
                if (sample.size() > SAMPLE) sample.pollLastEntry();
            }
        }
    }

    private Group wageBin(int bin) {
        Group g = byWageBin[bin];
        return g != null ? g : (byWageBin[bin] = new Group());
    }

    /** @return the whole population as one group: persons changed, better and worse off, paying more and less, cost per payer */
    public Group all() {
        return all;
    }

    /**
     * @return per scheme, the decisions that change only between outcomes that give nothing and ask nothing (absent,
     *         not in force, not covered, not eligible): a scheme switched on or off, one change of the rules
     */
    public Map<Scheme, Long> withoutEffect() {
        return withoutEffect;
    }

    /** @return true for an outcome that gives nothing and asks nothing of the person (absent, not in force, not covered, not eligible) */
    static boolean givesNothing(org.rulesascode.nssf.eligibility.Outcome o) {
        return o == null || o == org.rulesascode.nssf.eligibility.Outcome.NOT_IN_FORCE || o == org.rulesascode.nssf.eligibility.Outcome.NOT_COVERED
                || o == org.rulesascode.nssf.eligibility.Outcome.NOT_ELIGIBLE;
    }

    /**
     * @return warnings about the data, in plain words: histories that end before the reform's first date (so the
     *         reform cannot change what depends on them), an as-of date before it, schemes switched on or off
     */
    public List<String> warnings(org.rulesascode.nssf.eligibility.Reform r, java.time.LocalDate asOf) {
        List<String> w = new ArrayList<>();
        java.time.LocalDate first = null;
        for (org.rulesascode.nssf.eligibility.Reform.Change c : r.changes()) if (first == null || c.from().isBefore(first)) first = c.from();
        java.time.YearMonth end = baseline.historyEnd();
        if (first != null && asOf.isBefore(first)) {
            w.add("The as-of date " + asOf + " is before the reform's first date " + first + ": nothing the reform changes is in force on it.");
        }
        if (first != null && end != null && end.atEndOfMonth().isBefore(first)) {
            w.add("The contribution histories of the population end in " + end + ", before the reform's first date " + first
                    + ": the reform cannot change the contributions, nor the benefits that depend on them. Use a population whose histories run past "
                    + first + " (nssf population --until) and an as-of date after it.");
        }
        withoutEffect.forEach((s, n) -> w.add("The scheme " + s + " is switched on or off: " + String.format(java.util.Locale.ROOT, "%,d", n)
                + (n == 1 ? " decision changes" : " decisions change") + " only between outcomes that give nothing (absent, not in force, not covered, "
                + "not eligible); this is one change of the rules, not a change for " + (n == 1 ? "a person." : "each of those persons.")));
        return w;
    }

    /** @return the annual cost of the reform minus the baseline's, for one payer */
    public long annualCostDelta(Payer payer) {
        return reform.annualCost(payer) - baseline.annualCost(payer);
    }

    public RunSummary baseline() {
        return baseline;
    }

    public RunSummary reform() {
        return reform;
    }

    public long personsWithFlips() {
        return personsWithFlips;
    }

    public long decisionFlips() {
        return decisionFlips;
    }

    public long contributionFlips() {
        return contributionFlips;
    }

    public long provisionalFlips() {
        return provisionalFlips;
    }

    public Map<RunSummary.SchemeBenefit, BenefitFlips> benefits() {
        return benefits;
    }

    public Map<Scheme, Long> contributionPersons() {
        return contributionPersons;
    }

    /** @return the sample of flips, by person id then flip order */
    public List<SampleFlip> sample() {
        return new ArrayList<>(sample.values());
    }

    /** @return the breakdowns: dimension name → group name → group, groups in enum (or age) order */
    public Map<String, Map<String, Group>> breakdowns() {
        Map<String, Map<String, Group>> m = new LinkedHashMap<>();
        m.put("sector", named(bySector));
        m.put("sex", named(bySex));
        m.put("employmentStatus", named(byStatus));
        Map<String, Group> ages = new LinkedHashMap<>();
        byAgeBand.forEach((k, g) -> {
            if (g.persons > 0) ages.put(k, g);
        });
        m.put("ageBand", ages);
        Map<String, Group> wages = new LinkedHashMap<>();
        byWageBand.forEach((k, g) -> {
            if (g.persons > 0) wages.put(k, g);
        });
        m.put("wageBand", wages);
        m.put("wageDecile", wageDeciles());
        return m;
    }

    /**
     * @return the groups by wage decile of the persons with a wage, cut from a fine histogram of wages (see
     *         {@link WageDeciles}: boundaries on bin edges, each decile's actual share in its name; of the weighted persons
     *         when rows carry weights), then "no wage"
     */
    public Map<String, Group> wageDeciles() {
        boolean w = weighted();
        java.util.NavigableMap<Integer, java.math.BigDecimal> persons = new TreeMap<>();
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int b = 0; b < byWageBin.length; b++) {
            if (byWageBin[b] == null) continue;
            java.math.BigDecimal n = w ? byWageBin[b].weighted("persons") : java.math.BigDecimal.valueOf(byWageBin[b].persons);
            persons.put(b, n);
            total = total.add(n);
        }
        Map<String, Group> m = new LinkedHashMap<>();
        for (WageDeciles.Cut c : WageDeciles.cut(persons)) {
            Group g = new Group();
            for (int b = c.firstBin(); b <= c.lastBin(); b++) if (byWageBin[b] != null) g.merge(byWageBin[b]);
            m.put(c.label(total, w), g);
        }
        if (noWage.persons > 0) m.put("no wage", noWage);
        return m;
    }

    private static <E extends Enum<E>> Map<String, Group> named(Map<E, Group> groups) {
        Map<String, Group> m = new LinkedHashMap<>();
        groups.forEach((k, g) -> m.put(k.name(), g));
        return m;
    }

    /** @return the annual cost of the reform minus the baseline's */
    public long annualCostDelta() {
        return reform.annualCost() - baseline.annualCost();
    }

    /** @return contributions of the last 12 months, reform minus baseline */
    public PersonResult.Contributions contributionDelta() {
        return reform.contributionsTotal().minus(baseline.contributionsTotal());
    }

    /** @return the benefits table: every scheme and benefit with a flip or an annual cost on either side */
    public Map<String, Object> benefitsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Set<RunSummary.SchemeBenefit> keys = new java.util.TreeSet<>(benefits.keySet());
        baseline.benefits().forEach((k, t) -> {
            if (k.benefit() != Benefit.COVERAGE && t.lastYearValue() != 0) keys.add(k);
        });
        reform.benefits().forEach((k, t) -> {
            if (k.benefit() != Benefit.COVERAGE && t.lastYearValue() != 0) keys.add(k);
        });
        for (RunSummary.SchemeBenefit k : keys) {
            BenefitFlips f = benefits.getOrDefault(k, new BenefitFlips());
            long bc = annual(baseline, k);
            long rc = annual(reform, k);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("gainers", f.gainers);
            row.put("losers", f.losers);
            row.put("amountUp", f.amountUp);
            row.put("amountDown", f.amountDown);
            row.put("otherChanges", f.other);
            row.put("changesWithUndeterminedAmount", f.undeterminedChanges);
            row.put("annualCostBaseline", bc);
            row.put("annualCostReform", rc);
            row.put("annualCostDelta", rc - bc);
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) m.computeIfAbsent(k.scheme().name(), x -> new LinkedHashMap<String, Object>());
            s.put(k.benefit().name(), row);
        }
        return m;
    }

    static long annual(RunSummary s, RunSummary.SchemeBenefit k) {
        RunSummary.BenefitTotals t = s.benefits().get(k);
        return t == null ? 0 : t.lastYearValue();
    }

    /** @return the contribution deltas per scheme (reform − baseline) and in total */
    public Map<String, Object> contributionsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        Set<Scheme> schemes = EnumSet.noneOf(Scheme.class);
        schemes.addAll(baseline.contributions().keySet());
        schemes.addAll(reform.contributions().keySet());
        for (Scheme s : schemes) {
            PersonResult.Contributions b = baseline.contributions().getOrDefault(s, PersonResult.Contributions.ZERO);
            PersonResult.Contributions r = reform.contributions().getOrDefault(s, PersonResult.Contributions.ZERO);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("personsChanged", contributionPersons.getOrDefault(s, 0L));
            row.put("baselineLast12Months", b.totalLast12());
            row.put("reformLast12Months", r.totalLast12());
            row.put("delta", RunSummary.contributionMap(r.minus(b)));
            m.put(s.name(), row);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("baselineLast12Months", baseline.contributionsTotal().totalLast12());
        all.put("reformLast12Months", reform.contributionsTotal().totalLast12());
        all.put("delta", RunSummary.contributionMap(contributionDelta()));
        m.put("all", all);
        return m;
    }

    /** @return the breakdowns as JSON objects */
    public Map<String, Object> breakdownsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean w = weighted();
        breakdowns().forEach((dim, groups) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            groups.forEach((k, v) -> g.put(k, v.toMap(w)));
            m.put(dim, g);
        });
        return m;
    }

    /** @return true when at least one assessed row carried a weight: the summary then shows weighted estimates */
    public boolean weighted() {
        return baseline.weighted();
    }

    /**
     * @return the weighted estimates as JSON: the persons' figures, the annual cost per payer (baseline, reform,
     *         change) and the contribution change, rounded to whole persons and riel, with the sample size and the
     *         sum of the weights they come from
     */
    public Map<String, Object> weightedMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampleSize", baseline.assessed());
        m.put("rowsWithWeight", baseline.weightedRows());
        m.put("weightTotal", Weighted.plain(baseline.weightTotal()));
        m.put("estimatedPersons", Weighted.rounded(baseline.weightTotal()));
        m.put("rounding", Weighted.ROUNDING);
        m.put("persons", all.weightedMap());
        Map<String, Object> cost = new LinkedHashMap<>();
        for (Payer p : Payer.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("baseline", Weighted.rounded(baseline.weightedAnnualCost(p)));
            c.put("reform", Weighted.rounded(reform.weightedAnnualCost(p)));
            c.put("delta", Weighted.rounded(reform.weightedAnnualCost(p).subtract(baseline.weightedAnnualCost(p))));
            cost.put(p.name(), c);
        }
        m.put("annualCostByPayer", cost);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("baseline", Weighted.rounded(baseline.weightedContributionsLast12()));
        c.put("reform", Weighted.rounded(reform.weightedContributionsLast12()));
        c.put("delta", Weighted.rounded(reform.weightedContributionsLast12().subtract(baseline.weightedContributionsLast12())));
        m.put("contributionsLast12Months", c);
        return m;
    }
}
