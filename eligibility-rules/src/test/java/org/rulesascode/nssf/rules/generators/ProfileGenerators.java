package org.rulesascode.nssf.rules.generators;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.LifeEvent;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Seeded generators of worker profiles and as-of dates, built on the public API only (they are meant to move to
 * the testkit module). Values are skewed towards the places where the law changes: as-of dates near the dates
 * the rule base names, wages on the edges of the assumed-wage brackets, ages around 60, enterprises around the
 * pre-2018 registration threshold, employment starting after the as-of date, unpaid months and gaps.
 *
 * <p>Ranges: birth dates 1950-01-01 to 2005-12-31 (at least 15 years before the as-of date); as-of dates
 * 2008-01-01 to 2060-12-31; wages 0 to 3,000,000 KHR, or US dollars with an exchange rate; 1 to 5 non-overlapping
 * history periods between 2008-01 and 2060-12 (from age 14); enterprise sizes absent, 1 to 20, or large.
 */
public final class ProfileGenerators {
    public static final LocalDate FIRST_AS_OF = LocalDate.of(2008, 1, 1);
    public static final LocalDate LAST_AS_OF = LocalDate.of(2060, 12, 31);
    public static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);
    public static final LocalDate LAST_BIRTH = LocalDate.of(2005, 12, 31);
    public static final YearMonth FIRST_MONTH = YearMonth.of(2008, 1);
    public static final YearMonth LAST_MONTH = YearMonth.of(2060, 12);
    public static final long MAX_WAGE = 3_000_000L;

    /**
     * Dates where the rules reference (nssf-rules.md) says something starts or changes: occupational risk
     * (2008-11), health care (2016-07 as assumed by the rule base), registration of every employer and public
     * employees (2018-01), the 1,200,000 ceiling (2018-10, 2019-01), the 2019 Law, pension (2022-07, contributions
     * 2022-10 and the phase dates), voluntary health care (2023-04, 2023-11-14). As-of dates cluster around them.
     */
    public static final List<LocalDate> DEFAULT_NOTABLE_DATES = List.of(
            LocalDate.of(2008, 11, 1), LocalDate.of(2016, 7, 1), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 10, 1),
            LocalDate.of(2019, 1, 1), LocalDate.of(2019, 11, 3), LocalDate.of(2022, 7, 1), LocalDate.of(2022, 10, 1),
            LocalDate.of(2023, 4, 1), LocalDate.of(2023, 11, 14), LocalDate.of(2027, 10, 1), LocalDate.of(2032, 10, 1),
            LocalDate.of(2042, 10, 1), LocalDate.of(2052, 10, 1));

    /** Wages on which the assumed-wage table and the pension clamp turn (nssf-rules.md §3). */
    private static final long[] WAGE_EDGES = {0, 200_000, 400_000, 1_000_000, 1_200_000};

    private final List<LocalDate> notableDates;

    private ProfileGenerators(List<LocalDate> notableDates) {
        this.notableDates = List.copyOf(new TreeSet<>(notableDates));
    }

    /** @return generators clustering as-of dates around {@link #DEFAULT_NOTABLE_DATES} */
    public static ProfileGenerators standard() {
        return new ProfileGenerators(DEFAULT_NOTABLE_DATES);
    }

    /** @return generators clustering as-of dates around the given dates (e.g. a parameter tree's change dates) */
    public static ProfileGenerators withNotableDates(Iterable<LocalDate> dates) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : dates) if (!d.isBefore(FIRST_AS_OF) && !d.isAfter(LAST_AS_OF)) out.add(d);
        if (out.isEmpty()) out.addAll(DEFAULT_NOTABLE_DATES);
        return new ProfileGenerators(out);
    }

    // ------------------------------------------------------------------ single fields

    /** Employees more often than the others. */
    public Gen<EmploymentStatus> employmentStatus() {
        return Gen.frequency(new int[] {50, 15, 20, 15},
                Gen.constant(EmploymentStatus.EMPLOYEE), Gen.constant(EmploymentStatus.PUBLIC_EMPLOYEE),
                Gen.constant(EmploymentStatus.SELF_EMPLOYED), Gen.constant(EmploymentStatus.INFORMAL));
    }

    public Gen<Sector> sector() {
        return Gen.oneOf(Sector.values());
    }

    public Gen<Sex> sex() {
        return Gen.oneOf(Sex.values());
    }

    /** A day from {@code from} to {@code to}, inclusive. */
    public static Gen<LocalDate> day(LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return r -> from.plusDays(r.nextLong(span + 1));
    }

    /** As-of dates: any day, a month end, or a day near a notable date. */
    public Gen<LocalDate> asOf() {
        Gen<LocalDate> any = day(FIRST_AS_OF, LAST_AS_OF);
        Gen<LocalDate> monthEnd = r -> YearMonth.from(any.next(r)).atEndOfMonth();
        Gen<LocalDate> nearNotable = r -> {
            LocalDate d = notableDates.get(r.nextInt(notableDates.size())).plusDays(r.nextInt(-45, 46));
            return clamp(d, FIRST_AS_OF, LAST_AS_OF);
        };
        return Gen.frequency(new int[] {55, 15, 30}, any, monthEnd, nearNotable);
    }

    /** Birth dates from 1950 to 2005, at least 15 years before {@code asOf}; often 60 years before it, give or take. */
    public Gen<LocalDate> birthDate(LocalDate asOf) {
        LocalDate last = min(LAST_BIRTH, asOf.minusYears(15));
        Gen<LocalDate> any = day(FIRST_BIRTH, last);
        Gen<LocalDate> aroundSixty = r -> clamp(asOf.minusYears(60).plusDays(r.nextInt(-540, 541)), FIRST_BIRTH, last);
        return Gen.frequency(new int[] {80, 20}, any, aroundSixty);
    }

    /** A monthly wage: KHR from 0 to 3,000,000 (often on a bracket edge), or US dollars with an exchange rate. */
    public Gen<Money> wage() {
        Gen<Money> uniform = r -> Money.khr(r.nextLong(MAX_WAGE + 1));
        Gen<Money> low = r -> Money.khr(r.nextLong(200_001));
        Gen<Money> edge = r -> {
            long base = r.nextBoolean() ? WAGE_EDGES[r.nextInt(WAGE_EDGES.length)] : 50_000L * r.nextInt(4, 25);
            return Money.khr(Math.max(0, Math.min(MAX_WAGE, base + r.nextInt(-1, 2))));
        };
        Gen<Money> usd = r -> {
            BigDecimal dollars = BigDecimal.valueOf(r.nextLong(75_001), 2);
            BigDecimal rate = r.nextBoolean() ? BigDecimal.valueOf(r.nextInt(3_950, 4_151))
                    : BigDecimal.valueOf(r.nextInt(395_000, 415_001), 2);
            return Money.usd(dollars, rate);
        };
        return Gen.frequency(new int[] {50, 10, 20, 20}, uniform, low, edge, usd);
    }

    /** Absent, 1 to 20 (around the pre-2018 threshold of 8), or a large enterprise. */
    public Gen<Integer> enterpriseWorkers() {
        Gen<Integer> small = r -> r.nextInt(1, 21);
        Gen<Integer> large = r -> r.nextInt(21, 5_001);
        return Gen.frequency(new int[] {35, 50, 15}, Gen.<Integer>constant(null), small, large);
    }

    // ------------------------------------------------------------------ history

    /**
     * 1 to 5 non-overlapping periods in months from 2008-01 (and from age 14) to 2060-12, in date order, usually
     * around the as-of date, with gaps, unpaid periods, declared schemes and enterprise sizes.
     */
    public List<ContributionPeriod> history(RandomGenerator r, LocalDate birth, LocalDate asOf, EmploymentStatus status, Money profileWage) {
        YearMonth earliest = max(FIRST_MONTH, YearMonth.from(birth.plusYears(14)));
        YearMonth asOfMonth = YearMonth.from(asOf);
        YearMonth start = r.nextInt(100) < 70
                ? max(earliest, asOfMonth.minusMonths(r.nextInt(0, 181)))
                : earliest.plusMonths(r.nextLong(ChronoUnit.MONTHS.between(earliest, LAST_MONTH) + 1));
        int n = r.nextInt(1, 6);
        List<ContributionPeriod> out = new ArrayList<>(n);
        YearMonth from = start;
        Gen<Money> wages = wage();
        Gen<Integer> sizes = enterpriseWorkers();
        for (int k = 0; k < n && !from.isAfter(LAST_MONTH); k++) {
            int len = switch (r.nextInt(5)) {
                case 0, 1 -> r.nextInt(1, 13);
                case 2, 3 -> r.nextInt(13, 61);
                default -> r.nextInt(61, 181);
            };
            YearMonth to = min(from.plusMonths(len - 1L), LAST_MONTH);
            Money w = profileWage != null && r.nextBoolean() ? profileWage : wages.next(r);
            boolean paid = r.nextInt(100) < 85;
            out.add(new ContributionPeriod(from, to, w, paid, schemes(r, status), sizes.next(r),
                    r.nextBoolean() ? null : "E" + r.nextInt(1, 100)));
            int gap = r.nextInt(100) < 30 ? 0 : r.nextInt(1, 25);
            from = to.plusMonths(1L + gap);
        }
        return out;
    }

    private static Set<Scheme> schemes(RandomGenerator r, EmploymentStatus status) {
        int pick = r.nextInt(100);
        if (status == EmploymentStatus.SELF_EMPLOYED && pick < 40) return Set.of(Scheme.VOLUNTARY_HEALTH_CARE);
        if (pick < 75) return Set.of();
        Set<Scheme> s = EnumSet.noneOf(Scheme.class);
        for (Scheme x : Scheme.values()) if (r.nextBoolean()) s.add(x);
        return s;
    }

    // ------------------------------------------------------------------ events and dependants

    /** 0 to 2 life events dated from age 15 to five years after the as-of date (later ones must be ignored). */
    public List<LifeEvent> events(RandomGenerator r, LocalDate birth, Sex sex, LocalDate asOf) {
        if (r.nextInt(100) < 55) return List.of();
        LocalDate lo = birth.plusYears(15);
        LocalDate hi = min(LAST_AS_OF, asOf.plusYears(5));
        if (hi.isBefore(lo)) return List.of();
        Gen<LocalDate> days = day(lo, hi);
        int n = r.nextInt(1, 3);
        List<LifeEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            LocalDate d = days.next(r);
            out.add(switch (r.nextInt(5)) {
                case 0 -> sex == Sex.FEMALE ? new Childbirth(d, r.nextInt(1, 4), r.nextBoolean() ? null : r.nextInt(20, 43), null)
                        : new Sickness(d, r.nextInt(1, 90));
                case 1 -> new WorkInjury(d, r.nextBoolean(), r.nextBoolean() ? null : r.nextInt(0, 365),
                        r.nextBoolean() ? null : r.nextInt(0, 101));
                case 2 -> new Sickness(d, r.nextInt(1, 90));
                case 3 -> new RetirementClaim(d);
                default -> new Death(d, r.nextBoolean(), r.nextBoolean() ? List.of()
                        : List.of(new Person(Relation.SPOUSE, null, false, r.nextBoolean())));
            });
        }
        return out;
    }

    /** 0 to 2 dependants. */
    public List<Person> dependants(RandomGenerator r, LocalDate birth) {
        if (r.nextInt(100) < 70) return List.of();
        int n = r.nextInt(1, 3);
        List<Person> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Relation rel = Relation.values()[r.nextInt(Relation.values().length)];
            LocalDate b = r.nextBoolean() ? null : birth.plusYears(r.nextInt(-30, 40));
            out.add(new Person(rel, b, r.nextInt(10) == 0, r.nextBoolean()));
        }
        return out;
    }

    // ------------------------------------------------------------------ whole cases

    /** A whole profile and as-of date. */
    public Gen<ProfileCase> profileCase() {
        Gen<LocalDate> asOfs = asOf();
        Gen<EmploymentStatus> statuses = employmentStatus();
        Gen<Sector> sectors = sector();
        Gen<Sex> sexes = sex();
        Gen<Money> wages = wage().orNull(0.2);
        Gen<Integer> sizes = enterpriseWorkers();
        return r -> {
            LocalDate asOf = asOfs.next(r);
            LocalDate birth = birthDate(asOf).next(r);
            EmploymentStatus status = statuses.next(r);
            Sex sex = sexes.next(r);
            Money wage = wages.next(r);
            LocalDate start = null;
            if (r.nextInt(100) >= 40) {
                LocalDate lo = max(birth.plusYears(14), LocalDate.of(2000, 1, 1));
                start = day(lo, asOf.plusYears(3)).next(r);
            }
            WorkerProfile.Builder b = WorkerProfile.builder("gen-" + r.nextInt(1_000_000))
                    .birthDate(birth).sex(sex).employmentStatus(status).sector(sectors.next(r)).wage(wage)
                    .employmentStart(start).enterpriseWorkers(sizes.next(r))
                    .history(history(r, birth, asOf, status, wage))
                    .events(events(r, birth, sex, asOf));
            dependants(r, birth).forEach(b::dependant);
            return new ProfileCase(b.build(), asOf);
        };
    }

    /** {@link #profileCase()} with its domain shrinker. */
    public Arbitrary<ProfileCase> profiles() {
        return new Arbitrary<>(profileCase(), new ProfileShrinker());
    }

    // ------------------------------------------------------------------ helpers

    static LocalDate clamp(LocalDate d, LocalDate lo, LocalDate hi) {
        return d.isBefore(lo) ? lo : d.isAfter(hi) ? hi : d;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static YearMonth min(YearMonth a, YearMonth b) {
        return a.isBefore(b) ? a : b;
    }

    static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }
}
