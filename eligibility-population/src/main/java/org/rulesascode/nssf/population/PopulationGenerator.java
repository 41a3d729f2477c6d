package org.rulesascode.nssf.population;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

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
import org.rulesascode.nssf.population.internal.Calibration;
import org.rulesascode.nssf.eligibility.json.NssfJson;

/**
 * A synthetic population of NSSF members calibrated to the published aggregates ({@link Calibration}): status,
 * sector, sex, age, a contribution history over the 36 months ending with the month of {@code until}, and the
 * life events of the three years ending on {@code until} (childbirths, work injuries, sickness, deaths,
 * retirement claims) at the calibrated or assumed yearly rates.
 *
 * <p>Person {@code i} depends only on the seed and {@code i} (its own random generator, seeded from both), so a
 * population is reproducible for a seed, any person can be generated alone, and writing streams: nothing is held
 * but the person being written. Immutable and thread-safe.
 */
public final class PopulationGenerator {
    /** Default end of the window: a fixed date (nothing reads the clock). */
    public static final LocalDate DEFAULT_UNTIL = LocalDate.of(2025, 6, 30);
    /** Months of contribution history: the 36 months ending with the month of {@code until}. */
    public static final int HISTORY_MONTHS = 36;
    /** Years of life events before {@code until}. */
    public static final int EVENT_YEARS = 3;

    private static final RandomGeneratorFactory<RandomGenerator> RANDOM = RandomGeneratorFactory.of("L64X128MixRandom");
    private static final Sector[] GARMENT_SECTORS = {Sector.GARMENT, Sector.FOOTWEAR, Sector.TRAVEL_GOODS};
    private static final Sector[] OTHER_SECTORS = {Sector.CONSTRUCTION, Sector.HOSPITALITY, Sector.TRANSPORT, Sector.TRADE,
            Sector.DOMESTIC_WORK, Sector.AGRICULTURE, Sector.OTHER};
    private static final Sector[] SELF_EMPLOYED_SECTORS = {Sector.TRADE, Sector.TRANSPORT, Sector.CONSTRUCTION};
    private static final Sector[] INFORMAL_SECTORS = {Sector.DOMESTIC_WORK, Sector.AGRICULTURE, Sector.CONSTRUCTION, Sector.HOSPITALITY};
    /** Per-woman-year birth probability for women aged 18 to 45, so that all women average the published rate. */
    static final double BIRTH_RATE_FERTILE = Calibration.CHILDBIRTHS_PER_WOMAN_YEAR / fertileShareOfWomen();

    private final long seed;
    private final LocalDate until;
    private final YearMonth endMonth;
    private final YearMonth startMonth;
    private final LocalDate windowStart;

    /**
     * @param seed  the seed: same seed and {@code until}, same population
     * @param until the end of the window (last history month is its month; events on or before it)
     * @throws InvalidInputException if {@code until} is outside {@link Calibration#FIRST_UNTIL} to {@link Calibration#LAST_UNTIL}
     */
    public PopulationGenerator(long seed, LocalDate until) {
        Objects.requireNonNull(until, "until");
        if (until.isBefore(Calibration.FIRST_UNTIL) || until.isAfter(Calibration.LAST_UNTIL)) {
            throw new InvalidInputException("--until", "is " + until, "a date from " + Calibration.FIRST_UNTIL + " to " + Calibration.LAST_UNTIL);
        }
        this.seed = seed;
        this.until = until;
        this.endMonth = YearMonth.from(until);
        this.startMonth = endMonth.minusMonths(HISTORY_MONTHS - 1L);
        this.windowStart = until.minusYears(EVENT_YEARS).plusDays(1);
    }

    /** @return the end of the window */
    public LocalDate until() {
        return until;
    }

    /** @return the id of person {@code index} (0-based): {@code w} and the 1-based number on at least 8 digits */
    public static String id(long index) {
        return String.format("w%08d", index + 1);
    }

    /**
     * Writes {@code size} profiles as JSON lines (the format {@link NssfJson#readProfile(String)} reads), one per
     * line, each line ending with {@code \n}.
     *
     * @return the number of lines written
     */
    public long write(long size, Writer out) throws IOException {
        for (long i = 0; i < size; i++) {
            out.write(NssfJson.writeCompact(profile(i)));
            out.write('\n');
        }
        out.flush();
        return size;
    }

