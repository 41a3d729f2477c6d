package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.testkit.Arbitrary;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.Property;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo of life-event benefits (a worker's event facts judged by Drools are kept on the thread, and a later worker
 * whose event facts have the same values gets what was found replayed) never changes an answer.
 *
 * <p>Two ways to try to make it wrong: (1) each generated worker with events is followed, in the same batch, by
 * variants that differ from her in one thing her events are judged on (age, sex, enterprise size, start of
 * employment, an event's date or details, a wage, a paid month), and by an exact copy. A key that missed one of these
 * would hand a variant the original's benefits; the copies show that replays do happen. (2) Both sides of each sample
 * reform assess the same batch one after the other, as a population compare does, and the reform side must equal
 * Drools alone.
 */
class EventMemoTests {
    static final int ORIGINALS = 300;

    /** One thing changed at a time; each returns null when it does not apply to the profile. */
    static final Map<String, UnaryOperator<WorkerProfile>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("a copy", p -> p);
        VARIANTS.put("a year older", p -> with(p, p.birthDate().minusYears(1), p.sex(), p.employmentStart(), p.enterpriseWorkers(), p.history(), p.events()));
        VARIANTS.put("five years younger", p -> with(p, p.birthDate().plusYears(5), p.sex(), p.employmentStart(), p.enterpriseWorkers(), p.history(), p.events()));
        VARIANTS.put("the other sex", p -> with(p, p.birthDate(), p.sex() == Sex.FEMALE ? Sex.MALE : Sex.FEMALE, p.employmentStart(), p.enterpriseWorkers(), p.history(), p.events()));
        VARIANTS.put("employed a year earlier", p -> p.employmentStart() == null ? null
                : with(p, p.birthDate(), p.sex(), p.employmentStart().minusYears(1), p.enterpriseWorkers(), p.history(), p.events()));
        VARIANTS.put("start of employment unknown", p -> p.employmentStart() == null ? null
                : with(p, p.birthDate(), p.sex(), null, p.enterpriseWorkers(), p.history(), p.events()));
        VARIANTS.put("a smaller enterprise", p -> with(p, p.birthDate(), p.sex(), p.employmentStart(),
                p.enterpriseWorkers() == null ? Integer.valueOf(1) : Integer.valueOf(Math.max(0, p.enterpriseWorkers() - 7)), p.history(), p.events()));
        VARIANTS.put("events a month earlier", p -> with(p, p.birthDate(), p.sex(), p.employmentStart(), p.enterpriseWorkers(), p.history(),
                p.events().stream().map(e -> moved(e, e.date().minusMonths(1))).toList()));
        VARIANTS.put("events a day later", p -> with(p, p.birthDate(), p.sex(), p.employmentStart(), p.enterpriseWorkers(), p.history(),
                p.events().stream().map(e -> moved(e, e.date().plusDays(1))).toList()));
        VARIANTS.put("longer or more", p -> with(p, p.birthDate(), p.sex(), p.employmentStart(), p.enterpriseWorkers(), p.history(),
                p.events().stream().map(EventMemoTests::more).toList()));
        VARIANTS.put("the last wage doubled", p -> p.history().isEmpty() ? null : with(p, p.birthDate(), p.sex(), p.employmentStart(), p.enterpriseWorkers(),
                lastChanged(p.history(), c -> new ContributionPeriod(c.from(), c.to(), doubled(c.declaredWage()), c.paid(), c.schemes(), c.enterpriseWorkers(), c.employerId())),
                p.events()));
        VARIANTS.put("the last period unpaid or paid", p -> p.history().isEmpty() ? null : with(p, p.birthDate(), p.sex(), p.employmentStart(), p.enterpriseWorkers(),
                lastChanged(p.history(), c -> new ContributionPeriod(c.from(), c.to(), c.declaredWage(), !c.paid(), c.schemes(), c.enterpriseWorkers(), c.employerId())),
                p.events()));
        VARIANTS.put("the first period a month shorter", p -> p.history().isEmpty() || p.history().get(0).from().equals(p.history().get(0).to()) ? null
                : with(p, p.birthDate(), p.sex(), p.employmentStart(), p.enterpriseWorkers(),
                firstChanged(p.history(), c -> new ContributionPeriod(c.from().plusMonths(1), c.to(), c.declaredWage(), c.paid(), c.schemes(), c.enterpriseWorkers(), c.employerId())),
                p.events()));
    }

    @Test
    void workersWhoDifferInAnythingTheirEventsAreJudgedOn_getTheirOwnBenefits_andCopiesAreReplayed() {
        long seed = Property.seed();
        DroolsEligibilityEngine memo = ((DroolsEligibilityEngine) OutcomeFastPathTests.BASELINE).withMemo(true);
        DroolsEligibilityEngine plain = memo.withMemo(false);
        List<Arbitrary<ProfileCase>> sources = List.of(
                WorkerProfiles.any().withLifeEvents().asOfBetween(LocalDate.of(2028, 6, 30), LocalDate.of(2028, 6, 30)).arbitrary(),
                WorkerProfiles.employees().withLifeEvents().arbitrary());
        long replayedBefore = memo.memoStatistics().eventsReplayed();
        Map<String, Integer> compared = new LinkedHashMap<>();
        int decisionsOnEvents = 0;
        int pensionDecisions = 0;
        long pensionReplayed = 0;
        for (int s = 0; s < sources.size(); s++) {
            for (int n = 0; n < ORIGINALS / sources.size(); n++) {
                int index = 9_000_000 + s * 100_000 + n;
                AssessmentRequest original = Property.draw(seed, index, sources.get(s).gen()).request();
                List<AssessmentRequest> batch = new ArrayList<>();
                List<String> names = new ArrayList<>();
                batch.add(original);
                names.add("the original");
                for (Map.Entry<String, UnaryOperator<WorkerProfile>> v : VARIANTS.entrySet()) {
                    WorkerProfile p;
                    try {
                        p = v.getValue().apply(original.profile());
                    } catch (org.rulesascode.nssf.eligibility.InvalidInputException notAProfile) {
                        continue; // e.g. a childbirth of a man: the variant is not a valid profile
                    }
                    if (p == null) continue;
                    batch.add(new AssessmentRequest(p, original.asOf(), original.schemes()));
                    names.add(v.getKey());
                }
                memo.assessAll(List.of(original), Locale.ENGLISH, Detail.OUTCOMES); // her events are kept (on this thread)
                long replayedNow = memo.memoStatistics().eventsReplayed();
                List<Assessment> fast = memo.assessAll(batch, Locale.ENGLISH, Detail.OUTCOMES);
                // the workers with a pension claim, an invalidity or a death, whose rules read the pension contributions
                boolean pensionKind = original.profile().events().stream().anyMatch(e -> !e.date().isAfter(original.asOf())
                        && (e instanceof org.rulesascode.nssf.eligibility.RetirementClaim || e instanceof org.rulesascode.nssf.eligibility.Death
                        || e instanceof org.rulesascode.nssf.eligibility.InvalidityClaim));
                if (pensionKind) pensionReplayed += memo.memoStatistics().eventsReplayed() - replayedNow;
                List<Assessment> reference = plain.assessAll(batch, Locale.ENGLISH, Detail.OUTCOMES);
                for (int i = 0; i < batch.size(); i++) {
                    assertThat(fast.get(i)).as("%s of case %d (seed %d, rerun with -Dnssf.seed=%d): %s as of %s", names.get(i), index, seed, seed,
                            batch.get(i).profile(), batch.get(i).asOf()).isEqualTo(reference.get(i));
                    compared.merge(names.get(i), 1, Integer::sum);
                    decisionsOnEvents += (int) reference.get(i).decisions().stream().filter(d -> d.eventDate() != null).count();
                    pensionDecisions += (int) reference.get(i).decisions().stream()
                            .filter(d -> d.eventDate() != null && d.scheme() == org.rulesascode.nssf.eligibility.Scheme.PENSION).count();
                }
                if (n % 10 == 0) { // the explained form (reasons, steps) is replayed too
                    var m = memo.assessor().assessAllWithoutCompliance(batch, Locale.ENGLISH);
                    var p = plain.assessor().assessAllWithoutCompliance(batch, Locale.ENGLISH);
                    assertThat(m).as("explained, case %d (seed %d)", index, seed).isEqualTo(p);
                }
            }
        }
        long replayed = memo.memoStatistics().eventsReplayed() - replayedBefore;
        System.out.println("event memo variants: " + compared + ", " + decisionsOnEvents + " decisions on events, " + replayed + " workers' events replayed");
        // every variant was tried on many workers, and copies were replayed (else the comparison proves nothing)
        for (String v : VARIANTS.keySet()) assertThat(compared.getOrDefault(v, 0)).as("workers compared as '%s' (seed %d)", v, seed).isGreaterThan(50);
        assertThat(decisionsOnEvents).as("decisions on events (seed %d)", seed).isGreaterThan(2 * ORIGINALS);
        assertThat(replayed).as("workers whose event benefits were replayed (seed %d)", seed).isGreaterThan(ORIGINALS);
        // pension claims, invalidity and deaths (their rules read the pension contributions) among them
        assertThat(pensionDecisions).as("pension decisions on events (seed %d)", seed).isGreaterThan(ORIGINALS / 2);
        assertThat(pensionReplayed).as("workers with a pension event whose event benefits were replayed (seed %d)", seed).isGreaterThan(ORIGINALS / 10);
        System.out.println("event memo: " + pensionDecisions + " pension decisions on events compared, " + pensionReplayed
                + " workers with a pension event replayed");
    }

    @Test
    void theReformSideOfACompareReplaysTheBaselinesEventBenefits_whereTheyAreTheSame_andNeverChangesAnAnswer() {
        long seed = Property.seed();
        DroolsEligibilityEngine base = ((DroolsEligibilityEngine) OutcomeFastPathTests.BASELINE).withMemo(true);
        // a population of one date, and women with short histories whose events fall after the reforms start (2027):
        // a maternity reform then decides differently for the same worker, and must not be handed the baseline's answer
        List<Arbitrary<ProfileCase>> sources = List.of(
                WorkerProfiles.employees().withLifeEvents().asOfBetween(LocalDate.of(2028, 6, 30), LocalDate.of(2028, 6, 30)).arbitrary(),
                WorkerProfiles.employees().ofSex(Sex.FEMALE).withHistoryMonths(3, 14).withLifeEvents()
                        .asOfBetween(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 6, 30)).arbitrary());
        long replayedByCeiling = 0;
        long differByReform = 0;
        for (String f : SampleReformTests.SAMPLES) {
            DroolsEligibilityEngine reformed = ((DroolsEligibilityEngine) SampleReformTests.reformed(f)).withMemo(true);
            DroolsEligibilityEngine plain = reformed.withMemo(false);
            for (int b = 0; b < 12; b++) {
                List<AssessmentRequest> rs = new ArrayList<>();
                Arbitrary<ProfileCase> cases = sources.get(b % 2);
                for (int i = 0; i < 64; i++) rs.add(Property.draw(seed, 8_000_000 + b * 64 + i, cases.gen()).request());
                List<Assessment> bs = base.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                long before = reformed.memoStatistics().eventsReplayed();
                List<Assessment> r = reformed.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                if (f.equals("pension-ceiling-2027.yaml")) replayedByCeiling += reformed.memoStatistics().eventsReplayed() - before;
                List<Assessment> ref = plain.assessAll(rs, Locale.ENGLISH, Detail.OUTCOMES);
                for (int i = 0; i < rs.size(); i++) {
                    assertThat(r.get(i)).as("%s, reform side, case %d (seed %d): %s", f, 8_000_000 + b * 64 + i, seed, rs.get(i).profile()).isEqualTo(ref.get(i));
                    if (!bs.get(i).decisions().equals(ref.get(i).decisions())) differByReform++;
                }
            }
        }
        // the pension ceiling changes no health-care or injury event before 2027 for a worker under the old ceiling
        assertThat(replayedByCeiling).as("workers whose event benefits the ceiling reform replayed from the baseline (seed %d)", seed).isGreaterThan(100);
        // and the reforms do change answers here (else the comparison could not catch a baseline answer handed over)
        assertThat(differByReform).as("workers whose decisions a reform changes (seed %d)", seed).isGreaterThan(20);
        System.out.println("event memo, both sides: the ceiling reform replayed " + replayedByCeiling + " workers' events; " + differByReform
                + " workers' decisions changed by a reform");
    }

    // ------------------------------------------------------------------ variants

    private static WorkerProfile with(WorkerProfile p, LocalDate birth, Sex sex, LocalDate start, Integer workers, List<ContributionPeriod> history,
                                      List<LifeEvent> events) {
        return new WorkerProfile(p.id() + "'", birth, sex, p.employmentStatus(), p.sector(), p.wage(), start, workers, history, events, p.dependants());
    }

    private static LifeEvent moved(LifeEvent e, LocalDate d) {
        if (e instanceof Sickness s) return new Sickness(d, s.days());
        if (e instanceof Childbirth c) return new Childbirth(d, c.babies(), c.pregnancyWeeks(), c.notifiedOn());
        if (e instanceof WorkInjury w) return new WorkInjury(d, w.commuting(), w.incapacityDays(), w.permanentDegreePercent());
        if (e instanceof Death x) return new Death(d, x.workRelated(), x.survivors());
        if (e instanceof RetirementClaim) return new RetirementClaim(d);
        if (e instanceof InvalidityClaim) return new InvalidityClaim(d);
        throw new IllegalArgumentException("unknown event " + e);
    }

    private static LifeEvent more(LifeEvent e) {
        if (e instanceof Sickness s) return new Sickness(s.date(), s.days() + 3);
        if (e instanceof Childbirth c) return new Childbirth(c.date(), c.babies() + 1, c.pregnancyWeeks(), c.notifiedOn());
        if (e instanceof WorkInjury w) return new WorkInjury(w.date(), !w.commuting(), w.incapacityDays() == null ? 10 : w.incapacityDays() + 10, w.permanentDegreePercent());
        if (e instanceof Death x) return new Death(x.date(), !x.workRelated(), x.survivors());
        return e;
    }

    private static Money doubled(Money m) {
        return m == null ? null : new Money(m.amount().multiply(BigDecimal.valueOf(2)), m.currency(), m.exchangeRate());
    }

    private static List<ContributionPeriod> lastChanged(List<ContributionPeriod> h, UnaryOperator<ContributionPeriod> f) {
        List<ContributionPeriod> out = new ArrayList<>(h);
        out.set(out.size() - 1, f.apply(out.get(out.size() - 1)));
        return out;
    }

    private static List<ContributionPeriod> firstChanged(List<ContributionPeriod> h, UnaryOperator<ContributionPeriod> f) {
        List<ContributionPeriod> out = new ArrayList<>(h);
        out.set(0, f.apply(out.get(0)));
        return out;
    }
}
