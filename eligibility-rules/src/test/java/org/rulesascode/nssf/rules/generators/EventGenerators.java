package org.rulesascode.nssf.rules.generators;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Seeded generators of life events consistent with a worker profile, and of whole cases with events, for the
 * benefit properties. Built on the public API only, like {@link ProfileGenerators}.
 *
 * <p>Consistency: every event is dated 2008-01-01 to 2060-12-31 and from the worker's 15th birthday; childbirths
 * only for women aged 15 to 50, with 20 to 42 weeks of pregnancy (or unknown) and a notice date up to nine months
 * before the delivery (or unknown, or late); work injuries not before the start of employment; retirement claims at
 * ages 55 to 70; at most one death, and no event after it; survivors (spouse, children, parents) born when they
 * could be. Dates are skewed towards the places where benefits turn: just after a run of paid months, so that
 * qualifying periods are met or missed by little, and towards the last years before the as-of date.
 */
public final class EventGenerators {
    public static final LocalDate FIRST_EVENT = LocalDate.of(2008, 1, 1);
    public static final LocalDate LAST_EVENT = LocalDate.of(2060, 12, 31);

    private final ProfileGenerators profiles;

    private EventGenerators(ProfileGenerators profiles) {
        this.profiles = profiles;
    }

    /** @return event generators over {@link ProfileGenerators#standard()} profiles */
    public static EventGenerators standard() {
        return new EventGenerators(ProfileGenerators.standard());
    }

    // ------------------------------------------------------------------ one event

    /** A delivery by a woman born on {@code birth}, aged 15 to 50, dated in [lo, hi] (near {@code anchor} when it fits); null when none fits. */
    public Childbirth childbirth(RandomGenerator r, LocalDate birth, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate date = date(r, ProfileGenerators.max(lo, birth.plusYears(15)), ProfileGenerators.min(hi, birth.plusYears(51).minusDays(1)), anchor);
        if (date == null) return null;
        int babies = pick(r, new int[] {85, 12, 3}) + 1;
        Integer weeks = switch (pick(r, new int[] {60, 20, 10, 10})) {
            case 0 -> r.nextInt(36, 43);
            case 1 -> r.nextInt(24, 29); // around the 26 weeks of a child delivery
            case 2 -> r.nextInt(20, 43);
            default -> null;
        };
        LocalDate notified = switch (pick(r, new int[] {60, 15, 10, 15})) {
            case 0 -> date.minusDays(r.nextInt(90, 271)); // in time
            case 1 -> date.minusMonths(3).plusDays(r.nextInt(-10, 11)); // around the three months
            case 2 -> date.minusDays(r.nextInt(0, 60)); // late
            default -> null;
        };
        return new Childbirth(date, babies, weeks, notified);
    }

    /** A sickness from a day in [lo, hi] (near {@code anchor} when it fits), of 1 to 200 days; null when none fits. */
    public Sickness sickness(RandomGenerator r, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate date = date(r, lo, hi, anchor);
        if (date == null) return null;
        int days = switch (pick(r, new int[] {25, 50, 25})) {
            case 0 -> r.nextInt(1, 4);
            case 1 -> r.nextInt(4, 31);
            default -> r.nextInt(31, 201);
        };
        return new Sickness(date, days);
    }

    /** A work injury dated in [lo, hi] and not before {@code employmentStart} (when known); null when none fits. */
    public WorkInjury injury(RandomGenerator r, LocalDate employmentStart, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate from = employmentStart == null ? lo : ProfileGenerators.max(lo, employmentStart);
        LocalDate date = date(r, from, hi, anchor);
        if (date == null) return null;
        Integer days = switch (pick(r, new int[] {10, 10, 50, 30})) {
            case 0 -> null;
            case 1 -> r.nextInt(0, 2); // no day beyond the employer's
            case 2 -> r.nextInt(2, 31);
            default -> r.nextInt(31, 401);
        };
        Integer degree = switch (pick(r, new int[] {45, 10, 15, 20, 10})) {
            case 0 -> null;
            case 1 -> 0;
            case 2 -> r.nextInt(1, 20);
            case 3 -> r.nextInt(20, 100);
            default -> 100;
        };
        return new WorkInjury(date, r.nextInt(100) < 30, days, degree);
    }

    /** The death of the worker born on {@code birth}, dated in [lo, hi], with 0 to 4 survivors; null when none fits. */
    public Death death(RandomGenerator r, LocalDate birth, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate date = date(r, lo, hi, anchor);
        if (date == null) return null;
        return new Death(date, r.nextInt(100) < 55, survivors(r, birth, date));
    }

    /** Survivors of a worker born on {@code birth} who died on {@code death}: none, a spouse, children, parents, or a mix. */
    public List<Person> survivors(RandomGenerator r, LocalDate birth, LocalDate death) {
        List<Person> out = new ArrayList<>();
        switch (pick(r, new int[] {15, 20, 20, 25, 12, 8})) {
            case 0 -> { } // none known
            case 1 -> out.add(spouse(r, birth));
            case 2 -> children(r, birth, death, out);
            case 3 -> {
                out.add(spouse(r, birth));
                children(r, birth, death, out);
            }
            case 4 -> parents(r, birth, out);
            default -> {
                if (r.nextBoolean()) out.add(spouse(r, birth));
                parents(r, birth, out);
                out.add(new Person(Relation.OTHER, null, false, r.nextBoolean()));
            }
        }
        return out;
    }

