package org.rulesascode.nssf.letters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;

/**
 * The part of the letter a worker acts on, in this order: what she gets (with totals, and her whole maternity income
 * with each payer's share), what she does not get and the one thing that would change it, what NSSF still needs to
 * know (in her words, not field names), what to do next (where, by when, which documents, whom to call, with how sure
 * we are of it), her cover, and the schemes not in force as one footnote. No rule id, parameter id or legal source
 * here: they are in the detail section.
 */
final class Lead {

    /** A titled block of the lead: bullet items, then plain paragraphs. */
    record Section(String heading, List<String> items, List<String> notes) { }

    /** Days in the month the daily allowances count (a calendar convention used to total a monthly pay over days). */

    private final Assessment a;
    private final Words w;
    private final TextReport.Letter names;

    private Lead(Assessment a, Words w) {
        this.a = a;
        this.w = w;
        this.names = TextReport.letterFor(a, w.khmer() ? TextReport.Lang.KM : TextReport.Lang.EN);
    }

    /** @return the sections of the lead, in the letter's order; a section with nothing to say is left out */
    static List<Section> of(Assessment a, Words w) {
        return new Lead(a, w).sections();
    }

    /** @return the footnote on schemes and benefits not in force, or null */
    static String footnote(Assessment a, Words w) {
        return new Lead(a, w).notInForce();
    }

    private List<Section> sections() {
        List<Section> out = new ArrayList<>();
        List<Decision> benefits = TextReport.benefitDecisions(a);
        out.add(gets(benefits));
        Section s = notGets(benefits);
        if (s != null) out.add(s);
        s = needInfo(benefits);
        if (s != null) out.add(s);
        out.add(next(benefits));
        out.add(cover());
        return out;
    }

    // ---- what she gets ---------------------------------------------------------------------------------------

    private Section gets(List<Decision> benefits) {
        List<String> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long total = 0;
        int unknown = 0;
        for (Decision d : benefits) {
            if (d.outcome() != Outcome.ELIGIBLE) continue;
            Entitlement e = d.entitlement();
            String text;
            if (e == null || (e.amount() == null && w.has("care." + d.benefit()))) {
                text = w.has("care." + d.benefit()) ? w.f("care." + d.benefit()) : null; // care, not money
            } else {
                text = amount(e);
                Long t = total(e);
                if (t != null) total = Math.addExact(total, t); else unknown++;
                List<String> marks = new ArrayList<>();
                if (e.estimate()) marks.add(w.f("amount.estimate"));
                if (d.provisional()) marks.add(w.f("amount.provisional"));
                if (!marks.isEmpty()) text += " (" + String.join("; ", marks) + ")";
            }
            items.add(text == null ? names.benefitTitle(d) : w.f("item", names.benefitTitle(d), text));
        }
        if (items.isEmpty()) {
            notes.add(w.f("gets.nothing", a.asOf().toString()));
            return new Section(w.f("heading.gets"), items, notes);
        }
        String maternity = maternityIncome(benefits);
        if (maternity != null) notes.add(maternity);
        if (total > 0) notes.add(unknown == 0 ? w.f("total.all", total) : w.f("total.allPlusUnknown", total, unknown));
        return new Section(w.f("heading.gets"), items, notes);
    }

    /** e.g. "20,417 riel a day for 90 days: 1,837,530 riel in all" */
    String amount(Entitlement e) {
        if (e.amount() == null) return w.f("amount.unknown"); // the engine's reason, with its sources, is in the details
        long amount = e.amount();
        AmountPeriod period = e.period() == null ? AmountPeriod.ONCE : e.period();
        Integer days = e.durationDays();
        return switch (period) {
            case PER_DAY -> days == null ? w.f("amount.perDayOpen", amount) : w.f("amount.perDay", amount, days, total(e));
            case PER_MONTH -> days == null ? w.f("amount.perMonth", amount) : w.f("amount.perMonthFor", amount, days, total(e));
            case ONCE -> w.f("amount.once", amount);
        };
    }

    /**
     * @return the whole amount of a limited entitlement in riel ({@link Entitlement#value()}: a monthly pay over days
     *         counts months of 30 days), or null for an open-ended monthly or daily amount
     */
    static Long total(Entitlement e) {
        if (e.amount() == null) return null;
        if (e.period() == null) return e.amount();
        if (e.period() == AmountPeriod.PER_MONTH && e.durationDays() == null) return null; // a pension: no total
        return e.value();
    }

