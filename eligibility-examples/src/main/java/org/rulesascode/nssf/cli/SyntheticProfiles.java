package org.rulesascode.nssf.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/**
 * Seeded synthetic requests for the benchmark: 36-month histories in one to three periods (wage rises, now and
 * then an unpaid stretch), spread over employment statuses, sectors, wages of 200,000 to 2,000,000 KHR, ages
 * 18 to 70 and as-of dates from 2019 to 2026, with an occasional life event. Same seed, same requests.
 */
final class SyntheticProfiles {
    private SyntheticProfiles() { }

    private static final LocalDate FIRST_AS_OF = LocalDate.of(2019, 1, 1);
    private static final int AS_OF_DAYS = (int) ChronoUnit.DAYS.between(FIRST_AS_OF, LocalDate.of(2026, 12, 31)) + 1;
    private static final Sector[] PRIVATE = {Sector.GARMENT, Sector.GARMENT, Sector.GARMENT, Sector.FOOTWEAR, Sector.TRAVEL_GOODS,
            Sector.CONSTRUCTION, Sector.HOSPITALITY, Sector.TRANSPORT, Sector.TRADE, Sector.DOMESTIC_WORK, Sector.AGRICULTURE, Sector.OTHER};
    private static final Sector[] OWN_ACCOUNT = {Sector.TRANSPORT, Sector.TRADE, Sector.TRADE, Sector.CONSTRUCTION, Sector.AGRICULTURE};
    private static final Sector[] INFORMAL = {Sector.DOMESTIC_WORK, Sector.AGRICULTURE, Sector.CONSTRUCTION, Sector.HOSPITALITY};

    /** @return {@code n} requests from {@code seed} */
    static AssessmentRequest[] generate(int n, long seed) {
        RandomGenerator r = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        AssessmentRequest[] out = new AssessmentRequest[n];
        for (int i = 0; i < n; i++) out[i] = one(r, i);
        return out;
    }

    static AssessmentRequest one(RandomGenerator r, int index) {
        LocalDate asOf = FIRST_AS_OF.plusDays(r.nextInt(AS_OF_DAYS));
        int age = 18 + r.nextInt(53);
        LocalDate birth = asOf.minusYears(age).minusDays(r.nextInt(365));

        int s = r.nextInt(100);
        EmploymentStatus status = s < 70 ? EmploymentStatus.EMPLOYEE : s < 80 ? EmploymentStatus.PUBLIC_EMPLOYEE
                : s < 92 ? EmploymentStatus.SELF_EMPLOYED : EmploymentStatus.INFORMAL;
        Sector sector = switch (status) {
            case EMPLOYEE -> PRIVATE[r.nextInt(PRIVATE.length)];
            case PUBLIC_EMPLOYEE -> Sector.PUBLIC_ADMINISTRATION;
            case SELF_EMPLOYED -> OWN_ACCOUNT[r.nextInt(OWN_ACCOUNT.length)];
            case INFORMAL -> INFORMAL[r.nextInt(INFORMAL.length)];
        };
        Sex sex = r.nextInt(100) < (sector.hasSectorMinimumWage() ? 85 : 45) ? Sex.FEMALE : Sex.MALE;

        // what happens: mostly nothing, sometimes an event the benefit rules look at
        int kind = r.nextInt(100);
        LocalDate death = kind >= 97 ? asOf.minusDays(r.nextInt(120)) : null;
        YearMonth end = YearMonth.from(death != null ? death : asOf).minusMonths(1);
        YearMonth start = end.minusMonths(35);
        Integer enterprise = status == EmploymentStatus.SELF_EMPLOYED || r.nextInt(10) == 0 ? null
                : r.nextInt(4) == 0 ? 1 + r.nextInt(10) : 10 + r.nextInt(3000);
        Set<Scheme> declared = status == EmploymentStatus.SELF_EMPLOYED ? Set.of(Scheme.VOLUNTARY_HEALTH_CARE) : Set.of();

        long wage = 200_000 + r.nextLong(1_800_001);
        wage -= wage % 100;
        List<ContributionPeriod> history = new ArrayList<>(3);
        int periods = 1 + r.nextInt(3);
        YearMonth from = start;
        for (int p = 0; p < periods; p++) {
            YearMonth to = p == periods - 1 ? end : from.plusMonths(r.nextInt(12));
            boolean paid = r.nextInt(100) < 94;
            history.add(new ContributionPeriod(from, to, Money.khr(wage), paid, declared, enterprise, enterprise == null ? null : "E-" + (index % 5000)));
            if (to.equals(end)) break;
            from = to.plusMonths(1);
            wage = Math.min(2_000_000, wage + wage * r.nextInt(8) / 100);
            wage -= wage % 100;
        }

        WorkerProfile.Builder b = WorkerProfile.builder("synthetic-" + index).birthDate(birth).sex(sex)
                .employmentStatus(status).sector(sector).enterpriseWorkers(enterprise)
                .employmentStart(start.atDay(1))
                .wage(r.nextInt(5) == 0 ? new Money(BigDecimal.valueOf(wage).divide(BigDecimal.valueOf(4100), 0, Money.ROUNDING), Currency.USD, BigDecimal.valueOf(4100))
                        : Money.khr(wage))
                .history(history);
        if (death != null) {
            List<Person> survivors = new ArrayList<>();
            survivors.add(new Person(Relation.SPOUSE, birth.plusYears(r.nextInt(7) - 3), false, r.nextBoolean()));
            for (int c = r.nextInt(4); c > 0; c--) {
                int maxChildAge = Math.max(1, Math.min(20, age - 17)); // no child older than the worker allows
                survivors.add(new Person(Relation.CHILD, death.minusDays(r.nextInt(maxChildAge * 365) + 30L), r.nextInt(30) == 0, false));
            }
            b.event(new Death(death, r.nextInt(5) == 0, survivors));
        } else if (kind < 8 && sex == Sex.FEMALE && age <= 45) {
            LocalDate date = asOf.minusDays(r.nextInt(300));
            b.event(new Childbirth(date, r.nextInt(50) == 0 ? 2 : 1, 28 + r.nextInt(14), r.nextBoolean() ? date.minusDays(60 + r.nextInt(120)) : null));
        } else if (kind < 14) {
            b.event(new WorkInjury(asOf.minusDays(r.nextInt(200)), r.nextInt(3) == 0, r.nextInt(60),
                    r.nextInt(10) == 0 ? 1 + r.nextInt(60) : null));
        } else if (kind < 22) {
            b.event(new Sickness(asOf.minusDays(r.nextInt(300)), 1 + r.nextInt(30)));
        } else if (kind < 40 && age >= 60) {
            b.event(new RetirementClaim(asOf.minusDays(r.nextInt(60))));
        }
        return AssessmentRequest.of(b.build(), asOf);
    }
}
