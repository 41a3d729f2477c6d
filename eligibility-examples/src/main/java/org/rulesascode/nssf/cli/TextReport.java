package org.rulesascode.nssf.cli;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.TraceStep;

/**
 * An {@link Assessment} as a letter a person can read: a header, each decision with its reasons, legal sources and
 * parameters, a contribution table in which runs of identical months are one row, and a footer naming the
 * provisional values used. The labels are English; the reasons' messages are in the language the engine was asked for.
 */
public final class TextReport {
    private TextReport() { }

    private static final String INDENT = "    ";
    private static final int WIDTH = 78;

    /** @return the report, ending with a newline */
    public static String render(Assessment a) {
        StringBuilder sb = new StringBuilder();
        header(sb, a);
        for (Decision d : a.decisions()) decision(sb, d);
        contributions(sb, a.contributions());
        footer(sb, a);
        return sb.toString();
    }

    private static void header(StringBuilder sb, Assessment a) {
        sb.append("NSSF assessment").append('\n');
        sb.append("  Profile:   ").append(a.profileId()).append('\n');
        sb.append("  As of:     ").append(a.asOf()).append('\n');
        sb.append("  Rule set:  ").append(a.ruleSetVersion()).append('\n');
        sb.append('\n');
        if (a.decisions().isEmpty()) sb.append("No decisions.\n\n");
    }

    private static void decision(StringBuilder sb, Decision d) {
        String title = d.scheme() + " · " + d.benefit() + ": " + d.outcome() + (d.provisional() ? "  (provisional)" : "");
        sb.append(title).append('\n').append("-".repeat(Math.min(WIDTH, title.length()))).append('\n');
        List<Reason> notes = new ArrayList<>();
        for (Reason r : d.reasons()) {
            if (r.facts().containsKey("months")) notes.add(r); else reason(sb, r, null);
        }
        if (!notes.isEmpty()) {
            sb.append("  About the history months:").append('\n');
            for (Reason r : notes) reason(sb, r, "[NOTE]");
        }
        Entitlement e = d.entitlement();
        if (e != null) sb.append("  Entitlement: ").append(entitlement(e)).append('\n');
        if (!d.steps().isEmpty()) {
            sb.append("  Calculation:").append('\n');
            for (TraceStep s : d.steps()) {
                sb.append(INDENT).append(s.description()).append(": ").append(s.formula()).append(" = ").append(s.result()).append('\n');
            }
        }
        sb.append('\n');
    }

    private static void reason(StringBuilder sb, Reason r, String label) {
        String status = label != null ? label : switch (r.status()) {
            case MET -> "[MET]";
            case NOT_MET -> "[NOT MET]";
            case UNKNOWN -> "[UNKNOWN]";
        };
        sb.append("  ").append(String.format(Locale.ROOT, "%-10s", status)).append(r.message());
        if (r.status() == CriterionStatus.NOT_MET && r.distance() != null && !r.distance().isBlank()) {
            sb.append(" (").append(r.distance()).append(')');
        }
        sb.append("  [").append(r.ruleId()).append("]\n");
        String pad = "  " + " ".repeat(10);
        if (!r.citations().isEmpty()) {
            sb.append(pad).append("Sources: ")
                    .append(r.citations().stream().map(Citation::display).distinct().collect(Collectors.joining("; "))).append('\n');
        }
        for (ParameterUse p : r.parameters()) sb.append(pad).append("Uses ").append(parameter(p)).append('\n');
    }

    /** e.g. "pension.contribution.rate = 0.04 (4 %), from 2022-10-01 (provisional)" */
    static String parameter(ParameterUse p) {
        StringBuilder sb = new StringBuilder(p.id()).append(" = ").append(value(p.value(), p.unit()));
        if (p.effectiveFrom() != null) sb.append(", from ").append(p.effectiveFrom());
        if (p.provisional()) sb.append(" (provisional)");
        return sb.toString();
    }

    /** A parameter value with its unit: "4 %" for a rate, "1,200,000 KHR", "60 years", "true", a scale as described. */
    static String value(String value, String unit) {
        if (value == null) return "none";
        if (unit == null || unit.isBlank()) return value;
        BigDecimal v;
        try {
            v = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return value; // a boolean, a date, or a scale described in words
        }
        return switch (unit) {
            case "rate" -> value + " (" + percent(v) + ")";
            case "KHR" -> v.scale() <= 0 || v.stripTrailingZeros().scale() <= 0 ? khr(v.longValue()) : value + " KHR";
            case "year", "month", "day" -> value + " " + unit + (v.compareTo(BigDecimal.ONE) == 0 ? "" : "s");
            case "count" -> value;
            default -> value + " " + unit;
        };
    }

    private static String entitlement(Entitlement e) {
        StringBuilder sb = new StringBuilder();
        if (e.amount() == null) {
            sb.append("amount undetermined");
            if (e.undeterminedReason() != null) sb.append(": ").append(e.undeterminedReason());
        } else {
            sb.append(khr(e.amount()));
            if (e.period() != null) sb.append(e.period() == AmountPeriod.ONCE ? " once" : e.period() == AmountPeriod.PER_DAY ? " per day" : " per month");
            if (e.durationDays() != null) sb.append(" for ").append(e.durationDays()).append(" days");
            if (e.estimate()) sb.append(" (estimate from a provisional formula, not the legal amount)");
        }
        return sb.toString();
    }

    // ---- contributions -------------------------------------------------------------------------------------

    /** A run of consecutive months of one scheme with identical amounts. */
    record Row(YearMonth from, YearMonth to, ContributionLine line) {
        int months() {
            return (int) (to.getYear() * 12L + to.getMonthValue() - from.getYear() * 12L - from.getMonthValue()) + 1;
        }

