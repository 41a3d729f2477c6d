package org.rulesascode.nssf.testkit;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
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
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Seeded generators of whole questions to the engine (a {@link WorkerProfile} and an as-of date: a
 * {@link ProfileCase}), configured fluently and immutable:
 *
 * <pre>{@code
 * Gen<ProfileCase> garment = WorkerProfiles.employees().inSector(Sector.GARMENT).withHistoryMonths(12, 48);
 * ProfileCase c = garment.next(RandomGeneratorFactory.of("L64X128MixRandom").create(42));
 * Property.forAll("my property", 42, 1_000, garment.arbitrary(), c -> ...);   // shrinks a failure
 * }</pre>
 *
 * <p><b>What {@link #any()} draws</b> (the others restrict it): as-of dates 2008-01-01 to 2060-12-31, often a month
 * end or within 45 days of a date where the law changes ({@link #DEFAULT_NOTABLE_DATES}); birth dates 1950 to 2005,
 * at least 15 years before the as-of date, often about 60 years before it; every employment status (employees half
 * of the time) and sector; wages from 0 to 3,000,000 KHR, often on an edge of the assumed-wage brackets, or in US
 * dollars with an exchange rate; an employment start (sometimes after the as-of date); enterprises of unknown size,
 * 1 to 20 workers (around the pre-2018 registration threshold) or larger; 1 to 5 history periods from age 14, with
 * gaps, unpaid months, declared schemes, enterprise sizes and employers, usually around the as-of date but some
 * running past it; 0 to 2 life events from age 15 to five years after the as-of date (later ones must be ignored),
 * kept consistent with the profile (no childbirth after 50, no injury before the employment starts, nothing after
 * a death); 0 to 2 dependants.
 *
 * <p><b>Options.</b> {@link #inSector} fixes the sector and, for the garment, footwear and travel-goods sectors,
 * draws wages {@linkplain #nearMinimumWage() around the sector minimum wage} of each year; {@link #withHistoryMonths}
 * draws a history of that many months up to the as-of month (1 to 5 periods, gaps, unpaid months, changes of
 * employer); {@link #withLifeEvents()} replaces the events by one to three events of {@link LifeEvents}, dated near
 * the runs of paid months where benefits turn, with more employees, short services, workers past 60 and retirees;
 * {@link #asOfBetween} restricts the as-of dates.
 *
 * <p>Every draw comes from the {@link RandomGenerator} given to {@link #next}: the same seed gives the same case.
 */
public final class WorkerProfiles implements Gen<ProfileCase> {
    public static final LocalDate FIRST_AS_OF = LocalDate.of(2008, 1, 1);
    public static final LocalDate LAST_AS_OF = LocalDate.of(2060, 12, 31);
    public static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);
    public static final LocalDate LAST_BIRTH = LocalDate.of(2005, 12, 31);
    public static final YearMonth FIRST_MONTH = ContributionPeriod.FIRST_MONTH;
    public static final YearMonth LAST_MONTH = ContributionPeriod.LAST_MONTH;
    public static final long MAX_WAGE = 3_000_000L;

    /**
     * Dates where the law (docs/law.md) says something starts or changes: occupational risk
     * (2008-11), health care (2016-07 as assumed by the rule base), registration of every employer and public
     * employees (2018-01), the 1,200,000 ceiling (2018-10, 2019-01), the 2019 Law, pension (2022-07, contributions
     * 2022-10 and the phase dates), voluntary health care (2023-04, 2023-11-14). As-of dates cluster around them.
     */
    public static final List<LocalDate> DEFAULT_NOTABLE_DATES = List.of(
            LocalDate.of(2008, 11, 1), LocalDate.of(2016, 7, 1), LocalDate.of(2018, 1, 1), LocalDate.of(2018, 10, 1),
            LocalDate.of(2019, 1, 1), LocalDate.of(2019, 11, 3), LocalDate.of(2022, 7, 1), LocalDate.of(2022, 10, 1),
            LocalDate.of(2023, 4, 1), LocalDate.of(2023, 11, 14), LocalDate.of(2027, 10, 1), LocalDate.of(2032, 10, 1),
            LocalDate.of(2042, 10, 1), LocalDate.of(2052, 10, 1));

    /** Wages on which the assumed-wage table and the pension clamp turn. */
    private static final long[] WAGE_EDGES = {0, 200_000, 400_000, 1_000_000, 1_200_000};

    /** History months drawn by {@link #nearMinimumWage()} when {@link #withHistoryMonths} is not given. */
    static final int DEFAULT_MIN_MONTHS = 1;
    static final int DEFAULT_MAX_MONTHS = 120;

    /** How life events are drawn. */
    private enum Events { SOME, CONSISTENT, NONE }

    private final EmploymentStatus status;
    private final Sector sector;
    private final Sex sex;
    private final Integer minMonths;
    private final Integer maxMonths;
    private final Events events;
    private final LocalDate asOfFrom;
    private final LocalDate asOfTo;
    private final List<LocalDate> notableDates;
    private final boolean nearMinimumWage;

    private WorkerProfiles(EmploymentStatus status, Sector sector, Sex sex, Integer minMonths, Integer maxMonths, Events events,
                           LocalDate asOfFrom, LocalDate asOfTo, List<LocalDate> notableDates, boolean nearMinimumWage) {
        this.status = status;
        this.sector = sector;
        this.sex = sex;
        this.minMonths = minMonths;
        this.maxMonths = maxMonths;
        this.events = events;
        this.asOfFrom = asOfFrom;
        this.asOfTo = asOfTo;
        this.notableDates = notableDates;
        this.nearMinimumWage = nearMinimumWage;
    }

    // ------------------------------------------------------------------ starting points

    /** @return workers of every employment status and sector (see the class comment) */
    public static WorkerProfiles any() {
        return new WorkerProfiles(null, null, null, null, null, Events.SOME, FIRST_AS_OF, LAST_AS_OF, DEFAULT_NOTABLE_DATES, false);
    }

    /** @return employees under the Labour Law ({@link EmploymentStatus#EMPLOYEE}) */
    public static WorkerProfiles employees() {
        return any().withStatus(EmploymentStatus.EMPLOYEE);
    }

    /** @return civil servants and contract staff of the State ({@link EmploymentStatus#PUBLIC_EMPLOYEE}) */
    public static WorkerProfiles publicEmployees() {
        return any().withStatus(EmploymentStatus.PUBLIC_EMPLOYEE);
    }

    /** @return self-employed workers ({@link EmploymentStatus#SELF_EMPLOYED}), who may join voluntary health care */
    public static WorkerProfiles selfEmployed() {
        return any().withStatus(EmploymentStatus.SELF_EMPLOYED);
    }

    /** @return informal workers registered by an employer ({@link EmploymentStatus#INFORMAL}) */
    public static WorkerProfiles informal() {
        return any().withStatus(EmploymentStatus.INFORMAL);
    }

    // ------------------------------------------------------------------ options (each returns a new generator)

    /** @return these generators with every worker of {@code s} (null: any status) */
    public WorkerProfiles withStatus(EmploymentStatus s) {
        return new WorkerProfiles(s, sector, sex, minMonths, maxMonths, events, asOfFrom, asOfTo, notableDates, nearMinimumWage);
    }

    /**
     * @return these generators with every worker in sector {@code s}; for a sector with a minimum wage (garment,
     * footwear, travel goods) wages are drawn {@linkplain #nearMinimumWage() around it}
     */
    public WorkerProfiles inSector(Sector s) {
        Objects.requireNonNull(s, "sector");
        return new WorkerProfiles(status, s, sex, minMonths, maxMonths, events, asOfFrom, asOfTo, notableDates,
                nearMinimumWage || s.hasSectorMinimumWage());
    }

    /** @return these generators with every worker of sex {@code s} */
    public WorkerProfiles ofSex(Sex s) {
        Objects.requireNonNull(s, "sex");
        return new WorkerProfiles(status, sector, s, minMonths, maxMonths, events, asOfFrom, asOfTo, notableDates, nearMinimumWage);
    }

    /**
     * A history of {@code min} to {@code max} months in all, every month on or before the as-of month: 1 to 5
     * periods, adjacent or with gaps of 1 to 24 months, 15 % of them unpaid, with changes of employer (more often
     * after a gap). As-of dates and birth dates are moved, when needed, so that {@code min} months fit after 2008-01
     * and after the worker's 14th birthday.
     *
     * @param min at least 1
     * @param max at least {@code min}, at most 636 (2008-01 to 2060-12)
     */
    public WorkerProfiles withHistoryMonths(int min, int max) {
        long all = Draw.monthsBetween(FIRST_MONTH, LAST_MONTH) + 1;
        if (min < 1 || max < min || max > all) {
            throw new IllegalArgumentException("withHistoryMonths(" + min + ", " + max + "): need 1 <= min <= max <= " + all);
        }
        checkFits(min, asOfTo);
        return new WorkerProfiles(status, sector, sex, min, max, events, asOfFrom, asOfTo, notableDates, nearMinimumWage);
    }

    /**
     * One to three life events consistent with the profile ({@link LifeEvents#events}), dated from age 15 to a year
     * after the as-of date (85 % on or before it), instead of the default 0 to 2. To reach the benefits, 30 % of the
     * workers whose status is not fixed become employees, 35 % start employment with their first history period,
     * 12 % are made older (60 reached in the six years before the as-of date), and 8 % of the employees without a
     * fixed history length are retirees: 60 reached after the pension contributions started, 1 to 36 months of them (from
     * 2040, for half of them, every month since the scheme began: long careers and pensions), and an old-age claim, a
     * death after the claim, or a death instead of it.
     */
    public WorkerProfiles withLifeEvents() {
        return new WorkerProfiles(status, sector, sex, minMonths, maxMonths, Events.CONSISTENT, asOfFrom, asOfTo, notableDates, nearMinimumWage);
    }

    /** @return these generators with no life events at all */
    public WorkerProfiles withoutLifeEvents() {
        return new WorkerProfiles(status, sector, sex, minMonths, maxMonths, Events.NONE, asOfFrom, asOfTo, notableDates, nearMinimumWage);
    }

    /** @return these generators with as-of dates from {@code from} to {@code to} (within 2008-01-01 to 2060-12-31) */
    public WorkerProfiles asOfBetween(LocalDate from, LocalDate to) {
        if (from.isBefore(FIRST_AS_OF) || to.isAfter(LAST_AS_OF) || to.isBefore(from)) {
            throw new IllegalArgumentException("asOfBetween(" + from + ", " + to + "): need " + FIRST_AS_OF + " <= from <= to <= " + LAST_AS_OF);
        }
        if (minMonths != null) checkFits(minMonths, to);
        return new WorkerProfiles(status, sector, sex, minMonths, maxMonths, events, from, to, notableDates, nearMinimumWage);
    }

    /** @return these generators clustering as-of dates around {@code dates} (e.g. the dates a reform changes) */
    public WorkerProfiles withNotableDates(Iterable<LocalDate> dates) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : dates) if (!d.isBefore(FIRST_AS_OF) && !d.isAfter(LAST_AS_OF)) out.add(d);
        if (out.isEmpty()) out.addAll(DEFAULT_NOTABLE_DATES);
        return new WorkerProfiles(status, sector, sex, minMonths, maxMonths, events, asOfFrom, asOfTo, List.copyOf(new TreeSet<>(out)), nearMinimumWage);
    }

    /**
     * Wages around the garment-sector minimum wage of each month ({@link MinimumWages}): each worker
     * earns a fixed multiple of the minimum (a quarter exactly the minimum, a tenth 90-99 % of it, one in twenty the
     * probation minimum where the table gives one, the others 100-200 %),
     * in US dollars with an exchange rate of 4,000 to 4,150 riel (the reference's rates are about 4,100), or in riel
     * converted at that rate; history periods are cut where the minimum changes, so the declared wage follows it.
     */
    public WorkerProfiles nearMinimumWage() {
        return new WorkerProfiles(status, sector, sex, minMonths, maxMonths, events, asOfFrom, asOfTo, notableDates, true);
    }

    /** @return this generator with the domain shrinker {@link ProfileShrinker}, for {@link Property#forAll} and the invariant runner */
    public Arbitrary<ProfileCase> arbitrary() {
        return new Arbitrary<>(this, new ProfileShrinker());
    }

    /** @return the first {@code count} cases of a run with {@code seed} (as {@link Property#sample} draws them) */
    public List<ProfileCase> sample(long seed, int count) {
        return Property.sample(seed, count, this);
    }

    private static void checkFits(int min, LocalDate to) {
        YearMonth need = FIRST_MONTH.plusMonths(min - 1L);
        if (YearMonth.from(to).isBefore(need)) {
            throw new IllegalArgumentException(min + " history months up to the as-of month need an as-of date from " + need.atDay(1)
                    + " (the history starts in " + FIRST_MONTH + " at the earliest); the latest as-of date is " + to);
        }
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "WorkerProfiles[", "]");
        j.add("status " + (status == null ? "any" : status));
        j.add("sector " + (sector == null ? "any" : sector));
        if (sex != null) j.add("sex " + sex);
        if (minMonths != null) j.add("history " + minMonths + "-" + maxMonths + " months");
        if (nearMinimumWage) j.add("wages near the minimum wage");
        j.add("events " + events.name().toLowerCase(java.util.Locale.ROOT));
        if (!asOfFrom.equals(FIRST_AS_OF) || !asOfTo.equals(LAST_AS_OF)) j.add("as of " + asOfFrom + " to " + asOfTo);
        return j.toString();
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

    /** As-of dates: any day, a month end, or a day near a notable date. */
    public Gen<LocalDate> asOf() {
        Gen<LocalDate> any = Gen.dates(asOfFrom, asOfTo);
        Gen<LocalDate> monthEnd = r -> Draw.clamp(YearMonth.from(any.next(r)).atEndOfMonth(), asOfFrom, asOfTo);
        List<LocalDate> near = notableDates.stream()
                .filter(d -> !d.plusDays(45).isBefore(asOfFrom) && !d.minusDays(45).isAfter(asOfTo)).toList();
        Gen<LocalDate> nearNotable = near.isEmpty() ? any : r -> {
            LocalDate d = near.get(r.nextInt(near.size())).plusDays(r.nextInt(-45, 46));
            return Draw.clamp(d, asOfFrom, asOfTo);
        };
        return Gen.frequency(new int[] {55, 15, 30}, any, monthEnd, nearNotable);
    }

    /** Birth dates from 1950 to 2005, at least 15 years before {@code asOf}; often 60 years before it, give or take. */
    public Gen<LocalDate> birthDate(LocalDate asOf) {
        return birthDate(asOf, Draw.min(LAST_BIRTH, asOf.minusYears(15)));
    }

    private static Gen<LocalDate> birthDate(LocalDate asOf, LocalDate last) {
        Gen<LocalDate> any = Gen.dates(FIRST_BIRTH, last);
        Gen<LocalDate> aroundSixty = r -> Draw.clamp(asOf.minusYears(60).plusDays(r.nextInt(-540, 541)), FIRST_BIRTH, last);
        return Gen.frequency(new int[] {80, 20}, any, aroundSixty);
    }

    /** A monthly wage: KHR from 0 to 3,000,000 (often on a bracket edge), or US dollars with an exchange rate. */
    public static Gen<Money> wage() {
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
    public static Gen<Integer> enterpriseWorkers() {
        Gen<Integer> small = r -> r.nextInt(1, 21);
        Gen<Integer> large = r -> r.nextInt(21, 5_001);
        return Gen.frequency(new int[] {35, 50, 15}, Gen.<Integer>constant(null), small, large);
    }

    // ------------------------------------------------------------------ whole cases

    @Override
    public ProfileCase next(RandomGenerator r) {
        ProfileCase base = base(r);
        return events == Events.CONSISTENT ? withConsistentEvents(r, base) : base;
    }

    /** The profile with its default events (or none); every option but the life events applied. */
    private ProfileCase base(RandomGenerator r) {
        boolean configuredHistory = minMonths != null || nearMinimumWage;
        LocalDate asOf = asOf().next(r);
        LocalDate lastBirth = Draw.min(LAST_BIRTH, asOf.minusYears(15));
        if (configuredHistory) {
            int min = minMonths == null ? DEFAULT_MIN_MONTHS : minMonths;
            YearMonth need = FIRST_MONTH.plusMonths(min - 1L);
            if (YearMonth.from(asOf).isBefore(need)) asOf = Draw.min(need.atDay(1), asOfTo);
            lastBirth = Draw.min(LAST_BIRTH, asOf.minusYears(15));
            // the worker's 14th birthday no later than the first month of a history of `min` months
            lastBirth = Draw.min(lastBirth, YearMonth.from(asOf).minusMonths(min - 1L).atEndOfMonth().minusYears(14));
        }
        LocalDate birth = birthDate(asOf, lastBirth).next(r);
        EmploymentStatus st = employmentStatus().next(r);
        if (status != null) st = status;
        Sex sx = sex().next(r);
        if (sex != null) sx = sex;
        Money wage = wage().orNull(0.2).next(r);
        LocalDate start = null;
        if (r.nextInt(100) >= 40) {
            LocalDate lo = Draw.max(birth.plusYears(14), LocalDate.of(2000, 1, 1));
            start = Gen.dates(lo, asOf.plusYears(3)).next(r);
        }
        String id = "gen-" + r.nextInt(1_000_000);
        Sector sec = sector().next(r);
        if (sector != null) sec = sector;
        Integer size = enterpriseWorkers().next(r);
        WageScale scale = nearMinimumWage ? WageScale.draw(r) : null;
        if (scale != null && wage != null) wage = scale.at(YearMonth.from(asOf));
        List<ContributionPeriod> history = configuredHistory
                ? configuredHistory(r, birth, asOf, st, wage, scale)
                : history(r, birth, asOf, st, wage);
        List<LifeEvent> evs = consistent(someEvents(r, birth, sx, asOf), birth, start);
        if (events == Events.NONE) evs = List.of();
        WorkerProfile.Builder b = WorkerProfile.builder(id)
                .birthDate(birth).sex(sx).employmentStatus(st).sector(sec).wage(wage)
                .employmentStart(start).enterpriseWorkers(size).history(history).events(evs);
        dependants(r, birth).forEach(b::dependant);
        return new ProfileCase(b.build(), asOf);
    }

    // ------------------------------------------------------------------ history

    /**
     * 1 to 5 non-overlapping periods in months from 2008-01 (and from age 14) to 2060-12, in date order, usually
     * around the as-of date, with gaps, unpaid periods, declared schemes and enterprise sizes.
     */
    public static List<ContributionPeriod> history(RandomGenerator r, LocalDate birth, LocalDate asOf, EmploymentStatus status, Money profileWage) {
        YearMonth earliest = Draw.max(FIRST_MONTH, YearMonth.from(birth.plusYears(14)));
        YearMonth asOfMonth = YearMonth.from(asOf);
        YearMonth start = r.nextInt(100) < 70
                ? Draw.max(earliest, asOfMonth.minusMonths(r.nextInt(0, 181)))
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
            YearMonth to = Draw.min(from.plusMonths(len - 1L), LAST_MONTH);
            Money w = profileWage != null && r.nextBoolean() ? profileWage : wages.next(r);
            boolean paid = r.nextInt(100) < 85;
            out.add(new ContributionPeriod(from, to, w, paid, schemes(r, status), sizes.next(r),
                    r.nextBoolean() ? null : "E" + r.nextInt(1, 100)));
            int gap = r.nextInt(100) < 30 ? 0 : r.nextInt(1, 25);
            from = to.plusMonths(1L + gap);
        }
        return out;
    }

    /** The history of {@link #withHistoryMonths} and {@link #nearMinimumWage()}: see there. */
    private List<ContributionPeriod> configuredHistory(RandomGenerator r, LocalDate birth, LocalDate asOf, EmploymentStatus st,
                                                       Money profileWage, WageScale scale) {
        int min = minMonths == null ? DEFAULT_MIN_MONTHS : minMonths;
        int max = maxMonths == null ? DEFAULT_MAX_MONTHS : maxMonths;
        YearMonth earliest = Draw.max(FIRST_MONTH, YearMonth.from(birth.plusYears(14)));
        YearMonth asOfMonth = YearMonth.from(asOf);
        int available = (int) Draw.monthsBetween(earliest, asOfMonth) + 1;
        if (available < min) throw new IllegalStateException("internal: " + available + " months available, " + min + " needed");
        int total = r.nextInt(min, Math.min(max, available) + 1);
        int room = available - total;
        int lag = r.nextInt(100) < 70 ? 0 : Math.min(room, r.nextInt(1, 4)); // history ending a little before the as-of month
        room -= lag;
        int n = r.nextInt(1, Math.min(5, total) + 1);
        // n lengths adding up to total: n - 1 distinct cut points in 1..total-1
        TreeSet<Integer> cuts = new TreeSet<>();
        while (cuts.size() < n - 1) cuts.add(r.nextInt(1, total));
        int[] lengths = new int[n];
        int previous = 0;
        int k = 0;
        for (int cut : cuts) {
            lengths[k++] = cut - previous;
            previous = cut;
        }
        lengths[n - 1] = total - previous;
        int[] gaps = new int[n];
        for (int i = 1; i < n; i++) {
            int g = r.nextInt(100) < 30 ? 0 : r.nextInt(1, 25);
            gaps[i] = Math.min(g, room);
            room -= gaps[i];
        }
        int span = total;
        for (int g : gaps) span += g;
        YearMonth from = asOfMonth.minusMonths(lag + span - 1L);
        Gen<Money> wages = wage();
        Gen<Integer> sizes = enterpriseWorkers();
        int employers = 1;
        List<ContributionPeriod> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            from = from.plusMonths(gaps[i]);
            YearMonth to = from.plusMonths(lengths[i] - 1L);
            if (i > 0 && r.nextInt(100) < (gaps[i] > 0 ? 60 : 25)) employers++; // a change of employer, more often after a gap
            boolean paid = r.nextInt(100) < 85;
            Set<Scheme> declared = schemes(r, st);
            Integer size = sizes.next(r);
            String employer = "E" + employers;
            if (scale == null) {
                Money w = profileWage != null && r.nextBoolean() ? profileWage : wages.next(r);
                out.add(new ContributionPeriod(from, to, w, paid, declared, size, employer));
            } else {
                // cut where the minimum wage changes, so that the declared wage follows it
                YearMonth a = from;
                while (!a.isAfter(to)) {
                    YearMonth b = a;
                    while (b.isBefore(to) && MinimumWages.rowAt(b.plusMonths(1).atDay(1)).equals(MinimumWages.rowAt(a.atDay(1)))) b = b.plusMonths(1);
                    out.add(new ContributionPeriod(a, b, scale.at(a), paid, declared, size, employer));
                    a = b.plusMonths(1);
                }
            }
            from = to.plusMonths(1);
        }
        return out;
    }

    /**
     * A worker's wage as a fixed multiple of the minimum wage of each month (or, for a worker on probation, the probation
     * minimum where the table gives one), in one currency at one exchange rate.
     */
    private record WageScale(BigDecimal factor, BigDecimal rate, boolean usd, boolean probation) {
        static WageScale draw(RandomGenerator r) {
            int kind = Draw.pick(r, new int[] {25, 10, 5, 45, 15});
            int percent = switch (kind) {
                case 0, 2 -> 100;
                case 1 -> r.nextInt(90, 100);
                case 3 -> r.nextInt(100, 131);
                default -> r.nextInt(131, 201);
            };
            return new WageScale(BigDecimal.valueOf(percent, 2), BigDecimal.valueOf(r.nextInt(4_000, 4_151)), r.nextInt(100) < 60, kind == 2);
        }

        Money at(YearMonth m) {
            MinimumWages.Row row = MinimumWages.rowAt(m.atDay(1));
            int minimum = probation && row.probationUsd() != null ? row.probationUsd() : row.regularUsd();
            BigDecimal dollars = BigDecimal.valueOf(minimum).multiply(factor).setScale(2, RoundingMode.HALF_UP);
            return usd ? Money.usd(dollars, rate) : Money.khr(dollars.multiply(rate).setScale(0, Money.ROUNDING).longValueExact());
        }
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
    private static List<LifeEvent> someEvents(RandomGenerator r, LocalDate birth, Sex sex, LocalDate asOf) {
        if (r.nextInt(100) < 55) return List.of();
        LocalDate lo = birth.plusYears(15);
        LocalDate hi = Draw.min(LAST_AS_OF, asOf.plusYears(5));
        if (hi.isBefore(lo)) return List.of();
        Gen<LocalDate> days = Gen.dates(lo, hi);
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

    /**
     * The events that can happen to this worker, in their order: no childbirth from the 51st birthday on, no work
     * injury before the employment starts (when known), one death at most and nothing after it (nor on its day).
     */
    static List<LifeEvent> consistent(List<LifeEvent> events, LocalDate birth, LocalDate employmentStart) {
        LocalDate died = null;
        for (LifeEvent e : events) if (e instanceof Death && (died == null || e.date().isBefore(died))) died = e.date();
        List<LifeEvent> out = new ArrayList<>(events.size());
        boolean deathKept = false;
        for (LifeEvent e : events) {
            if (e instanceof Childbirth && !e.date().isBefore(birth.plusYears(51))) continue;
            if (e instanceof WorkInjury && employmentStart != null && e.date().isBefore(employmentStart)) continue;
            if (died != null && e.date().isAfter(died)) continue;
            if (died != null && e.date().equals(died)) {
                if (!(e instanceof Death) || deathKept) continue;
                deathKept = true;
            }
            out.add(e);
        }
        return out;
    }

    /** 0 to 2 dependants. */
    public static List<Person> dependants(RandomGenerator r, LocalDate birth) {
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

    // ------------------------------------------------------------------ consistent events (withLifeEvents)

    private ProfileCase withConsistentEvents(RandomGenerator r, ProfileCase c) {
        boolean employeesAllowed = status == null || status == EmploymentStatus.EMPLOYEE;
        if (r.nextInt(100) < 8 && employeesAllowed && minMonths == null) {
            ProfileCase x = retiree(r, c);
            if (x != null) return x;
        }
        WorkerProfile p = c.profile();
        // employees more often: most benefits are theirs
        if (p.employmentStatus() != EmploymentStatus.EMPLOYEE && r.nextInt(100) < 30 && status == null) {
            p = p.toBuilder().employmentStatus(EmploymentStatus.EMPLOYEE).build();
        }
        // often the employment starts with the contributions: short service before an event happens
        if (!p.history().isEmpty() && r.nextInt(100) < 35) {
            LocalDate start = p.history().get(0).from().atDay(r.nextInt(1, 21));
            p = p.toBuilder().employmentStart(start).build();
        }
        // sometimes a worker who reached the pensionable age in the six years before the as-of date
        if (r.nextInt(100) < 12) {
            LocalDate older = c.asOf().minusYears(60).minusDays(r.nextInt(0, 6 * 365));
            if (!older.isAfter(p.birthDate()) && older.getYear() >= 1900) p = p.toBuilder().birthDate(older).build();
        }
        LocalDate hi = r.nextInt(100) < 85 ? c.asOf() : c.asOf().plusYears(1);
        List<LifeEvent> evs = LifeEvents.events(r, p, LifeEvents.FIRST_EVENT, hi);
        return c.with(p.toBuilder().events(evs).build());
    }

    /**
     * A worker who turned 60 between the start of pension contributions and the as-of date, with 1 to 36 months of
     * pension contributions just before, and an old-age claim, a death after the claim, or a death instead of it
     * (old-age pension or allowance, funerary and survivors' benefits); null when the as-of date is too early.
     */
    private static ProfileCase retiree(RandomGenerator r, ProfileCase base) {
        LocalDate asOf = base.asOf();
        LocalDate first = LocalDate.of(2022, 11, 1);
        if (asOf.isBefore(first.plusMonths(2))) return null;
        LocalDate sixty = Gen.dates(first, asOf).next(r);
        int months = r.nextInt(100) < 45 ? r.nextInt(1, 12) : r.nextInt(12, 37);
        // from 2040, half of them have contributed since the scheme began, 60 reached in the last three years
        boolean career = asOf.getYear() >= 2040 && r.nextBoolean();
        if (career) {
            sixty = Gen.dates(Draw.max(first, asOf.minusYears(3)), asOf).next(r);
            months = (int) Draw.monthsBetween(YearMonth.of(2022, 10), YearMonth.from(sixty)) + 1;
        }
        YearMonth end = YearMonth.from(sixty).minusMonths(r.nextInt(0, 2));
        YearMonth from = end.minusMonths(months - 1L);
        if (from.isBefore(YearMonth.of(2022, 10))) from = YearMonth.of(2022, 10);
        if (from.isAfter(end)) from = end;
        ContributionPeriod period = new ContributionPeriod(from, end, wage().next(r), r.nextInt(100) < 90, Set.of(),
                r.nextBoolean() ? null : r.nextInt(1, 500), "E1");
        LocalDate claim = Gen.dates(sixty, Draw.min(asOf, sixty.plusDays(120))).next(r);
        LocalDate birth = sixty.minusYears(60);
        List<LifeEvent> evs = new ArrayList<>();
        switch (Draw.pick(r, new int[] {55, 30, 15})) {
            case 0 -> evs.add(new RetirementClaim(claim));
            case 1 -> {
                evs.add(new RetirementClaim(claim));
                if (claim.isBefore(asOf)) {
                    LocalDate died = Gen.dates(claim.plusDays(1), asOf).next(r);
                    evs.add(new Death(died, r.nextInt(100) < 20, LifeEvents.survivors(r, birth, died)));
                }
            }
            default -> evs.add(new Death(claim, r.nextInt(100) < 30, LifeEvents.survivors(r, birth, claim)));
        }
        try {
            WorkerProfile p = base.profile().toBuilder().birthDate(birth).employmentStatus(EmploymentStatus.EMPLOYEE)
                    .employmentStart(from.atDay(1)).enterpriseWorkers(null).history(List.of(period)).events(evs).build();
            return base.with(p);
        } catch (InvalidInputException e) {
            return null;
        }
    }
}
