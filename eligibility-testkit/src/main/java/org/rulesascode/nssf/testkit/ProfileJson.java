package org.rulesascode.nssf.testkit;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.util.List;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * A worker profile as one line of JSON, without any JSON library (the testkit depends on the API only). The output
 * is the one {@code NssfJson.writeCompact(profile)} of {@code eligibility-json} gives, character for character, so
 * {@code NssfJson.readProfile} (and {@code ./nssf assess}) reads it back: every field in the order of the record
 * components, nulls written, ISO dates and months, enum names, amounts as plain decimals, events with their
 * {@code "type"} first, declared schemes in enum order, strings escaped as Jackson escapes them.
 */
public final class ProfileJson {
    private ProfileJson() { }

    /** @return the profile as compact JSON (see the class comment) */
    public static String write(WorkerProfile p) {
        StringBuilder sb = new StringBuilder(512);
        Obj o = new Obj(sb);
        o.str("id", p.id()).raw("birthDate", quote(p.birthDate())).raw("sex", quote(p.sex()))
                .raw("employmentStatus", quote(p.employmentStatus())).raw("sector", quote(p.sector()));
        o.key("wage");
        money(sb, p.wage());
        o.raw("employmentStart", quote(p.employmentStart())).raw("enterpriseWorkers", String.valueOf(p.enterpriseWorkers()));
        o.key("history");
        list(sb, p.history(), ProfileJson::period);
        o.key("events");
        list(sb, p.events(), ProfileJson::event);
        o.key("dependants");
        list(sb, p.dependants(), ProfileJson::person);
        return o.end();
    }

    /** @return {@code {"asOf": "...", "profile": {...}}}: a generated case, as a failure report shows it */
    public static String write(ProfileCase c) {
        return "{\"asOf\":" + quote(c.asOf()) + ",\"profile\":" + write(c.profile()) + "}";
    }

    private static void money(StringBuilder sb, Money m) {
        if (m == null) {
            sb.append("null");
            return;
        }
        new Obj(sb).raw("amount", plain(m.amount())).raw("currency", quote(m.currency()))
                .raw("exchangeRate", m.exchangeRate() == null ? "null" : plain(m.exchangeRate())).end();
    }

    private static void period(StringBuilder sb, ContributionPeriod c) {
        Obj o = new Obj(sb).raw("from", quote(c.from())).raw("to", quote(c.to()));
        o.key("declaredWage");
        money(sb, c.declaredWage());
        o.raw("paid", String.valueOf(c.paid()));
        o.key("schemes");
        list(sb, List.copyOf(new TreeSet<>(c.schemes())), (b, s) -> b.append(quote(s)));
        o.raw("enterpriseWorkers", String.valueOf(c.enterpriseWorkers())).str("employerId", c.employerId()).end();
    }

    private static void event(StringBuilder sb, LifeEvent e) {
        Obj o = new Obj(sb);
        if (e instanceof Childbirth c) {
            o.raw("type", "\"CHILDBIRTH\"").raw("date", quote(c.date())).raw("babies", String.valueOf(c.babies()))
                    .raw("pregnancyWeeks", String.valueOf(c.pregnancyWeeks())).raw("notifiedOn", quote(c.notifiedOn()));
        } else if (e instanceof WorkInjury w) {
            o.raw("type", "\"WORK_INJURY\"").raw("date", quote(w.date())).raw("commuting", String.valueOf(w.commuting()))
                    .raw("incapacityDays", String.valueOf(w.incapacityDays()))
                    .raw("permanentDegreePercent", String.valueOf(w.permanentDegreePercent()));
        } else if (e instanceof Sickness s) {
            o.raw("type", "\"SICKNESS\"").raw("date", quote(s.date())).raw("days", String.valueOf(s.days()));
        } else if (e instanceof Death d) {
            o.raw("type", "\"DEATH\"").raw("date", quote(d.date())).raw("workRelated", String.valueOf(d.workRelated()));
            o.key("survivors");
            list(sb, d.survivors(), ProfileJson::person);
        } else if (e instanceof RetirementClaim r) {
            o.raw("type", "\"RETIREMENT_CLAIM\"").raw("date", quote(r.date()));
        } else if (e instanceof InvalidityClaim i) {
            o.raw("type", "\"INVALIDITY\"").raw("date", quote(i.date()));
        } else {
            throw new IllegalArgumentException("unknown event " + e);
        }
        o.end();
    }

    private static void person(StringBuilder sb, Person p) {
        new Obj(sb).raw("relation", quote(p.relation())).raw("birthDate", quote(p.birthDate()))
                .raw("disabled", String.valueOf(p.disabled())).raw("hasIncome", String.valueOf(p.hasIncome())).end();
    }

    private static <T> void list(StringBuilder sb, List<T> items, BiConsumer<StringBuilder, T> each) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(',');
            each.accept(sb, items.get(i));
        }
        sb.append(']');
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }

    /** @return the value's text as a JSON string, or null */
    private static String quote(Object v) {
        return v == null ? "null" : string(v.toString());
    }

    /** A JSON string as Jackson writes it: quote, backslash and control characters escaped, the rest as is. */
    static String string(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04X", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Writes one JSON object, field after field. */
    private static final class Obj {
        private final StringBuilder sb;
        private boolean first = true;

        Obj(StringBuilder sb) {
            this.sb = sb;
            sb.append('{');
        }

        Obj key(String k) {
            if (!first) sb.append(',');
            first = false;
            sb.append('"').append(k).append("\":");
            return this;
        }

        Obj raw(String k, String json) {
            key(k);
            sb.append(json);
            return this;
        }

        Obj str(String k, String v) {
            return raw(k, v == null ? "null" : string(v));
        }

        String end() {
            sb.append('}');
            return sb.toString();
        }
    }
}
