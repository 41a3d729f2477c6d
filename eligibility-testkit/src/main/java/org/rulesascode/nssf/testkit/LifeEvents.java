package org.rulesascode.nssf.testkit;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
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
import java.util.random.RandomGenerator;

/**
 * Seeded generators of life events consistent with a worker profile, on the public API only.
 *
 * <p>Consistency: every event is dated 2008-01-01 to 2060-12-31 and from the worker's 15th birthday; childbirths
 * only for women aged 15 to 50, with 20 to 42 weeks of pregnancy (or unknown) and a notice date up to nine months
 * before the delivery (or unknown, or late); work injuries not before the start of employment; retirement claims at
 * ages 55 to 70; at most one death, and no event after it; survivors (spouse, children, parents) born when they
 * could be; half of the sicknesses of 150 days or more come back within two months of their end. Dates are skewed towards the places where benefits turn: just after a run of paid months, so that
 * qualifying periods are met or missed by little, and towards the last years before the as-of date.
 *
 * <p>{@link WorkerProfiles#withLifeEvents()} uses {@link #events} for whole profiles; the single-event methods are
 * public for users who assemble their own profiles. Every method draws only from the generator it is given.
 */
public final class LifeEvents {
    /** First day an event may fall on. */
    public static final LocalDate FIRST_EVENT = LocalDate.of(2008, 1, 1);
    /** Last day an event may fall on. */
    public static final LocalDate LAST_EVENT = LocalDate.of(2060, 12, 31);

    private LifeEvents() { }

    // ------------------------------------------------------------------ one event

    /** A delivery by a woman born on {@code birth}, aged 15 to 50, dated in [lo, hi] (near {@code anchor} when it fits); null when none fits. */
    public static Childbirth childbirth(RandomGenerator r, LocalDate birth, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate date = Draw.date(r, Draw.max(lo, birth.plusYears(15)), Draw.min(hi, birth.plusYears(51).minusDays(1)), anchor);
        if (date == null) return null;
        int babies = Draw.pick(r, new int[] {85, 12, 3}) + 1;
        Integer weeks = switch (Draw.pick(r, new int[] {60, 20, 10, 10})) {
            case 0 -> r.nextInt(36, 43);
            case 1 -> r.nextInt(24, 29); // around the 26 weeks of a child delivery
            case 2 -> r.nextInt(20, 43);
            default -> null;
        };
        LocalDate notified = switch (Draw.pick(r, new int[] {60, 15, 10, 15})) {
            case 0 -> date.minusDays(r.nextInt(90, 271)); // in time
            case 1 -> date.minusMonths(3).plusDays(r.nextInt(-10, 11)); // around the three months
            case 2 -> date.minusDays(r.nextInt(0, 60)); // late
            default -> null;
        };
        return new Childbirth(date, babies, weeks, notified);
    }

    /** A sickness from a day in [lo, hi] (near {@code anchor} when it fits), of 1 to 200 days; null when none fits. */
    public static Sickness sickness(RandomGenerator r, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate date = Draw.date(r, lo, hi, anchor);
        if (date == null) return null;
        int days = switch (Draw.pick(r, new int[] {25, 50, 25})) {
            case 0 -> r.nextInt(1, 4);
            case 1 -> r.nextInt(4, 31);
            default -> r.nextInt(31, 201);
        };
        return new Sickness(date, days);
    }

    /** A work injury dated in [lo, hi] and not before {@code employmentStart} (when known); null when none fits. */
    public static WorkInjury injury(RandomGenerator r, LocalDate employmentStart, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate from = employmentStart == null ? lo : Draw.max(lo, employmentStart);
        LocalDate date = Draw.date(r, from, hi, anchor);
        if (date == null) return null;
        Integer days = switch (Draw.pick(r, new int[] {10, 10, 50, 30})) {
            case 0 -> null;
            case 1 -> r.nextInt(0, 2); // no day beyond the employer's
            case 2 -> r.nextInt(2, 31);
            default -> r.nextInt(31, 401);
        };
        Integer degree = switch (Draw.pick(r, new int[] {45, 10, 15, 20, 10})) {
            case 0 -> null;
            case 1 -> 0;
            case 2 -> r.nextInt(1, 20);
            case 3 -> r.nextInt(20, 100);
            default -> 100;
        };
        return new WorkInjury(date, r.nextInt(100) < 30, days, degree);
    }

    /** The death of the worker born on {@code birth}, dated in [lo, hi], with 0 to 4 survivors; null when none fits. */
    public static Death death(RandomGenerator r, LocalDate birth, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate date = Draw.date(r, lo, hi, anchor);
        if (date == null) return null;
        return new Death(date, r.nextInt(100) < 55, survivors(r, birth, date));
    }

