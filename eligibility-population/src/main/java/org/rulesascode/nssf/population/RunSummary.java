package org.rulesascode.nssf.population;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;

/**
 * The aggregates of a run: rows in, assessed and rejected, decisions by scheme, benefit and outcome, amounts and
 * contributions. Only sums and counts, so the result does not depend on the order rows are added in, and summaries
 * of parts of a population computed apart (partitions, machines) {@linkplain #merge merge} into the summary of the
 * whole: merging is associative and commutative, and gives the same {@code summary.json} bytes as one run over all
 * rows. Serializable (plain data), for a driver that gathers partial summaries. Not thread-safe: one thread adds.
 */
public final class RunSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A scheme and a benefit, ordered as the enums are. */
    public record SchemeBenefit(Scheme scheme, Benefit benefit) implements Comparable<SchemeBenefit>, Serializable {
        @Override
        public int compareTo(SchemeBenefit o) {
            int c = scheme.compareTo(o.scheme);
            return c != 0 ? c : benefit.compareTo(o.benefit);
        }
    }

    /** Totals of one scheme and benefit. */
    public static final class BenefitTotals implements Serializable {
        private static final long serialVersionUID = 1L;
        final EnumMap<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        long decisions;
        long valued;
        long undetermined;
        long inKind;
        long estimates;
        long provisional;
        long totalValue;
        long lastYearDecisions;
        long lastYearEligible;
        long lastYearValue;
        /** Weighted: eligible decisions of the last year ({@link #W_ELIGIBLE}) and their value ({@link #W_VALUE}). */
        final Weighted weighted = new Weighted(2);
        static final int W_ELIGIBLE = 0;
        static final int W_VALUE = 1;

        /** @return the weighted annual cost (Σ weight × value of the eligible decisions of the last year), exact */
        public java.math.BigDecimal weightedLastYearValue() {
            return weighted.get(W_VALUE);
        }

        /** @return the annual cost: the value of the eligible decisions of the last year */
        public long lastYearValue() {
            return lastYearValue;
        }

        /** @return the number of decisions with this outcome */
        public long count(Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }

        void merge(BenefitTotals o) {
            o.outcomes.forEach((k, v) -> outcomes.merge(k, v, Math::addExact));
            decisions = Math.addExact(decisions, o.decisions);
            valued = Math.addExact(valued, o.valued);
            undetermined = Math.addExact(undetermined, o.undetermined);
            inKind = Math.addExact(inKind, o.inKind);
            estimates = Math.addExact(estimates, o.estimates);
            provisional = Math.addExact(provisional, o.provisional);
            totalValue = Math.addExact(totalValue, o.totalValue);
            lastYearDecisions = Math.addExact(lastYearDecisions, o.lastYearDecisions);
            lastYearEligible = Math.addExact(lastYearEligible, o.lastYearEligible);
            lastYearValue = Math.addExact(lastYearValue, o.lastYearValue);
            weighted.merge(o.weighted);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> os = new LinkedHashMap<>();
            outcomes.forEach((k, v) -> os.put(k.name(), v));
            m.put("decisions", decisions);
            m.put("outcomes", os);
            m.put("eligibleWithAmount", valued);
            m.put("eligibleAmountUndetermined", undetermined);
            m.put("eligibleInKind", inKind);
            m.put("estimates", estimates);
            m.put("provisional", provisional);
            m.put("totalValue", totalValue);
            m.put("lastYearDecisions", lastYearDecisions);
            m.put("lastYearEligible", lastYearEligible);
            m.put("annualCost", lastYearValue);
            return m;
        }
    }

    long rowsIn;
    long assessed;
    long rejected;
    /** The latest month of any assessed person's history (null: no history seen). */
    YearMonth historyEnd;
    /** Per sector: compliance in short, when asked for. */
    final Map<Sector, ComplianceTotals> compliance = new EnumMap<>(Sector.class);
    final Map<String, Long> rejectedByField = new TreeMap<>();
    final Map<SchemeBenefit, BenefitTotals> benefits = new TreeMap<>();
    final EnumMap<Scheme, PersonResult.Contributions> contributions = new EnumMap<>(Scheme.class);
    /** Assessed rows that carried a weight. */
    long weightedRows;
    /** Weighted sums: persons, contributions of the last 12 months (all, employer, worker), annual cost per payer. */
    final Weighted weighted = new Weighted(4 + Payer.values().length);
    static final int W_PERSONS = 0;
    static final int W_CONTRIBUTIONS = 1;
    static final int W_EMPLOYER = 2;
    static final int W_WORKER = 3;
    static final int W_COST = 4;
    /** Per wage bin ({@link WageDeciles}): persons, annual cost per payer and contributions of the last 12 months. */
    final WageDeciles deciles = new WageDeciles();

    /** An empty summary: no rows yet. */
    public RunSummary() {
    }

    /** Compliance findings of one group of workers (only when a run asks for them). */
    public static final class ComplianceTotals implements Serializable {
        private static final long serialVersionUID = 1L;
        long workers;
        long withFindings;
        long wageBelowMinimum;
        long unpaidContributions;
        long lateRegistration;
        long missingContributions;
        long benefitsLost;
        long workersLosingBenefits;
        long workersWithUnvaluedLoss;
        /** Weighted: the same figures, in the order of {@link #toMap()}. */
        final Weighted weighted = new Weighted(9);

        void add(PersonResult.Compliance c, java.math.BigDecimal w) {
            weighted.count(0, w);
            if (c.any()) weighted.count(1, w);
            if (c.wageBelowMinimum()) weighted.count(2, w);
            if (c.unpaidContributions()) weighted.count(3, w);
            if (c.lateRegistration()) weighted.count(4, w);
            weighted.add(5, c.missingContributions(), w);
            weighted.add(6, c.benefitsLost(), w);
            if (c.benefitsLost() > 0) weighted.count(7, w);
            if (c.benefitsLostUnknown()) weighted.count(8, w);
            workers++;
            if (c.any()) withFindings++;
            if (c.wageBelowMinimum()) wageBelowMinimum++;
            if (c.unpaidContributions()) unpaidContributions++;
            if (c.lateRegistration()) lateRegistration++;
            missingContributions = Math.addExact(missingContributions, c.missingContributions());
            benefitsLost = Math.addExact(benefitsLost, c.benefitsLost());
            if (c.benefitsLost() > 0) workersLosingBenefits++;
            if (c.benefitsLostUnknown()) workersWithUnvaluedLoss++;
        }

        void merge(ComplianceTotals o) {
            workers = Math.addExact(workers, o.workers);
            withFindings = Math.addExact(withFindings, o.withFindings);
            wageBelowMinimum = Math.addExact(wageBelowMinimum, o.wageBelowMinimum);
            unpaidContributions = Math.addExact(unpaidContributions, o.unpaidContributions);
            lateRegistration = Math.addExact(lateRegistration, o.lateRegistration);
            missingContributions = Math.addExact(missingContributions, o.missingContributions);
            benefitsLost = Math.addExact(benefitsLost, o.benefitsLost);
            workersLosingBenefits = Math.addExact(workersLosingBenefits, o.workersLosingBenefits);
            workersWithUnvaluedLoss = Math.addExact(workersWithUnvaluedLoss, o.workersWithUnvaluedLoss);
            weighted.merge(o.weighted);
        }

        /** @return what the breaches cost the workers in benefits (riel), where the findings value it */
        public long benefitsLost() {
            return benefitsLost;
        }

        /** @return workers whose breaches cost them benefits of a positive value */
        public long workersLosingBenefits() {
            return workersLosingBenefits;
        }

        /** @return the weighted missing contributions (Σ weight × missing), exact */
        public java.math.BigDecimal weightedMissingContributions() {
            return weighted.get(5);
        }

        Map<String, Object> weightedMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            String[] names = {"workers", "workersWithFindings", "wageBelowMinimum", "unpaidContributions", "lateRegistration", "missingContributions",
                    "benefitsLost", "workersLosingBenefits", "workersWithUnvaluedLoss"};
            for (int i = 0; i < names.length; i++) m.put(names[i], weighted.rounded(i));
            return m;
        }

        /** @return workers declared below the minimum wage in some month */
        public long wageBelowMinimum() {
            return wageBelowMinimum;
        }

        /** @return workers with unpaid months */
        public long unpaidContributions() {
            return unpaidContributions;
        }

        /** @return the contributions missing (employer + worker, riel), where the findings give them */
        public long missingContributions() {
            return missingContributions;
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workers", workers);
            m.put("workersWithFindings", withFindings);
            m.put("wageBelowMinimum", wageBelowMinimum);
            m.put("unpaidContributions", unpaidContributions);
            m.put("lateRegistration", lateRegistration);
            m.put("missingContributions", missingContributions);
            m.put("benefitsLost", benefitsLost);
            m.put("workersLosingBenefits", workersLosingBenefits);
            m.put("workersWithUnvaluedLoss", workersWithUnvaluedLoss);
            return m;
        }
    }

    /** @return the latest history month of any assessed person, or null */
    public YearMonth historyEnd() {
        return historyEnd;
    }

    /** @return compliance per sector (empty when the run did not ask for it) */
    public Map<Sector, ComplianceTotals> compliance() {
        return compliance;
    }

    /** @return compliance per sector and in all, as a JSON object, or null when the run did not ask for it */
    public Map<String, Object> complianceMap() {
        if (compliance.isEmpty()) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        ComplianceTotals all = new ComplianceTotals();
        compliance.values().forEach(all::merge);
        m.put("all", all.toMap());
        Map<String, Object> bySector = new LinkedHashMap<>();
        compliance.forEach((k, v) -> bySector.put(k.name(), v.toMap()));
        m.put("bySector", bySector);
        m.put("definitions", "workers with at least one finding of each kind (a worker can have several); missingContributions: employer + worker "
                + "contributions of the months concerned, riel, where the finding can compute them; benefitsLost: what the breaches cost the "
                + "workers in benefits, riel: for each finding, the value of the benefit decisions on the worker's events that differ with the "
                + "breach corrected (a daily allowance times its days, a monthly amount over its first year), corrected minus as declared; each "
                + "finding is corrected on its own, so a benefit two breaches would each restore counts under both; workersLosingBenefits: "
                + "workers whose breaches cost them a positive value; workersWithUnvaluedLoss: workers with a cost that cannot be valued "
                + "(an undetermined amount), left out of benefitsLost");
        return m;
    }

    /**
     * Adds the rows of {@code other} (another partition of the same population, assessed by the same engine on the
     * same date) to this summary.
     *
     * @return this summary
     */
    public RunSummary merge(RunSummary other) {
        rowsIn = Math.addExact(rowsIn, other.rowsIn);
        assessed = Math.addExact(assessed, other.assessed);
        rejected = Math.addExact(rejected, other.rejected);
        other.rejectedByField.forEach((k, v) -> rejectedByField.merge(k, v, Math::addExact));
        other.benefits.forEach((k, t) -> benefits.computeIfAbsent(k, x -> new BenefitTotals()).merge(t));
        other.contributions.forEach((k, c) -> contributions.merge(k, c, PersonResult.Contributions::plus));
        if (other.historyEnd != null && (historyEnd == null || other.historyEnd.isAfter(historyEnd))) historyEnd = other.historyEnd;
        other.compliance.forEach((k, c) -> compliance.computeIfAbsent(k, x -> new ComplianceTotals()).merge(c));
        weightedRows = Math.addExact(weightedRows, other.weightedRows);
        weighted.merge(other.weighted);
        deciles.merge(other.deciles);
        return this;
    }

    /** Counts a rejected row. */
    public void reject(RowError e) {
        rowsIn++;
        rejected++;
        rejectedByField.merge(e.fieldKind(), 1L, Long::sum);
    }

    /** Counts an assessed row. */
    public void add(PersonResult p) {
        rowsIn++;
        assessed++;
        if (p.historyEnd() != null && (historyEnd == null || p.historyEnd().isAfter(historyEnd))) historyEnd = p.historyEnd();
        java.math.BigDecimal w = p.weight();
        if (w != null) weightedRows++;
        long[] byPayer = new long[Payer.values().length];
        weighted.count(W_PERSONS, w);
        if (p.compliance() != null) compliance.computeIfAbsent(p.sector(), x -> new ComplianceTotals()).add(p.compliance(), w);
        for (PersonResult.DecisionResult d : p.decisions()) {
            BenefitTotals t = benefits.computeIfAbsent(new SchemeBenefit(d.scheme(), d.benefit()), k -> new BenefitTotals());
            t.decisions++;
            t.outcomes.merge(d.outcome(), 1L, Long::sum);
            if (d.value() != null) {
                t.valued++;
                t.totalValue = Math.addExact(t.totalValue, d.value());
            }
            if (d.undetermined()) t.undetermined++;
            if (d.inKind()) t.inKind++;
            if (d.estimate()) t.estimates++;
            if (d.provisional()) t.provisional++;
            if (d.lastYear()) {
                t.lastYearDecisions++;
                if (d.outcome() == Outcome.ELIGIBLE) {
                    t.lastYearEligible++;
                    t.weighted.count(BenefitTotals.W_ELIGIBLE, w);
                }
                t.lastYearValue = Math.addExact(t.lastYearValue, d.annualValue());
                t.weighted.add(BenefitTotals.W_VALUE, d.annualValue(), w);
                Payer payer = Payer.of(d.benefit());
                if (payer != null) {
                    weighted.add(W_COST + payer.ordinal(), d.annualValue(), w);
                    byPayer[payer.ordinal()] = Math.addExact(byPayer[payer.ordinal()], d.annualValue());
                }
            }
        }
        p.contributions().forEach((s, c) -> contributions.merge(s, c, PersonResult.Contributions::plus));
        PersonResult.Contributions c = p.contributionsTotal();
        weighted.add(W_CONTRIBUTIONS, c.totalLast12(), w);
        weighted.add(W_EMPLOYER, c.employerLast12(), w);
        weighted.add(W_WORKER, c.workerLast12(), w);
        deciles.add(p, byPayer, c.totalLast12());
    }

    /** @return true when at least one assessed row carried a weight: the summary then shows weighted estimates */
    public boolean weighted() {
        return weightedRows > 0;
    }

    /** @return the assessed rows that carried a weight */
    public long weightedRows() {
        return weightedRows;
    }

    /** @return the sum of the weights of the assessed rows (a row without a weight counts 1), exact */
    public java.math.BigDecimal weightTotal() {
        return weighted.get(W_PERSONS);
    }

    /** @return the weighted annual cost of the benefits paid by {@code payer} (Σ weight × value), exact */
    public java.math.BigDecimal weightedAnnualCost(Payer payer) {
        return weighted.get(W_COST + payer.ordinal());
    }

    /** @return the weighted contributions of the last 12 months, all schemes, employer and worker (Σ weight × riel), exact */
    public java.math.BigDecimal weightedContributionsLast12() {
        return weighted.get(W_CONTRIBUTIONS);
    }

    /** @return the wage deciles of the assessed persons: persons, annual cost per payer, contributions, per wage bin */
    public WageDeciles wageDeciles() {
        return deciles;
    }

    /**
     * @return the weighted estimates as a JSON object, each figure rounded to a whole person or riel (halves up), with
     *         the sample size and the sum of the weights they come from
     */
    public Map<String, Object> weightedMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sampleSize", assessed);
        m.put("rowsWithWeight", weightedRows);
        m.put("weightTotal", Weighted.plain(weightTotal()));
        m.put("estimatedPersons", weighted.rounded(W_PERSONS));
        m.put("rounding", Weighted.ROUNDING);
        Map<String, Object> cost = new LinkedHashMap<>();
        for (Payer p : Payer.values()) cost.put(p.name(), weighted.rounded(W_COST + p.ordinal()));
        m.put("annualCostByPayer", cost);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("total", weighted.rounded(W_CONTRIBUTIONS));
        c.put("employer", weighted.rounded(W_EMPLOYER));
        c.put("worker", weighted.rounded(W_WORKER));
        m.put("contributionsLast12Months", c);
        Map<String, Object> ds = new LinkedHashMap<>();
        benefits.forEach((k, t) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) ds.computeIfAbsent(k.scheme().name(), x -> new LinkedHashMap<String, Object>());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("lastYearEligible", t.weighted.rounded(BenefitTotals.W_ELIGIBLE));
            row.put("annualCost", t.weighted.rounded(BenefitTotals.W_VALUE));
            s.put(k.benefit().name(), row);
        });
        m.put("decisions", ds);
        if (!compliance.isEmpty()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            ComplianceTotals all = new ComplianceTotals();
            compliance.values().forEach(all::merge);
            cm.put("all", all.weightedMap());
            Map<String, Object> bySector = new LinkedHashMap<>();
            compliance.forEach((k, v) -> bySector.put(k.name(), v.weightedMap()));
            cm.put("bySector", bySector);
            m.put("compliance", cm);
        }
        return m;
    }

    /** @return rows read */
    public long rowsIn() {
        return rowsIn;
    }

    /** @return rows assessed */
    public long assessed() {
        return assessed;
    }

    /** @return rows rejected */
    public long rejected() {
        return rejected;
    }

    /** @return the totals per scheme and benefit, in enum order */
    public Map<SchemeBenefit, BenefitTotals> benefits() {
        return benefits;
    }

    /** @return the contributions per scheme */
    public Map<Scheme, PersonResult.Contributions> contributions() {
        return contributions;
    }

    /** @return the contributions of every scheme */
    public PersonResult.Contributions contributionsTotal() {
        PersonResult.Contributions c = PersonResult.Contributions.ZERO;
        for (PersonResult.Contributions x : contributions.values()) c = c.plus(x);
        return c;
    }

    /** @return the annual cost of the benefits paid by {@code payer} */
    public long annualCost(Payer payer) {
        long s = 0;
        for (Map.Entry<SchemeBenefit, BenefitTotals> e : benefits.entrySet()) {
            if (Payer.of(e.getKey().benefit()) == payer) s = Math.addExact(s, e.getValue().lastYearValue);
        }
        return s;
    }

    /** @return the annual cost per payer as a JSON object */
    public Map<String, Object> annualCostByPayerMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Payer p : Payer.values()) m.put(p.name(), annualCost(p));
        return m;
    }

    /** @return the annual cost of every benefit, all payers together (for a check; reports show {@link #annualCost(Payer)}) */
    public long annualCost() {
        long s = 0;
        for (BenefitTotals t : benefits.values()) s += t.lastYearValue;
        return s;
    }

    /** @return the row counts as a JSON object */
    public Map<String, Object> rowsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("in", rowsIn);
        m.put("assessed", assessed);
        m.put("rejected", rejected);
        return m;
    }

    /** @return the rejected rows counted by field (array indices removed) */
    public Map<String, Long> rejectedByField() {
        return rejectedByField;
    }

    /** @return decisions and amounts per scheme and benefit: {scheme: {benefit: totals}} */
    public Map<String, Object> decisionsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        benefits.forEach((k, t) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) m.computeIfAbsent(k.scheme().name(), x -> new LinkedHashMap<String, Object>());
            s.put(k.benefit().name(), t.toMap());
        });
        return m;
    }

    /** @return contributions per scheme and in total */
    public Map<String, Object> contributionsMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        contributions.forEach((s, c) -> m.put(s.name(), contributionMap(c)));
        m.put("all", contributionMap(contributionsTotal()));
        return m;
    }

    static Map<String, Object> contributionMap(PersonResult.Contributions c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", c.total());
        m.put("employer", c.employer());
        m.put("worker", c.worker());
        m.put("totalLast12Months", c.totalLast12());
        m.put("employerLast12Months", c.employerLast12());
        m.put("workerLast12Months", c.workerLast12());
        return m;
    }

    /** The definitions every summary repeats, so a reader of the JSON alone knows what the numbers mean. */
    public static Map<String, Object> definitions() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", "eligible decisions with a known amount: ONCE = amount; PER_DAY = amount x durationDays; PER_MONTH = amount x durationDays / "
                + Valuation.DAYS_PER_MONTH + " when durationDays is given, otherwise amount x 12; whole riel, halves up");
        m.put("lastYear", "decisions whose event date is after the as-of date minus one year and on or before the as-of date");
        m.put("annualCost", "sum of the values of the eligible decisions of the last year (riel)");
        m.put("contributionsLast12Months", "contribution lines of the 12 months ending with the month of the as-of date (riel)");
        m.put("undetermined", "eligible to a cash benefit whose amount is not known (by law, or for lack of data in the profile): in no sum");
        m.put("inKind", "eligible to a benefit without a cash amount (medical care): in no sum");
        return m;
    }
}