        String label() {
            return from.equals(to) ? from.toString() : from + " … " + to + " (" + months() + " months)";
        }
    }

    /** @return the lines compressed: per scheme, consecutive months with identical amounts become one row */
    static List<Row> compress(List<ContributionLine> lines) {
        Map<Object, List<ContributionLine>> byScheme = lines.stream()
                .sorted(Comparator.comparing(ContributionLine::scheme).thenComparing(ContributionLine::month))
                .collect(Collectors.groupingBy(ContributionLine::scheme, LinkedHashMap::new, Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        for (List<ContributionLine> ls : byScheme.values()) {
            ContributionLine first = null;
            ContributionLine last = null;
            for (ContributionLine l : ls) {
                if (first != null && l.month().equals(last.month().plusMonths(1)) && sameAmounts(first, l)) {
                    last = l;
                    continue;
                }
                if (first != null) rows.add(new Row(first.month(), last.month(), first));
                first = l;
                last = l;
            }
            if (first != null) rows.add(new Row(first.month(), last.month(), first));
        }
        rows.sort(Comparator.comparing(Row::from).thenComparing(r -> r.line().scheme()));
        return rows;
    }

    private static boolean sameAmounts(ContributionLine a, ContributionLine b) {
        return a.contributableWage() == b.contributableWage() && a.employer() == b.employer() && a.worker() == b.worker()
                && a.total() == b.total() && a.paid() == b.paid() && a.provisional() == b.provisional()
                && (a.rate() == null ? b.rate() == null : b.rate() != null && a.rate().compareTo(b.rate()) == 0);
    }

    private static void contributions(StringBuilder sb, List<ContributionLine> lines) {
        sb.append("Contributions").append('\n').append("-------------").append('\n');
        if (lines.isEmpty()) {
            sb.append("  No contribution is due for the months of the history.\n\n");
            return;
        }
        List<Row> rows = compress(lines);
        String[] head = {"Months", "Scheme", "Contributable wage", "Rate", "Employer", "Worker", "Total", "Paid"};
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            ContributionLine l = r.line();
            cells.add(new String[] {
                    r.label(), l.scheme().name(), l.rate() == null ? "—" : khr(l.contributableWage()),
                    l.rate() == null ? "flat" : percent(l.rate()), khr(l.employer()), khr(l.worker()), khr(l.total()),
                    (l.paid() ? "yes" : "no") + (l.provisional() ? " *" : "")});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) w[i] = head[i].length();
        for (String[] c : cells) for (int i = 0; i < c.length; i++) w[i] = Math.max(w[i], c[i].length());
        boolean[] right = {false, false, true, true, true, true, true, false};
        sb.append(row(head, w, right)).append('\n');
        for (String[] c : cells) sb.append(row(c, w, right)).append('\n');

        long employer = 0, worker = 0, unpaid = 0;
        for (ContributionLine l : lines) {
            employer += l.employer();
            worker += l.worker();
            if (!l.paid()) unpaid += l.total();
        }
        long months = lines.stream().map(ContributionLine::month).distinct().count();
        sb.append('\n').append("  Due over ").append(months).append(months == 1 ? " month: " : " months: ")
                .append(khr(employer)).append(" employer + ").append(khr(worker)).append(" worker = ").append(khr(employer + worker));
        if (unpaid > 0) sb.append("; not paid: ").append(khr(unpaid));
        sb.append('\n');
        if (lines.stream().anyMatch(ContributionLine::provisional)) sb.append("  * computed with a provisional value (see below)\n");
        sb.append('\n');
    }

    private static String row(String[] c, int[] w, boolean[] right) {
        StringBuilder sb = new StringBuilder(" ");
        for (int i = 0; i < c.length; i++) {
            sb.append(' ');
            String f = "%" + (right[i] ? "" : "-") + w[i] + "s";
            sb.append(String.format(Locale.ROOT, f, c[i]));
        }
        return sb.toString().stripTrailing();
    }

    // ---- footer --------------------------------------------------------------------------------------------

    private static void footer(StringBuilder sb, Assessment a) {
        Map<String, ParameterUse> uses = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Decision d : a.decisions()) {
            for (Reason r : d.reasons()) for (ParameterUse p : r.parameters()) if (p.provisional()) uses.putIfAbsent(key(p), p);
            for (String id : d.provisionalParameters()) if (!ids.contains(id)) ids.add(id);
        }
        for (ContributionLine l : a.contributions()) {
            for (ParameterUse p : l.parameters()) if (p.provisional()) uses.putIfAbsent(key(p), p);
        }
        for (ParameterUse p : uses.values()) ids.remove(p.id());
        if (uses.isEmpty() && ids.isEmpty()) {
            sb.append("No provisional value was used: every parameter of this assessment is confirmed or from a secondary source.\n");
            return;
        }
        sb.append("Provisional values").append('\n').append("------------------").append('\n');
        sb.append("These values are uncertain in the rules reference; the results that depend on them are\n")
                .append("marked provisional and may change when the legal text is confirmed.\n");
        for (ParameterUse p : uses.values()) {
            sb.append("  - ").append(parameter(p));
            if (p.source() != null) sb.append("; source: ").append(p.source().display());
            sb.append('\n');
        }
        for (String id : ids) sb.append("  - ").append(id).append('\n');
    }

    private static String key(ParameterUse p) {
        return p.id() + "@" + Objects.toString(p.effectiveFrom());
    }

    // ---- formats -------------------------------------------------------------------------------------------

    /** @return e.g. "852,800 KHR" */
    static String khr(long riel) {
        return String.format(Locale.ROOT, "%,d KHR", riel);
    }

    /** @return e.g. "0.8 %" for 0.008 */
    static String percent(BigDecimal rate) {
        BigDecimal p = rate.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString() + " %";
    }
}