    /** Survivors of a worker born on {@code birth} who died on {@code death}: none, a spouse, children, parents, or a mix. */
    public static List<Person> survivors(RandomGenerator r, LocalDate birth, LocalDate death) {
        List<Person> out = new ArrayList<>();
        switch (Draw.pick(r, new int[] {15, 20, 20, 25, 12, 8})) {
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
            LocalDate b = lo.isAfter(death) || r.nextInt(100) < 10 ? null : Gen.dates(lo, death).next(r);
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
    public static RetirementClaim retirement(RandomGenerator r, LocalDate birth, LocalDate lo, LocalDate hi, LocalDate anchor) {
        LocalDate from = Draw.max(lo, birth.plusYears(55));
        LocalDate to = Draw.min(hi, birth.plusYears(71).minusDays(1));
        LocalDate sixty = birth.plusYears(60);
        if (r.nextInt(100) < 30 && !sixty.isBefore(from) && !sixty.isAfter(to)) {
            return new RetirementClaim(Draw.clamp(sixty.plusDays(r.nextInt(-60, 61)), from, to)); // around 60
        }
        LocalDate date = Draw.date(r, from, to, anchor);
        return date == null ? null : new RetirementClaim(date);
    }

    /**
     * Half of the claims drawn before the age of 60 (those on an odd day of the month), and a few from 60 on (the 1st,
     * 5th, 9th, … day: a claim the old-age benefits answer instead), become invalidity claims. Decided from the date,
     * so no other draw changes.
     */
    static LifeEvent retirementOrInvalidity(RetirementClaim claim, LocalDate birth) {
        if (claim == null) return null;
        boolean underSixty = claim.date().isBefore(birth.plusYears(60));
        int day = claim.date().getDayOfMonth();
        return (underSixty ? day % 2 == 1 : day % 4 == 1) ? new InvalidityClaim(claim.date()) : claim;
    }

    // ------------------------------------------------------------------ several events

    /**
     * One to three events for the worker of {@code p}, dated in [lo, hi] (clipped to 2008-2060 and from age 15),
     * in date order, consistent with the profile (see the class comment); empty when no date fits.
     */
    public static List<LifeEvent> events(RandomGenerator r, WorkerProfile p, LocalDate lo, LocalDate hi) {
        LocalDate from = Draw.max(Draw.max(lo, FIRST_EVENT), p.birthDate().plusYears(15));
        LocalDate to = Draw.min(hi, LAST_EVENT);
        if (to.isBefore(from)) return List.of();
        int n = Draw.pick(r, new int[] {70, 22, 8}) + 1;
        List<LifeEvent> out = new ArrayList<>(n);
        boolean female = p.sex() == Sex.FEMALE;
        for (int i = 0; i < n * 3 && out.size() < n; i++) { // a few tries: a kind may not fit the dates
            LocalDate anchor = anchor(r, p.history(), from, to);
            // half of the other dates in the last four years of the range, where most benefits are in force
            LocalDate lo1 = r.nextBoolean() ? Draw.max(from, to.minusYears(4)) : from;
            int kind = female ? Draw.pick(r, new int[] {35, 15, 20, 12, 18}) : Draw.pick(r, new int[] {0, 20, 35, 20, 25});
            LifeEvent e = switch (kind) {
                case 0 -> childbirth(r, p.birthDate(), lo1, to, anchor);
                case 1 -> sickness(r, lo1, to, anchor);
                case 2 -> injury(r, p.employmentStart(), lo1, to, anchor);
                case 3 -> out.stream().anyMatch(x -> x instanceof Death) ? null : death(r, p.birthDate(), lo1, to, anchor);
                default -> retirementOrInvalidity(retirement(r, p.birthDate(), lo1, to, anchor), p.birthDate());
            };
            if (e != null) out.add(e);
        }
        // half of the long sicknesses come back within two months of their end: allowance days used up in the period
        for (int i = 0, size = out.size(); i < size; i++) {
            if (out.get(i) instanceof Sickness s && s.days() >= 150 && r.nextBoolean()) {
                LocalDate again = s.date().plusDays(s.days() + r.nextInt(0, 60));
                if (!again.isAfter(to)) out.add(new Sickness(again, r.nextInt(5, 60)));
            }
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
    public static LocalDate anchor(RandomGenerator r, List<ContributionPeriod> history, LocalDate lo, LocalDate hi) {
        if (history.isEmpty() || r.nextInt(100) < 30) return null;
        List<ContributionPeriod> paid = history.stream().filter(ContributionPeriod::paid).toList();
        List<ContributionPeriod> from = paid.isEmpty() || r.nextInt(100) < 20 ? history : paid;
        ContributionPeriod c = from.get(r.nextInt(from.size()));
        YearMonth m = r.nextInt(100) < 75 ? c.to().plusMonths(r.nextInt(0, 3))
                : c.from().plusMonths(r.nextLong(c.months()));
        LocalDate d = m.atDay(r.nextInt(1, m.lengthOfMonth() + 1));
        return d.isBefore(lo) || d.isAfter(hi) ? null : d;
    }

}
