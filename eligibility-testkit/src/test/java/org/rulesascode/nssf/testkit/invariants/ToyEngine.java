package org.rulesascode.nssf.testkit.invariants;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny engine with made-up rules (not the law), to test the invariants without the rule base: a contribution line
 * per history month up to the as-of month, the wage clamped to [100,000, 1,000,000] at a rate of 1 %; coverage when
 * the as-of month is in the history; a sickness allowance when 3 of the 12 months before the sickness were paid, of
 * the average declared wage / 30 a day for at most {@code maxDays} days. Each {@link Fault} breaks one invariant.
 */
final class ToyEngine implements EligibilityEngine {
    enum Fault { SHARE_ROUNDING, NO_CAP, INVERSE_AMOUNT, INVERSE_MONTHS, NONDETERMINISTIC, FIRST_PERIOD_WAGE, EVENT_ORDER, FUTURE_MONTHS, UNEXPLAINED }

    static final long FLOOR = 100_000;
    static final long CEILING = 1_000_000;
    static final Citation LAW = new Citation("toy-law", "art. 1", "A toy law");
    static final String RATE_ID = "toy.contribution.employer_rate";
    static final String MAX_DAYS_ID = "toy.sickness.max_days";

    private final Set<Fault> faults;
    private final BigDecimal rate;
    private final int maxDays;
    private final boolean namesMaxDays;
    private final AtomicLong calls = new AtomicLong();

    ToyEngine(Set<Fault> faults, BigDecimal rate, int maxDays, boolean namesMaxDays) {
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        this.rate = rate;
        this.maxDays = maxDays;
        this.namesMaxDays = namesMaxDays;
    }

    static ToyEngine correct() {
        return new ToyEngine(Set.of(), new BigDecimal("0.01"), 10, true);
    }

    static ToyEngine with(Fault f) {
        return new ToyEngine(Set.of(f), new BigDecimal("0.01"), 10, true);
    }

    private static ParameterUse use(String id, String value, String unit) {
        return new ParameterUse(id, value, unit, LocalDate.of(2008, 1, 1), Confidence.CONFIRMED, LAW);
    }

    @Override
    public Assessment assess(AssessmentRequest request, Locale locale) {
        WorkerProfile p = request.profile();
        LocalDate asOf = request.asOf();
        YearMonth last = YearMonth.from(asOf);
        List<ParameterUse> lineParams = List.of(use(RATE_ID, rate.toPlainString(), "rate"), use("toy.contribution.worker_rate", "0", "rate"),
                use("toy.contributable_wage.floor", String.valueOf(FLOOR), "KHR"), use("toy.contributable_wage.ceiling", String.valueOf(CEILING), "KHR"));
        Map<YearMonth, ContributionLine> lines = new TreeMap<>();
        for (ContributionPeriod x : p.history()) {
            for (YearMonth m = x.from(); !m.isAfter(x.to()); m = m.plusMonths(1)) {
                if (m.isAfter(last) && !faults.contains(Fault.FUTURE_MONTHS)) break;
                long w = x.declaredWage().toRiel();
                long base = faults.contains(Fault.NO_CAP) ? w : Math.min(Math.max(w, FLOOR), CEILING);
                BigDecimal r = faults.contains(Fault.SHARE_ROUNDING) ? rate.add(new BigDecimal("0.001")) : rate;
                long employer = BigDecimal.valueOf(base).multiply(r).setScale(0, RoundingMode.HALF_UP).longValueExact();
                lines.put(m, new ContributionLine(m, Scheme.OCCUPATIONAL_RISK, base, rate, employer, 0, employer, x.paid(), false,
                        "TOY-CON-01", List.of(LAW), lineParams));
            }
        }
        List<Decision> decisions = new ArrayList<>();
        boolean covered = p.history().stream().anyMatch(x -> x.contains(last));
        String suffix = faults.contains(Fault.NONDETERMINISTIC) ? " (call " + calls.incrementAndGet() + ")" : "";
        if (covered) {
            decisions.add(new Decision(Scheme.OCCUPATIONAL_RISK, Benefit.COVERAGE, Outcome.COVERED, null,
                    List.of(reason("TOY-COV-01", CriterionStatus.MET, "in the history this month" + suffix, List.of())), List.of(), false, List.of()));
        } else {
            List<Reason> why = faults.contains(Fault.UNEXPLAINED) ? List.of()
                    : List.of(reason("TOY-COV-02", CriterionStatus.NOT_MET, "not in the history this month" + suffix, List.of()));
            decisions.add(new Decision(Scheme.OCCUPATIONAL_RISK, Benefit.COVERAGE, Outcome.NOT_COVERED, null, why, List.of(), false, List.of()));
        }
        List<Sickness> sick = new ArrayList<>();
        for (LifeEvent e : p.events()) if (e instanceof Sickness s && !s.date().isAfter(asOf)) sick.add(s);
        if (!faults.contains(Fault.EVENT_ORDER)) sick.sort(Comparator.comparing(Sickness::date).thenComparing(Sickness::days));
        for (Sickness s : sick) decisions.add(sickness(p, s));
        return new Assessment(p.id(), asOf, "toy-1", decisions, new ArrayList<>(lines.values()), List.of(), request.eventsAfterAsOf());
    }

    private Decision sickness(WorkerProfile p, Sickness s) {
        YearMonth month = YearMonth.from(s.date());
        int paid = 0;
        long sum = 0;
        for (YearMonth m = month.minusMonths(12); m.isBefore(month); m = m.plusMonths(1)) {
            for (ContributionPeriod x : p.history()) {
                if (x.paid() && x.contains(m)) {
                    paid++;
                    sum += x.declaredWage().toRiel();
                }
            }
        }
        boolean eligible = faults.contains(Fault.INVERSE_MONTHS) ? paid < 3 : paid >= 3;
        List<ParameterUse> params = namesMaxDays ? List.of(use("toy.sickness.min_months", "3", "month"), use(MAX_DAYS_ID, String.valueOf(maxDays), "day"))
                : List.of(use("toy.sickness.min_months", "3", "month"));
        if (!eligible) {
            return new Decision(Scheme.HEALTH_CARE, Benefit.SICKNESS_ALLOWANCE, Outcome.NOT_ELIGIBLE, null,
                    List.of(reason("TOY-SIC-01", CriterionStatus.NOT_MET, paid + " paid months", params)), List.of(), false, List.of(), s.date());
        }
        long daily = paid == 0 ? 0 : sum / paid / 30;
        if (faults.contains(Fault.FIRST_PERIOD_WAGE)) daily = p.history().get(0).declaredWage().toRiel() / 30;
        if (faults.contains(Fault.INVERSE_AMOUNT)) daily = Math.max(0, 100_000 - daily);
        return new Decision(Scheme.HEALTH_CARE, Benefit.SICKNESS_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(daily, AmountPeriod.PER_DAY, Math.min(s.days(), maxDays), false, null),
                List.of(reason("TOY-SIC-01", CriterionStatus.MET, paid + " paid months", params)), List.of(), false, List.of(), s.date());
    }

    private static Reason reason(String id, CriterionStatus status, String message, List<ParameterUse> params) {
        return new Reason(id, status, message, List.of(LAW), params, Map.of(), null);
    }

    @Override
    public String ruleSetVersion() {
        return "toy-1";
    }
}