    private static Person spouse(RandomGenerator r, LocalDate birth) {
        LocalDate b = r.nextInt(100) < 20 ? null : birth.plusDays(r.nextInt(-3650, 3651));
        return new Person(Relation.SPOUSE, b, r.nextInt(100) < 5, r.nextInt(100) < 40);
    }

    private static void children(RandomGenerator r, LocalDate birth, LocalDate death, List<Person> out) {
        int n = r.nextInt(1, 4);
        LocalDate lo = birth.plusYears(16);
        for (int i = 0; i < n; i++) {
            LocalDate b = lo.isAfter(death) || r.nextInt(100) < 10 ? null : ProfileGenerators.day(lo, death).next(r);
            out.add(new Person(Relation.CHILD, b, r.nextInt(100) < 8, r.nextInt(100) < 20));
        }
    }

    private static void parents(RandomGenerator r, LocalDate birth, List<Person> out) {
        int n = r.nextInt(1, 3);
        for (int i = 0; i < n; i++) {
            LocalDate b = r.nextInt(100) < 15 ? null : birth.minusYears(r.nextInt(16, 46)).minusDays(r.nextInt(365));
            out.add(new Person(Relation.PARENT, b, r.nextInt(100) < 10, r.nextInt(100) < 30));
        }
    }

    /** A claim for an old-age benefit at age 55 to 70, dated in [lo, hi]; null when none fits. */
    public RetirementClaim retirement(RandomGenerator r, LocalDate birth, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate from = ProfileGenerators.max(lo, birth.plusYears(55));
        LocalDate to = ProfileGenerators.min(hi, birth.plusYears(71).minusDays(1));
        LocalDate sixty = birth.plusYears(60);
        if (r.nextInt(100) < 30 && !sixty.isBefore(from) && !sixty.isAfter(to)) {
            return new RetirementClaim(ProfileGenerators.clamp(sixty.plusDays(r.nextInt(-60, 61)), from, to)); // around 60
        }
        LocalDate date = date(r, from, to, anchor);
        return date == null ? null : new RetirementClaim(date);
    }

    // ------------------------------------------------------------------ several events

    /**
     * One to three events for the worker of {@code p}, dated in [lo, hi] (clipped to 2008-2060 and from age 15),
     * in date order, consistent with the profile (see the class comment); empty when no date fits.
     */
    public List<LifeEvent> events(RandomGenerator r, WorkerProfile p, LocalDate lo, LocalDate hi) {
        LocalDate from = ProfileGenerators.max(ProfileGenerators.max(lo, FIRST_EVENT), p.birthDate().plusYears(15));
        LocalDate to = ProfileGenerators.min(hi, LAST_EVENT);
        if (to.isBefore(from)) return List.of();
        int n = pick(r, new int[] {70, 22, 8}) + 1;
        List<LifeEvent> out = new ArrayList<>(n);
        boolean female = p.sex() == Sex.FEMALE;
        for (int i = 0; i < n * 3 && out.size() < n; i++) { // a few tries: a kind may not fit the dates
            LocalDate anchor = anchor(r, p.history(), from, to);
            // half of the other dates in the last four years of the range, where most benefits are in force
            LocalDate lo1 = r.nextBoolean() ? ProfileGenerators.max(from, to.minusYears(4)) : from;
            int kind = female ? pick(r, new int[] {35, 15, 20, 12, 18}) : pick(r, new int[] {0, 20, 35, 20, 25});
            LifeEvent e = switch (kind) {
                case 0 -> childbirth(r, p.birthDate(), lo1, to, anchor);
                case 1 -> sickness(r, lo1, to, anchor);
                case 2 -> injury(r, p.employmentStart(), lo1, to, anchor);
                case 3 -> out.stream().anyMatch(x -> x instanceof Death) ? null : death(r, p.birthDate(), lo1, to, anchor);
                default -> retirement(r, p.birthDate(), lo1, to, anchor);
            };
            if (e != null) out.add(e);
        }
        out.sort(Comparator.comparing(LifeEvent::date));
        // nothing happens to the worker after her death
        LocalDate died = out.stream().filter(x -> x instanceof Death).map(LifeEvent::date).findFirst().orElse(null);
        if (died != null) out.removeIf(x -> x.date().isAfter(died) || x.date().equals(died) && !(x instanceof Death));
        return out;
    }