    /** @return person {@code index} (0-based) of the population */
    public WorkerProfile profile(long index) {
        R r = new R(RANDOM.create(mix(seed, index)));

        // who: status, sector, sex, age
        double u = r.unit();
        EmploymentStatus status = u < Calibration.PUBLIC_SHARE ? EmploymentStatus.PUBLIC_EMPLOYEE
                : u < Calibration.PUBLIC_SHARE + Calibration.SELF_EMPLOYED_SHARE ? EmploymentStatus.SELF_EMPLOYED
                : u < Calibration.PUBLIC_SHARE + Calibration.SELF_EMPLOYED_SHARE + Calibration.INFORMAL_SHARE ? EmploymentStatus.INFORMAL
                : EmploymentStatus.EMPLOYEE;
        boolean garment = status == EmploymentStatus.EMPLOYEE && r.chance(Calibration.GARMENT_AMONG_EMPLOYEES);
        Sector sector = switch (status) {
            case EMPLOYEE -> garment ? GARMENT_SECTORS[r.pick(Calibration.GARMENT_SPLIT_PERCENT)] : OTHER_SECTORS[r.pick(Calibration.OTHER_SECTORS_PERCENT)];
            case PUBLIC_EMPLOYEE -> Sector.PUBLIC_ADMINISTRATION;
            case SELF_EMPLOYED -> SELF_EMPLOYED_SECTORS[r.pick(Calibration.SELF_EMPLOYED_SECTORS_PERCENT)];
            case INFORMAL -> INFORMAL_SECTORS[r.pick(Calibration.INFORMAL_SECTORS_PERCENT)];
        };
        Sex sex = r.chance(garment ? Calibration.FEMALE_SHARE_GARMENT : Calibration.FEMALE_SHARE_OTHER) ? Sex.FEMALE : Sex.MALE;
        int age = r.age(ages(status, garment));
        LocalDate birth = until.minusYears(age).minusDays(r.between(0, 364));

        // what happens: death first (it ends the history and later events), then the other events
        LocalDate death = null;
        for (int y = 0; y < EVENT_YEARS && death == null; y++) {
            if (r.chance(Calibration.DEATHS_PER_YEAR)) death = r.dayIn(slotStart(y), slotEnd(y));
        }
        List<LifeEvent> events = new ArrayList<>();
        LocalDate lastDay = death == null ? until : death.minusDays(1);
        if (sex == Sex.FEMALE && age >= Calibration.FERTILE_FROM && age <= Calibration.FERTILE_TO) {
            LocalDate previous = null;
            for (int y = 0; y < EVENT_YEARS; y++) {
                if (!r.chance(BIRTH_RATE_FERTILE)) continue;
                LocalDate date = r.dayIn(slotStart(y), slotEnd(y));
                if (date.isAfter(lastDay) || previous != null && ChronoUnit.DAYS.between(previous, date) < 300) continue;
                previous = date;
                int babies = r.chance(Calibration.TWIN_SHARE) ? 2 : 1;
                int weeks = r.chance(Calibration.TERM_SHARE) ? r.between(37, 41) : r.between(28, 36);
                LocalDate notified = r.chance(Calibration.NOTIFIED_ON_TIME_SHARE) ? date.minusDays(r.between(92, 183)) : date.minusDays(r.between(10, 60));
                events.add(new Childbirth(date, babies, weeks, notified));
            }
        }
        if (status != EmploymentStatus.SELF_EMPLOYED) { // occupational risk covers employees, not the self-employed
            boolean risky = sector == Sector.CONSTRUCTION || sector == Sector.TRANSPORT;
            for (int y = 0; y < EVENT_YEARS; y++) {
                if (!r.chance(risky ? Calibration.INJURIES_PER_YEAR_RISKY : Calibration.INJURIES_PER_YEAR)) continue;
                LocalDate date = r.dayIn(slotStart(y), slotEnd(y));
                if (date.isAfter(lastDay)) continue;
                Integer degree = r.chance(Calibration.PERMANENT_INJURY_SHARE) ? r.between(5, 80) : null;
                events.add(new WorkInjury(date, r.chance(Calibration.COMMUTING_SHARE), Math.min(180, r.geometric(Calibration.MEAN_INCAPACITY_DAYS)), degree));
            }
        }
        for (int y = 0; y < EVENT_YEARS; y++) {
            if (!r.chance(Calibration.SICKNESS_PER_YEAR)) continue;
            LocalDate date = r.dayIn(slotStart(y), slotEnd(y));
            if (date.isAfter(lastDay)) continue;
            events.add(new Sickness(date, Math.min(60, 1 + r.geometric(Calibration.MEAN_SICK_DAYS - 1))));
        }
        LocalDate sixty = birth.plusYears(Calibration.PENSIONABLE_AGE);
        if (!sixty.isBefore(windowStart) && r.chance(Calibration.RETIREMENT_CLAIM_SHARE)) {
            LocalDate claim = sixty.plusDays(r.between(0, 90));
            if (!claim.isAfter(lastDay)) events.add(new RetirementClaim(claim));
        }
        if (death != null) events.add(new Death(death, status != EmploymentStatus.SELF_EMPLOYED && r.chance(Calibration.DEATH_WORK_RELATED_SHARE),
                survivors(r, birth, death)));
        events.sort(Comparator.comparing(LifeEvent::date));

        // the contribution history
        YearMonth lastWorkMonth = death == null ? endMonth : YearMonth.from(death).minusMonths(1);
        YearMonth sixteen = YearMonth.from(birth.plusYears(16));
        YearMonth from = startMonth.isBefore(sixteen) ? sixteen : startMonth;
        LocalDate employmentStart = null;
        Integer enterprise = null;
        String employerId = null;
        List<ContributionPeriod> history;
        if (status == EmploymentStatus.SELF_EMPLOYED) {
            YearMonth first = from.isBefore(Calibration.VOLUNTARY_HEALTH_CARE_START) ? Calibration.VOLUNTARY_HEALTH_CARE_START : from;
            if (age > Calibration.SELF_EMPLOYED_MAX_AGE + 3 || first.isAfter(lastWorkMonth)) {
                history = List.of();
            } else {
                YearMonth join = first.plusMonths(r.between(0, months(first, lastWorkMonth) - 1));
                YearMonth stop = r.chance(Calibration.SELF_EMPLOYED_STOP_SHARE) ? join.plusMonths(r.between(1, HISTORY_MONTHS)) : null;
                history = selfEmployed(join, lastWorkMonth, stop);
                employmentStart = join.atDay(1);
            }
        } else {
            boolean joinedInWindow = r.chance(Calibration.JOINED_IN_WINDOW_SHARE);
            if (joinedInWindow) from = from.plusMonths(r.between(0, Math.max(0, months(from, endMonth) - 1)));
            double active = status == EmploymentStatus.PUBLIC_EMPLOYEE ? Calibration.ACTIVE_PUBLIC_SHARE : Calibration.ACTIVE_EMPLOYEE_SHARE;
            YearMonth last = r.chance(active) || !from.isBefore(endMonth) ? endMonth : from.plusMonths(r.between(0, months(from, endMonth) - 2));
            if (last.isAfter(lastWorkMonth)) last = lastWorkMonth;
            LocalDate earliestStart = birth.plusYears(16);
            if (joinedInWindow || !from.equals(startMonth)) {
                employmentStart = from.atDay(r.between(1, 28));
            } else {
                LocalDate s = from.atDay(1).minusDays(r.between(0, 3650));
                employmentStart = s.isBefore(earliestStart) ? earliestStart : s;
            }
            if (status != EmploymentStatus.PUBLIC_EMPLOYEE) {
                double mean = garment ? Calibration.GARMENT_ENTERPRISE_MEAN : Calibration.OTHER_ENTERPRISE_MEAN;
                double sigma = garment ? Calibration.GARMENT_ENTERPRISE_SIGMA : Calibration.OTHER_ENTERPRISE_SIGMA;
                // log-normal with the given mean: median = mean / exp(σ²/2)
                enterprise = (int) Math.max(1, Math.min(100_000, Math.round(r.logNormal(mean / Math.exp(sigma * sigma / 2), sigma))));
                employerId = (garment ? "F-" : "E-") + Long.toString(Math.floorMod(mix(seed, index) >>> 1, 50_000L) + 1);
            }
            history = last.isBefore(from) ? List.of() : employee(r, status, sector, garment, from, last, enterprise, employerId);
        }
        WorkerProfile.Builder b = WorkerProfile.builder(id(index)).birthDate(birth).sex(sex).employmentStatus(status).sector(sector)
                .employmentStart(employmentStart).enterpriseWorkers(enterprise).history(history).events(events);
        if (!history.isEmpty()) b.wage(history.get(history.size() - 1).declaredWage());
        return b.build();
    }

