package org.rulesascode.nssf.testkit;

import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One generated question: a worker profile and the as-of date of the assessment (all schemes). Its
 * {@link #toString()} is a short, readable line meant for failure messages; {@link #toJson()} is the profile as
 * {@code eligibility-json} reads it, to replay a failure with {@code ./nssf assess --as-of DATE profile.json}.
 *
 * @param profile the worker
 * @param asOf    the as-of date, 2008-01-01 to 2060-12-31
 */
public record ProfileCase(WorkerProfile profile, LocalDate asOf) {
    public ProfileCase {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** @return the request for all schemes */
    public AssessmentRequest request() {
        return AssessmentRequest.of(profile, asOf);
    }

    /** @return a copy with another profile */
    public ProfileCase with(WorkerProfile p) {
        return new ProfileCase(p, asOf);
    }

    /** @return {@code {"asOf": "...", "profile": {...}}}, the profile in the JSON of {@code eligibility-json} ({@link ProfileJson}) */
    public String toJson() {
        return ProfileJson.write(this);
    }

    @Override
    public String toString() {
        WorkerProfile p = profile;
        StringBuilder sb = new StringBuilder();
        sb.append("asOf=").append(asOf)
                .append(" | ").append(p.id()).append(": born ").append(p.birthDate()).append(' ').append(p.sex())
                .append(", ").append(p.employmentStatus()).append(", ").append(p.sector());
        if (p.wage() != null) sb.append(", wage ").append(money(p.wage()));
        if (p.employmentStart() != null) sb.append(", employed from ").append(p.employmentStart());
        if (p.enterpriseWorkers() != null) sb.append(", ").append(p.enterpriseWorkers()).append(" workers");
        StringJoiner h = new StringJoiner("; ", " | history [", "]");
        for (ContributionPeriod c : p.history()) h.add(period(c));
        sb.append(h);
        if (!p.events().isEmpty()) {
            StringJoiner e = new StringJoiner("; ", " | events [", "]");
            for (LifeEvent ev : p.events()) e.add(event(ev));
            sb.append(e);
        }
        if (!p.dependants().isEmpty()) {
            StringJoiner d = new StringJoiner("; ", " | dependants [", "]");
            for (Person x : p.dependants()) d.add(x.relation() + (x.birthDate() == null ? "" : " born " + x.birthDate()));
            sb.append(d);
        }
        return sb.toString();
    }

    static String period(ContributionPeriod c) {
        StringBuilder sb = new StringBuilder();
        sb.append(c.from()).append("..").append(c.to()).append(' ').append(money(c.declaredWage()));
        if (!c.paid()) sb.append(" UNPAID");
        if (!c.schemes().isEmpty()) sb.append(" schemes=").append(c.schemes());
        if (c.enterpriseWorkers() != null) sb.append(" workers=").append(c.enterpriseWorkers());
        if (c.employerId() != null) sb.append(" employer=").append(c.employerId());
        return sb.toString();
    }

    static String money(Money m) {
        if (m.currency() == Currency.KHR) return m.amount().toPlainString() + " KHR";
        return "US$" + m.amount().toPlainString() + "@" + m.exchangeRate().toPlainString() + " (=" + m.toRiel() + " KHR)";
    }

    static String event(LifeEvent e) {
        if (e instanceof Childbirth c) return "childbirth " + c.date() + " x" + c.babies();
        if (e instanceof WorkInjury w) return "injury " + w.date() + (w.commuting() ? " commuting" : "");
        if (e instanceof Sickness s) return "sickness " + s.date() + " " + s.days() + "d";
        if (e instanceof Death d) return "death " + d.date() + (d.workRelated() ? " work-related" : "");
        if (e instanceof RetirementClaim r) return "retirement claim " + r.date();
        if (e instanceof org.rulesascode.nssf.eligibility.InvalidityClaim i) return "invalidity claim " + i.date();
        return e.toString();
    }
}