    /**
     * Her maternity income in all when NSSF's allowance and the employer's pay are both due for the same birth: the two
     * totals, and each payer's rate of the wage from the parameters the decisions used.
     */
    private String maternityIncome(List<Decision> benefits) {
        Decision nssf = null;
        Decision employer = null;
        for (Decision d : benefits) {
            if (d.outcome() != Outcome.ELIGIBLE || d.entitlement() == null) continue;
            if (d.benefit() == Benefit.MATERNITY_ALLOWANCE && nssf == null) nssf = d;
            if (d.benefit() == Benefit.EMPLOYER_MATERNITY_PAY && employer == null) employer = d;
        }
        if (nssf == null || employer == null) return null;
        if (nssf.eventDate() != null && !nssf.eventDate().equals(employer.eventDate())) return null;
        Long fromNssf = total(nssf.entitlement());
        Long fromEmployer = total(employer.entitlement());
        String nssfRate = value(nssf, "health_care.maternity.allowance_rate");
        String employerRate = value(employer, "labour_law.maternity.employer_pay_rate");
        if (fromNssf == null || fromEmployer == null || nssfRate == null || employerRate == null) return null;
        BigDecimal both = new BigDecimal(nssfRate).add(new BigDecimal(employerRate));
        return w.f("maternity.total", Math.addExact(fromNssf, fromEmployer), fromNssf, pct(new BigDecimal(nssfRate)),
                nssf.entitlement().durationDays(), fromEmployer, pct(new BigDecimal(employerRate)), pct(both));
    }

    /** "70 %" with a no-break space, so a wrapped line never starts with "%" */
    static String pct(BigDecimal rate) {
        return TextReport.percent(rate).replace(" %", "\u00a0%");
    }

    // ---- what she does not get, and what is missing ----------------------------------------------------------

    private Section notGets(List<Decision> benefits) {
        List<String> items = new ArrayList<>();
        for (Decision d : benefits) {
            if (d.outcome() != Outcome.NOT_ELIGIBLE) continue;
            items.add(w.f("item", names.benefitTitle(d), change(d)));
        }
        return items.isEmpty() ? null : new Section(w.f("heading.notGets"), items, List.of());
    }

    /** The single thing that would change a refusal: our own words for a known rule, else the engine's distance or reason. */
    String change(Decision d) {
        for (Reason r : d.reasons()) {
            if (r.status() != CriterionStatus.NOT_MET) continue;
            String s = fill("change." + r.ruleId(), d, r);
            if (s != null) return s;
        }
        for (Reason r : d.reasons()) {
            if (r.status() == CriterionStatus.NOT_MET && r.distance() != null && !r.distance().isBlank()) {
                return TextReport.plainDistance(r.distance());
            }
        }
        return d.reasons().stream().filter(r -> r.status() == CriterionStatus.NOT_MET).map(Reason::message).findFirst()
                .orElse(w.f("change.none"));
    }

    private Section needInfo(List<Decision> benefits) {
        List<String> items = new ArrayList<>();
        for (Decision d : benefits) {
            if (d.outcome() != Outcome.NEEDS_INFORMATION) continue;
            Set<String> facts = new LinkedHashSet<>();      // our words for a missing fact
            Set<String> sentences = new LinkedHashSet<>();  // else the engine's sentence (its distance names a field)
            for (Reason r : d.reasons()) {
                if (r.status() != CriterionStatus.UNKNOWN) continue;
                String mine = w.raw("missing." + r.ruleId());
                if (mine != null) facts.add(mine);
                else if (r.distance() != null && !r.distance().isBlank()) sentences.add(r.message());
            }
            if (facts.isEmpty() && sentences.isEmpty()) {
                d.reasons().stream().filter(r -> r.status() == CriterionStatus.UNKNOWN).map(Reason::message).findFirst().ifPresent(sentences::add);
            }
            List<String> parts = new ArrayList<>();
            if (!facts.isEmpty()) parts.add(w.f("needs", String.join(w.khmer() ? " និង " : "; ", facts)) + (sentences.isEmpty() ? "" : "."));
            parts.addAll(sentences);
            items.add(w.f("item", names.benefitTitle(d), String.join(" ", parts)));
        }
        return items.isEmpty() ? null : new Section(w.f("heading.needInfo"), items, List.of());
    }