    private List<ContributionPeriod> employee(R r, EmploymentStatus status, Sector sector, boolean garment, YearMonth from, YearMonth last,
                                              Integer enterprise, String employerId) {
        int n = months(from, last);
        Money[] wage = new Money[n];
        boolean[] paid = new boolean[n];
        java.util.Arrays.fill(paid, true);
        if (garment) {
            boolean below = r.chance(Calibration.GARMENT_BELOW_MINIMUM_SHARE);
            int percent = below ? r.between(85, 99) : r.chance(Calibration.GARMENT_AT_MINIMUM_SHARE) ? 100 : 100 + r.between(1, Calibration.GARMENT_MAX_ABOVE_PERCENT);
            for (int m = 0; m < n; m++) {
                int minimum = Calibration.garmentMinimumWageUsd(from.plusMonths(m));
                // whole dollars, rounded half up from the integer percentage: no floating point in the amount
                long dollars = (minimum * (long) percent + 50) / 100;
                wage[m] = Money.usd(BigDecimal.valueOf(dollars), BigDecimal.valueOf(Calibration.RIEL_PER_DOLLAR));
            }
        } else {
            long median = switch (status) {
                case PUBLIC_EMPLOYEE -> Calibration.PUBLIC_MEDIAN_WAGE;
                case INFORMAL -> Calibration.INFORMAL_MEDIAN_WAGE;
                default -> Calibration.EMPLOYEE_MEDIAN_WAGE;
            };
            double sigma = switch (status) {
                case PUBLIC_EMPLOYEE -> Calibration.PUBLIC_WAGE_SIGMA;
                case INFORMAL -> Calibration.INFORMAL_WAGE_SIGMA;
                default -> Calibration.EMPLOYEE_WAGE_SIGMA;
            };
            // the random draw is a double; the wage is then a whole number of riel, rounded to 100 (a generated value, not a legal amount)
            long base = Math.max(200_000L, Math.min(10_000_000L, Math.round(r.logNormal(median, sigma) / 100) * 100));
            for (int m = 0; m < n; m++) {
                int years = from.plusMonths(m).getYear() - from.getYear();
                long w = base;
                for (int y = 0; y < years; y++) w = Math.round(w * (1 + Calibration.YEARLY_RAISE) / 100) * 100;
                wage[m] = Money.khr(w);
            }
        }
        if (r.chance(Calibration.UNPAID_STRETCH_SHARE)) {
            int len = Math.min(n, r.between(1, Calibration.UNPAID_STRETCH_MAX_MONTHS));
            int at = r.between(0, n - len);
            for (int m = at; m < at + len; m++) paid[m] = false;
        }
        return compress(from, wage, paid, Set.of(), enterprise, employerId);
    }