    /**
     * A day the events cluster around: most often the first weeks after a run of paid months of the history (where
     * qualifying periods are just met or just missed), sometimes inside a period, otherwise none (uniform dates).
     */
    static LocalDate anchor(RandomGenerator r, List<ContributionPeriod> history, LocalDate lo, LocalDate hi) {
        if (history.isEmpty() || r.nextInt(100) < 30) return null;
        List<ContributionPeriod> paid = history.stream().filter(ContributionPeriod::paid).toList();
        List<ContributionPeriod> from = paid.isEmpty() || r.nextInt(100) < 20 ? history : paid;
        ContributionPeriod c = from.get(r.nextInt(from.size()));
        YearMonth m = r.nextInt(100) < 75 ? c.to().plusMonths(r.nextInt(0, 3))
                : c.from().plusMonths(r.nextLong(c.months()));
        LocalDate d = m.atDay(r.nextInt(1, m.lengthOfMonth() + 1));
        return d.isBefore(lo) || d.isAfter(hi) ? null : d;
    }

    // ------------------------------------------------------------------ whole cases

    /**
     * A {@link ProfileGenerators} case whose events are replaced by one to three consistent events, dated from age 15
     * to a year after the as-of date (most on or before it: later ones must be ignored); 30 % of the workers
     * who are not employees become employees (about 65 % employees in all), since most benefits are theirs; 35 %
     * start employment with their first history period (short service); 12 % are made older, to have reached 60 in
     * the six years before the as-of date (old-age claims); and 8 % are a {@link #retiree}.
     */
    public Gen<ProfileCase> benefitCase() {
        Gen<ProfileCase> base = profiles.profileCase();
        return r -> {
            ProfileCase c = base.next(r);
            if (r.nextInt(100) < 8) {
                ProfileCase x = retiree(r, c);
                if (x != null) return x;
            }
            WorkerProfile p = c.profile();
            // employees more often: most benefits are theirs
            if (p.employmentStatus() != EmploymentStatus.EMPLOYEE && r.nextInt(100) < 30) {
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
            List<LifeEvent> events = events(r, p, FIRST_EVENT, hi);
            return c.with(p.toBuilder().events(events).build());
        };
    }

    /**
     * A worker who turned 60 between the start of pension contributions and the as-of date, with 1 to 36 months of
     * pension contributions just before, and an old-age claim, a death after the claim, or a death instead of it
     * (old-age pension or allowance, funerary and survivors' benefits); null when the as-of date is too early.
     */
    public ProfileCase retiree(RandomGenerator r, ProfileCase base) {
        LocalDate asOf = base.asOf();
        LocalDate first = LocalDate.of(2022, 11, 1);
        if (asOf.isBefore(first.plusMonths(2))) return null;
        LocalDate sixty = ProfileGenerators.day(first, asOf).next(r);
        int months = r.nextInt(100) < 45 ? r.nextInt(1, 12) : r.nextInt(12, 37);
        YearMonth end = YearMonth.from(sixty).minusMonths(r.nextInt(0, 2));
        YearMonth from = end.minusMonths(months - 1L);
        if (from.isBefore(YearMonth.of(2022, 10))) from = YearMonth.of(2022, 10);
        if (from.isAfter(end)) from = end;
        ContributionPeriod period = new ContributionPeriod(from, end, profiles.wage().next(r), r.nextInt(100) < 90, Set.of(),
                r.nextBoolean() ? null : r.nextInt(1, 500), "E1");
        LocalDate claim = ProfileGenerators.day(sixty, ProfileGenerators.min(asOf, sixty.plusDays(120))).next(r);
        LocalDate birth = sixty.minusYears(60);
        List<LifeEvent> events = new ArrayList<>();
        switch (pick(r, new int[] {55, 30, 15})) {
            case 0 -> events.add(new RetirementClaim(claim));
            case 1 -> {
                events.add(new RetirementClaim(claim));
                if (claim.isBefore(asOf)) {
                    LocalDate died = ProfileGenerators.day(claim.plusDays(1), asOf).next(r);
                    events.add(new Death(died, r.nextInt(100) < 20, survivors(r, birth, died)));
                }
            }
            default -> events.add(new Death(claim, r.nextInt(100) < 30, survivors(r, birth, claim)));
        }
        try {
            WorkerProfile p = base.profile().toBuilder().birthDate(birth).employmentStatus(EmploymentStatus.EMPLOYEE)
                    .employmentStart(from.atDay(1)).enterpriseWorkers(null).history(List.of(period)).events(events).build();
            return base.with(p);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    /** {@link #benefitCase()} with the profile shrinker. */
    public Arbitrary<ProfileCase> benefitCases() {
        return new Arbitrary<>(benefitCase(), new ProfileShrinker());
    }

    // ------------------------------------------------------------------ helpers

    /** A day in [lo, hi]: {@code anchor} when it is inside, otherwise uniform; null when the range is empty. */
    static LocalDate date(RandomGenerator r, LocalDate lo, LocalDate hi, LocalDate anchor) {
        if (hi.isBefore(lo)) return null;
        if (anchor != null && !anchor.isBefore(lo) && !anchor.isAfter(hi)) return anchor;
        return ProfileGenerators.day(lo, hi).next(r);
    }

    /** @return an index drawn with the given weights */
    static int pick(RandomGenerator r, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) return i;
        }
        throw new AssertionError("unreachable");
    }

}