    /** @return the pattern {@code key} filled with its declared facts and parameters, or null when it or a value is missing */
    private String fill(String key, Decision d, Reason r) {
        if (!w.has(key)) return null;
        String spec = w.raw(key + ".args");
        List<Object> args = new ArrayList<>();
        if (spec != null && !spec.isBlank()) {
            for (String arg : spec.split(",")) {
                String v = arg.startsWith("f:") ? (r == null ? null : r.facts().get(arg.substring(2)))
                        : arg.startsWith("p:") ? value(d, arg.substring(2)) : null;
                if (v == null) return null;
                try {
                    args.add(new BigDecimal(v.trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return w.f(key, args.toArray());
    }

    /** @return the value of parameter {@code id} as one of the decision's reasons used it, or null */
    static String value(Decision d, String id) {
        for (Reason r : d.reasons()) for (ParameterUse p : r.parameters()) if (p.id().equals(id) && p.value() != null) return p.value();
        return null;
    }

    // ---- what to do next ---------------------------------------------------------------------------------------

    private Section next(List<Decision> benefits) {
        Map<Benefit, Decision> act = new EnumMap<>(Benefit.class);
        for (Decision d : benefits) {
            if (d.outcome() == Outcome.ELIGIBLE || d.outcome() == Outcome.NEEDS_INFORMATION) act.putIfAbsent(d.benefit(), d);
        }
        Set<String> items = new LinkedHashSet<>();
        for (Decision d : act.values()) {
            String key = switch (d.benefit()) {
                case MATERNITY_ALLOWANCE, CHILDBIRTH_ALLOWANCE, EMPLOYER_MATERNITY_PAY, MEDICAL_CARE, SICKNESS_ALLOWANCE -> "next." + d.benefit();
                case TEMPORARY_DISABILITY_ALLOWANCE, PERMANENT_DISABILITY, CONSTANT_ATTENDANCE -> "next.accident";
                case OLD_AGE_PENSION, OLD_AGE_ALLOWANCE -> "next.oldAge";
                default -> null;
            };
            if (key == null) {
                items.add(w.f("next.other", names.benefit(d.benefit())));
                continue;
            }
            String text = fill(key, d, null);
            if (text == null) text = w.f(key + ".plain");
            items.add(text + " " + confidence(key));
        }
        if (joinVoluntary()) items.add(w.f("next.joinVoluntary") + " " + confidence("next.joinVoluntary"));
        items.add(w.f("next.always") + " " + confidence("next.always"));
        return new Section(w.f("heading.next"), new ArrayList<>(items), List.of());
    }

    private String confidence(String key) {
        String c = w.raw(key + ".conf");
        return c == null ? "" : w.f("conf", w.f("conf." + c));
    }

    /** A self-employed person outside the voluntary scheme who has not lost it for good. */
    private boolean joinVoluntary() {
        Decision vhc = a.coverage(Scheme.VOLUNTARY_HEALTH_CARE);
        if (vhc == null || vhc.outcome() != Outcome.NOT_COVERED || lostVoluntary(vhc) != null) return false;
        return vhc.reasons().stream().anyMatch(r -> EmploymentStatus.SELF_EMPLOYED.name().equals(r.facts().get("employmentStatus")));
    }

    /** @return the unpaid months in a row when a member lost the voluntary scheme's cover by not paying, else null */
    private static String lostVoluntary(Decision vhc) {
        for (Reason r : vhc.reasons()) {
            if (r.status() == CriterionStatus.NOT_MET && "true".equals(r.facts().get("vhcMember")) && r.facts().get("vhcUnpaidRun") != null
                    && !"0".equals(r.facts().get("vhcUnpaidRun"))) {
                return r.facts().get("vhcUnpaidRun");
            }
        }
        return null;
    }

    // ---- cover and the footnote --------------------------------------------------------------------------------

    private Section cover() {
        List<String> notes = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (Decision d : a.decisions()) {
            if (d.benefit() == Benefit.COVERAGE && d.outcome() == Outcome.COVERED) covered.add(names.scheme(d.scheme()));
        }
        notes.add(covered.isEmpty() ? w.f("cover.none", a.asOf().toString()) : w.f("cover.by", String.join(", ", covered)));
        Decision vhc = a.coverage(Scheme.VOLUNTARY_HEALTH_CARE);
        String run = vhc == null || vhc.outcome() != Outcome.NOT_COVERED ? null : lostVoluntary(vhc);
        if (run != null) {
            try {
                notes.add(w.f("cover.lost", new BigDecimal(run)));
            } catch (NumberFormatException e) {
                notes.add(w.f("cover.lost", 0));
            }
        } else if (joinVoluntary()) {
            notes.add(w.f("cover.selfEmployed"));
        }
        return new Section(w.f("heading.cover", a.asOf().toString()), List.of(), notes);
    }

    private String notInForce() {
        Set<String> what = new LinkedHashSet<>();
        Set<Scheme> schemes = new LinkedHashSet<>();
        for (Decision d : a.decisions()) {
            if (d.outcome() != Outcome.NOT_IN_FORCE) continue;
            if (d.benefit() != Benefit.COVERAGE) {
                what.add(names.benefit(d.benefit()).toLowerCase(w.locale));
                schemes.add(d.scheme());
            }
        }
        for (Decision d : a.decisions()) {
            if (d.outcome() == Outcome.NOT_IN_FORCE && d.benefit() == Benefit.COVERAGE && !schemes.contains(d.scheme())) {
                what.add(names.scheme(d.scheme()));
            }
        }
        if (what.isEmpty()) return null;
        return w.f("footnote.notInForce", a.asOf().toString(), String.join(", ", what), what.size());
    }
}