    private static List<ContributionPeriod> selfEmployed(YearMonth join, YearMonth last, YearMonth stop) {
        int n = months(join, last);
        Money[] wage = new Money[n];
        boolean[] paid = new boolean[n];
        for (int m = 0; m < n; m++) {
            wage[m] = Money.khr(Calibration.SELF_EMPLOYED_DECLARED_WAGE);
            paid[m] = stop == null || join.plusMonths(m).isBefore(stop);
        }
        return compress(join, wage, paid, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null);
    }

    /** Runs of equal wage and paid flag become one period each. */
    private static List<ContributionPeriod> compress(YearMonth from, Money[] wage, boolean[] paid, Set<Scheme> schemes,
                                                     Integer enterprise, String employerId) {
        List<ContributionPeriod> out = new ArrayList<>(4);
        int start = 0;
        for (int m = 1; m <= wage.length; m++) {
            if (m == wage.length || !wage[m].equals(wage[start]) || paid[m] != paid[start]) {
                out.add(new ContributionPeriod(from.plusMonths(start), from.plusMonths(m - 1L), wage[start], paid[start], schemes, enterprise, employerId));
                start = m;
            }
        }
        return out;
    }

    private static List<Person> survivors(R r, LocalDate birth, LocalDate death) {
        List<Person> out = new ArrayList<>();
        int age = (int) ChronoUnit.YEARS.between(birth, death);
        if (age >= 25 && r.chance(Calibration.SPOUSE_SHARE)) {
            LocalDate spouse = birth.plusDays(r.between(-5 * 365, 5 * 365));
            out.add(new Person(Relation.SPOUSE, spouse.isAfter(death.minusYears(18)) ? death.minusYears(18) : spouse, false, r.chance(0.5)));
        }
        int maxChildAge = Math.min(20, age - 18);
        if (maxChildAge >= 1) {
            for (int c = r.between(0, 3); c > 0; c--) {
                out.add(new Person(Relation.CHILD, death.minusDays(r.between(30, maxChildAge * 365)), false, false));
            }
        }
        return out;
    }

