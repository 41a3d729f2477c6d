package org.rulesascode.nssf.testkit;

import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Domain shrinking of a {@link ProfileCase}, most aggressive first: drop a history period; drop the events and
 * the dependants; absent optional fields; one month instead of a period, or half of it; the wage moved to
 * 200,000 KHR, then 0, then half-way towards 200,000; US dollars replaced by the same riel; a period paid, with
 * no declared schemes, no enterprise size and no employer. The as-of date and the birth date are kept: they
 * place the case in the law's timeline. Every candidate is strictly smaller by one of these measures, so
 * shrinking ends; candidates the API rejects are skipped.
 */
public final class ProfileShrinker implements Shrinker<ProfileCase> {
    /** The wage the shrinker moves wages towards: the floor of the assumed-wage table. */
    public static final long TARGET_WAGE = 200_000L;

    /** A shrinker; it holds no state and can be shared. */
    public ProfileShrinker() {
        // stateless
    }

    @Override
    public List<ProfileCase> candidates(ProfileCase c) {
        WorkerProfile p = c.profile();
        List<ProfileCase> out = new ArrayList<>();
        List<ContributionPeriod> h = p.history();
        // fewer periods
        for (int i = 0; i < h.size(); i++) {
            List<ContributionPeriod> fewer = new ArrayList<>(h);
            fewer.remove(i);
            add(out, c, () -> p.toBuilder().history(fewer).build());
        }
        // no events, fewer events, no dependants
        if (!p.events().isEmpty()) {
            add(out, c, () -> p.toBuilder().events(List.of()).build());
            if (p.events().size() > 1) {
                for (int i = 0; i < p.events().size(); i++) {
                    List<LifeEvent> fewer = new ArrayList<>(p.events());
                    fewer.remove(i);
                    add(out, c, () -> p.toBuilder().events(fewer).build());
                }
            }
        }
        if (!p.dependants().isEmpty()) {
            add(out, c, () -> new WorkerProfile(p.id(), p.birthDate(), p.sex(), p.employmentStatus(), p.sector(), p.wage(),
                    p.employmentStart(), p.enterpriseWorkers(), p.history(), p.events(), List.of()));
        }
        // optional fields absent
        if (p.wage() != null) add(out, c, () -> p.toBuilder().wage(null).build());
        if (p.employmentStart() != null) add(out, c, () -> p.toBuilder().employmentStart(null).build());
        if (p.enterpriseWorkers() != null) add(out, c, () -> p.toBuilder().enterpriseWorkers(null).build());
        if (p.sector() != Sector.OTHER) add(out, c, () -> p.toBuilder().sector(Sector.OTHER).build());
        // shorter periods
        for (int i = 0; i < h.size(); i++) {
            ContributionPeriod x = h.get(i);
            int months = x.months();
            if (months > 1) {
                period(out, c, i, with(x, x.from(), x.from()));
                period(out, c, i, with(x, x.to(), x.to()));
                if (months > 3) {
                    period(out, c, i, with(x, x.from(), x.from().plusMonths(months / 2 - 1)));
                    period(out, c, i, with(x, x.to().minusMonths(months / 2 - 1), x.to()));
                }
                if (months > 2) {
                    period(out, c, i, with(x, x.from(), x.to().minusMonths(1)));
                    period(out, c, i, with(x, x.from().plusMonths(1), x.to()));
                }
            }
        }
        // wages towards 200,000 / 0
        for (int i = 0; i < h.size(); i++) {
            ContributionPeriod x = h.get(i);
            for (Money m : smallerWages(x.declaredWage())) {
                period(out, c, i, new ContributionPeriod(x.from(), x.to(), m, x.paid(), x.schemes(), x.enterpriseWorkers(), x.employerId()));
            }
        }
        if (p.wage() != null) for (Money m : smallerWages(p.wage())) add(out, c, () -> p.toBuilder().wage(m).build());
        // simpler periods
        for (int i = 0; i < h.size(); i++) {
            ContributionPeriod x = h.get(i);
            if (!x.paid()) period(out, c, i, new ContributionPeriod(x.from(), x.to(), x.declaredWage(), true, x.schemes(), x.enterpriseWorkers(), x.employerId()));
            if (!x.schemes().isEmpty()) period(out, c, i, new ContributionPeriod(x.from(), x.to(), x.declaredWage(), x.paid(), Set.of(), x.enterpriseWorkers(), x.employerId()));
            if (x.enterpriseWorkers() != null) period(out, c, i, new ContributionPeriod(x.from(), x.to(), x.declaredWage(), x.paid(), x.schemes(), null, x.employerId()));
            if (x.employerId() != null) period(out, c, i, new ContributionPeriod(x.from(), x.to(), x.declaredWage(), x.paid(), x.schemes(), x.enterpriseWorkers(), null));
        }
        if (!p.id().equals("p")) add(out, c, () -> p.toBuilder().id("p").build());
        return out;
    }

    /** @return smaller wages than {@code m}: 200,000 KHR, 0, half-way to 200,000, and the same riel for US dollars */
    static List<Money> smallerWages(Money m) {
        List<Money> out = new ArrayList<>();
        long riel = m.toRiel();
        if (m.currency() == Currency.USD) {
            out.add(Money.khr(riel));
            return out;
        }
        if (riel != TARGET_WAGE) out.add(Money.khr(TARGET_WAGE));
        if (riel != 0 && riel != TARGET_WAGE) out.add(Money.khr(0));
        long half = riel + (TARGET_WAGE - riel) / 2;
        if (half != riel && half != TARGET_WAGE && half != 0) out.add(Money.khr(half));
        return out;
    }

    private static ContributionPeriod with(ContributionPeriod x, YearMonth from, YearMonth to) {
        return new ContributionPeriod(from, to, x.declaredWage(), x.paid(), x.schemes(), x.enterpriseWorkers(), x.employerId());
    }

    private static void period(List<ProfileCase> out, ProfileCase c, int index, ContributionPeriod replacement) {
        List<ContributionPeriod> h = new ArrayList<>(c.profile().history());
        h.set(index, replacement);
        add(out, c, () -> c.profile().toBuilder().history(h).build());
    }

    private static void add(List<ProfileCase> out, ProfileCase c, Supplier<WorkerProfile> candidate) {
        try {
            out.add(c.with(candidate.get()));
        } catch (InvalidInputException e) {
            // not a valid profile: not a candidate
        }
    }
}