    private LocalDate slotStart(int year) {
        return windowStart.plusYears(year);
    }

    private LocalDate slotEnd(int year) {
        return windowStart.plusYears(year + 1L).minusDays(1);
    }

    private static int[][] ages(EmploymentStatus status, boolean garment) {
        return switch (status) {
            case EMPLOYEE -> garment ? Calibration.AGES_GARMENT : Calibration.AGES_EMPLOYEE;
            case INFORMAL -> Calibration.AGES_EMPLOYEE;
            case PUBLIC_EMPLOYEE -> Calibration.AGES_PUBLIC;
            case SELF_EMPLOYED -> Calibration.AGES_SELF_EMPLOYED;
        };
    }

    /** Share of women (weighted by group) whose age at the end of the window is 18 to 45. */
    static double fertileShareOfWomen() {
        double nonGarmentEmployees = Calibration.EMPLOYEE_SHARE - Calibration.GARMENT_SHARE;
        double[][] groups = { // {share of members, share of women, fertile fraction}
            {Calibration.GARMENT_SHARE, Calibration.FEMALE_SHARE_GARMENT, fertileFraction(Calibration.AGES_GARMENT)},
            {nonGarmentEmployees + Calibration.INFORMAL_SHARE, Calibration.FEMALE_SHARE_OTHER, fertileFraction(Calibration.AGES_EMPLOYEE)},
            {Calibration.PUBLIC_SHARE, Calibration.FEMALE_SHARE_OTHER, fertileFraction(Calibration.AGES_PUBLIC)},
            {Calibration.SELF_EMPLOYED_SHARE, Calibration.FEMALE_SHARE_OTHER, fertileFraction(Calibration.AGES_SELF_EMPLOYED)},
        };
        double women = 0;
        double fertile = 0;
        for (double[] g : groups) {
            women += g[0] * g[1];
            fertile += g[0] * g[1] * g[2];
        }
        return fertile / women;
    }

    private static double fertileFraction(int[][] bands) {
        double total = 0;
        double fertile = 0;
        for (int[] b : bands) {
            total += b[2];
            int lo = Math.max(b[0], Calibration.FERTILE_FROM);
            int hi = Math.min(b[1], Calibration.FERTILE_TO);
            if (hi >= lo) fertile += b[2] * (double) (hi - lo + 1) / (b[1] - b[0] + 1);
        }
        return fertile / total;
    }

    private static int months(YearMonth from, YearMonth to) {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** A 64-bit mix of the seed and the index (SplitMix64's finaliser), so neighbouring persons are unrelated. */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The random draws the generator needs, over one person's generator. */
    private static final class R {
        private final RandomGenerator g;

        R(RandomGenerator g) {
            this.g = g;
        }

        double unit() {
            return g.nextDouble();
        }

        boolean chance(double p) {
            return g.nextDouble() < p;
        }

        /** @return a whole number from {@code lo} to {@code hi}, both included */
        int between(int lo, int hi) {
            return hi <= lo ? lo : lo + g.nextInt(hi - lo + 1);
        }

        /** @return an index drawn with the given percentage weights */
        int pick(int[] percent) {
            int total = 0;
            for (int p : percent) total += p;
            int x = g.nextInt(total);
            for (int i = 0; i < percent.length; i++) {
                x -= percent[i];
                if (x < 0) return i;
            }
            return percent.length - 1;
        }

        int age(int[][] bands) {
            int[] weights = new int[bands.length];
            for (int i = 0; i < bands.length; i++) weights[i] = bands[i][2];
            int[] band = bands[pick(weights)];
            return between(band[0], band[1]);
        }

        LocalDate dayIn(LocalDate from, LocalDate to) {
            return from.plusDays(g.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
        }

        double logNormal(double median, double sigma) {
            return median * Math.exp(sigma * g.nextGaussian());
        }

        /** @return a geometric count (0, 1, 2, …) with the given mean */
        int geometric(double mean) {
            double p = 1 / (mean + 1);
            return (int) Math.min(10_000, Math.floor(Math.log(1 - g.nextDouble()) / Math.log(1 - p)));
        }
    }
}
