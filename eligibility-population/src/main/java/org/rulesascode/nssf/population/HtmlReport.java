package org.rulesascode.nssf.population;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.population.internal.ParameterDescriptions;

/**
 * The self-contained HTML report of a comparison: one file, inline CSS, inline SVG charts, no script, nothing
 * fetched from the network. Tables an analyst can send on: what the reform changes, who gains and who loses each
 * benefit, the annual cost and contribution deltas, the breakdowns, a sample of flips with their reasons, and the
 * warnings (provisional values, illustrative values, rejected rows, estimates).
 */
public final class HtmlReport {
    private HtmlReport() { }

    private static final String GAIN = "#2e7d32";
    private static final String LOSS = "#c62828";
    private static final String NEUTRAL = "#1565c0";

    /** @return the report, sample figures in riel */
    public static String render(CompareSummary s, Reform reform, LocalDate asOf, String baselineVersion, String reformVersion, String populationName) {
        return render(s, reform, asOf, baselineVersion, reformVersion, populationName, Presentation.NONE);
    }

    /** @return the report, with estimates scaled to a population size and amounts in US dollars too when {@code p} says so */
    public static String render(CompareSummary s, Reform reform, LocalDate asOf, String baselineVersion, String reformVersion, String populationName,
                                Presentation p) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(reform.name()))
                .append(" — NSSF reform comparison</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(reform.name())).append("</h1>\n");
        if (!reform.description().isBlank()) h.append("<p class=\"lead\">").append(esc(reform.description().strip())).append("</p>\n");

        // what was compared
        h.append("<table class=\"facts\">\n");
        fact(h, "As-of date", asOf.toString());
        fact(h, "Population", populationName);
        fact(h, "Rows read", num(s.baseline().rowsIn()) + " (assessed " + num(s.baseline().assessed()) + ", rejected " + num(s.baseline().rejected()) + ")");
        fact(h, "Baseline rule set", baselineVersion);
        fact(h, "Reform rule set", reformVersion);
        fact(h, "Kind of reform", reform.structural() ? "structural: adds or replaces rules (DRL code)" : "parameters only (data)");
        if (p.rielPerUsd() != null) fact(h, "Exchange rate used", num(p.rielPerUsd()) + " riel per US dollar (as stated by the user, for reading only)");
        boolean weighted = s.weighted();
        java.math.BigDecimal weightTotal = s.baseline().weightTotal();
        if (weighted) {
            fact(h, "Row weights", num(s.baseline().weightedRows()) + " of the " + num(s.baseline().assessed()) + " assessed rows carry a weight (the others weigh 1); "
                    + "the weights add up to " + Weighted.grouped(weightTotal) + " persons. Weighted figures are exact sums, shown rounded to whole persons "
                    + "and riel, halves up.");
        }
        if (p.scaleTo() != null) {
            fact(h, "Estimates for", num(p.scaleTo()) + " persons, scaled from the " + num(s.baseline().assessed()) + " assessed persons of the sample"
                    + (weighted ? " by their weights (each weighted figure × " + num(p.scaleTo()) + " / " + Weighted.grouped(weightTotal) + ")" : ""));
        }
        h.append("</table>\n");

        // warnings
        List<String> warnings = warnings(s, reform);
        for (String w : s.warnings(reform, asOf)) warnings.add(esc(w));
        h.append("<div class=\"warn\"><strong>Read before use</strong><ul>\n");
        for (String w : warnings) h.append("<li>").append(w).append("</li>\n");
        h.append("</ul></div>\n");

        // headline: the sample's figures, and the estimates beside them with the sample size
        CompareSummary.Group all = s.all();
        long n = s.baseline().assessed();
        boolean scaled = p.scaleTo() != null && n > 0;
        h.append("<h2>In short</h2>\n<table class=\"facts\">\n");
        if (scaled || weighted) {
            h.append("<tr><th></th><th>In the sample of ").append(num(n)).append("</th>");
            if (weighted) h.append("<th>Weighted estimate (the sample of ").append(num(n)).append(", weights adding up to ").append(Weighted.grouped(weightTotal)).append(")</th>");
            if (scaled) {
                h.append("<th>Estimate for ").append(num(p.scaleTo())).append(" (from the sample of ").append(num(n)).append(weighted ? ", by its weights" : "")
                        .append(")</th>");
            }
            h.append("</tr>\n");
        }
        Estimates e = new Estimates(n, weighted ? weightTotal : null, p);
        persons(h, "Persons whose benefits or contributions change", all.personsChanged(), all.weighted("personsChanged"), e);
        persons(h, "Persons better off (benefits worth more)", all.betterOff(), all.weighted("betterOff"), e);
        persons(h, "Persons worse off (benefits worth less)", all.worseOff(), all.weighted("worseOff"), e);
        persons(h, "Persons paying more contributions", all.payingMore(), all.weighted("payingMore"), e);
        persons(h, "Persons paying less contributions", all.payingLess(), all.weighted("payingLess"), e);
        persons(h, "Persons gaining a benefit or coverage", all.gainers(), all.weighted("gainers"), e);
        persons(h, "Persons losing a benefit or coverage", all.losers(), all.weighted("losers"), e);
        for (Payer payer : Payer.values()) {
            amount(h, "Annual benefit cost to " + payer.label() + ", change", s.annualCostDelta(payer), all.weightedAnnualCostDelta(payer), e);
        }
        amount(h, "Contributions of the last 12 months, change", s.contributionDelta().totalLast12(), all.weightedContributionDelta(), e);
        amount(h, "of which employers", s.contributionDelta().employerLast12(), all.weightedEmployerContributionDelta(), e);
        amount(h, "of which workers", s.contributionDelta().workerLast12(), all.weightedWorkerContributionDelta(), e);
        h.append("</table>\n");

        // the reform's changes
        h.append("<h2>What the reform changes</h2>\n");
        if (reform.changes().isEmpty() && reform.ruleFiles().isEmpty()) {
            h.append("<p>Nothing: this is the empty reform. Every difference below would be an error.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Parameter</th><th>From</th><th>Value</th><th>Illustrative</th><th>Note</th></tr>\n");
            for (Reform.Change c : reform.changes()) {
                String d = ParameterDescriptions.of(c.parameterId());
                h.append("<tr><td>").append(d == null ? "" : esc(d) + "<br>").append("<code>").append(esc(c.parameterId())).append("</code></td><td>").append(c.from()).append("</td><td class=\"n\">")
                        .append(esc(PopulationRunner.describe(c.value()))).append("</td><td>").append(c.illustrative() ? "<strong>yes</strong>" : "no")
                        .append("</td><td>").append(esc(c.note())).append("</td></tr>\n");
            }
            for (Reform.RuleFile f : reform.ruleFiles()) {
                h.append("<tr><td colspan=\"5\">Rule file <code>").append(esc(f.name())).append("</code> (DRL code)</td></tr>\n");
            }
            h.append("</table>\n");
        }

        // gains and losses per benefit
        h.append("<h2>Gains and losses per benefit</h2>\n");
        Map<RunSummary.SchemeBenefit, CompareSummary.BenefitFlips> flips = s.benefits();
        java.util.TreeSet<RunSummary.SchemeBenefit> keys = new java.util.TreeSet<>(flips.keySet());
        s.baseline().benefits().forEach((k, t) -> {
            if (k.benefit() != Benefit.COVERAGE && t.lastYearValue() != 0) keys.add(k);
        });
        s.reform().benefits().forEach((k, t) -> {
            if (k.benefit() != Benefit.COVERAGE && t.lastYearValue() != 0) keys.add(k);
        });
        if (keys.isEmpty()) {
            h.append("<p>No decision changes and no benefit costs.</p>\n");
        } else {
            h.append("<p>Gainers and losers are persons (a person with two changed decisions of one benefit counts once); the other columns count decisions. "
                    + "Annual cost: the value of the eligible decisions whose event is in the 12 months up to the as-of date (definitions at the end).</p>\n");
            h.append("<table>\n<tr><th>Scheme</th><th>Benefit</th><th>Paid by</th><th>Gainers</th><th>Losers</th><th>Amount up</th><th>Amount down</th>"
                    + "<th>Other changes</th><th>Annual cost, baseline</th><th>Annual cost, reform</th><th>Change</th></tr>\n");
            List<String> labels = new ArrayList<>();
            List<long[]> values = new ArrayList<>();
            for (RunSummary.SchemeBenefit k : keys) {
                CompareSummary.BenefitFlips f = flips.getOrDefault(k, new CompareSummary.BenefitFlips());
                long bc = CompareSummary.annual(s.baseline(), k);
                long rc = CompareSummary.annual(s.reform(), k);
                h.append("<tr><td>").append(label(k.scheme())).append("</td><td>").append(label(k.benefit())).append("</td><td>").append(payer(k.benefit()))
                        .append("</td><td class=\"n\">").append(num(f.gainers())).append("</td><td class=\"n\">").append(num(f.losers()))
                        .append("</td><td class=\"n\">").append(num(f.amountUp())).append("</td><td class=\"n\">").append(num(f.amountDown()))
                        .append("</td><td class=\"n\">").append(num(f.other())).append("</td><td class=\"n\">").append(num(bc))
                        .append("</td><td class=\"n\">").append(num(rc)).append("</td><td class=\"n\">").append(signed(rc - bc)).append("</td></tr>\n");
                if (f.gainers() + f.losers() > 0) {
                    labels.add(label(k.scheme()) + ": " + label(k.benefit()));
                    values.add(new long[] {f.gainers(), -f.losers()});
                }
            }
            h.append("</table>\n");
            if (!labels.isEmpty()) {
                h.append("<figure>").append(bars(labels, values, new String[] {"gainers", "losers"}, new String[] {GAIN, LOSS}))
                        .append("<figcaption>Persons gaining (right) and losing (left) each benefit.</figcaption></figure>\n");
            }
        }

        // contributions
        h.append("<h2>Contributions of the last 12 months</h2>\n<table>\n<tr><th>Scheme</th><th>Persons whose contributions change</th><th>Baseline</th>"
                + "<th>Reform</th><th>Change</th><th>of which employers</th><th>of which workers</th></tr>\n");
        List<String> cl = new ArrayList<>();
        List<long[]> cv = new ArrayList<>();
        for (Scheme sc : Scheme.values()) {
            PersonResult.Contributions b = s.baseline().contributions().get(sc);
            PersonResult.Contributions r = s.reform().contributions().get(sc);
            if (b == null && r == null) continue;
            b = b == null ? PersonResult.Contributions.ZERO : b;
            r = r == null ? PersonResult.Contributions.ZERO : r;
            PersonResult.Contributions d = r.minus(b);
            h.append("<tr><td>").append(label(sc)).append("</td><td class=\"n\">").append(num(s.contributionPersons().getOrDefault(sc, 0L)))
                    .append("</td><td class=\"n\">").append(num(b.totalLast12())).append("</td><td class=\"n\">").append(num(r.totalLast12()))
                    .append("</td><td class=\"n\">").append(signed(d.totalLast12())).append("</td><td class=\"n\">").append(signed(d.employerLast12()))
                    .append("</td><td class=\"n\">").append(signed(d.workerLast12())).append("</td></tr>\n");
            cl.add(label(sc));
            cv.add(new long[] {d.totalLast12()});
        }
        h.append("</table>\n");
        if (cv.stream().anyMatch(v -> v[0] != 0)) {
            h.append("<figure>").append(bars(cl, cv, new String[] {"change"}, new String[] {NEUTRAL}))
                    .append("<figcaption>Change in contributions of the last 12 months, riel.</figcaption></figure>\n");
        }

        // breakdowns: one table per dimension, and charts each on its own scale (persons, contributions, cost)
        h.append("<h2>Who is affected</h2>\n<p>Persons in each group, who is better or worse off, who pays more or less, and the changes "
                + "of the annual benefit cost (per payer) and of the contributions of the last 12 months, summed over the group.</p>\n");
        for (Map.Entry<String, Map<String, CompareSummary.Group>> dim : s.breakdowns().entrySet()) {
            h.append("<h3>By ").append(dimension(dim.getKey())).append("</h3>\n");
            if (dim.getKey().equals("wageDecile")) {
                h.append("<p>Deciles of the current monthly wage of the persons with a wage. They are cut from a histogram of wages, "
                        + "so a boundary falls on a bin edge: exact to 10,000 riel below 10 million riel, to 1,000,000 riel above. A bin is never "
                        + "split, so each decile holds about a tenth of the persons: its actual share is in its name. With row weights, the "
                        + "deciles and their shares are those of the weighted persons.</p>\n");
            }
            h.append("<table>\n<tr><th>").append(capital(dimension(dim.getKey())))
                    .append("</th><th>Persons</th>").append(weighted ? "<th>Persons, weighted</th>" : "").append("<th>Changed</th><th>Better off</th><th>Worse off</th><th>Paying more</th><th>Paying less</th>"
                            + "<th>Cost change, NSSF</th><th>Cost change, employers</th><th>Cost change, State</th><th>Contribution change</th></tr>\n");
            List<String> gl = new ArrayList<>();
            List<long[]> persons = new ArrayList<>();
            List<long[]> contributions = new ArrayList<>();
            List<long[]> costs = new ArrayList<>();
            for (Map.Entry<String, CompareSummary.Group> g : dim.getValue().entrySet()) {
                CompareSummary.Group x = g.getValue();
                h.append("<tr><td>").append(esc(label(g.getKey()))).append("</td>");
                h.append("<td class=\"n\">").append(num(x.persons())).append("</td>");
                if (weighted) h.append("<td class=\"n\">").append(num(Weighted.rounded(x.weighted("persons")))).append("</td>");
                for (long v : new long[] {x.personsChanged(), x.betterOff(), x.worseOff(), x.payingMore(), x.payingLess()}) {
                    h.append("<td class=\"n\">").append(num(v)).append("</td>");
                }
                for (Payer payer : Payer.values()) h.append("<td class=\"n\">").append(esc(p.signedRiel(x.annualCostDelta(payer)))).append("</td>");
                h.append("<td class=\"n\">").append(esc(p.signedRiel(x.contributionDelta()))).append("</td></tr>\n");
                gl.add(label(g.getKey()));
                persons.add(new long[] {x.betterOff(), -x.worseOff()});
                contributions.add(new long[] {x.contributionDelta()});
                costs.add(new long[] {x.annualCostDelta(Payer.NSSF), x.annualCostDelta(Payer.EMPLOYER), x.annualCostDelta(Payer.STATE)});
            }
            h.append("</table>\n");
            String by = dimension(dim.getKey());
            if (persons.stream().anyMatch(v -> v[0] != 0 || v[1] != 0)) {
                h.append("<figure>").append(bars(gl, persons, new String[] {"better off", "worse off"}, new String[] {GAIN, LOSS}, HtmlReport::signed))
                        .append("<figcaption>By ").append(by).append(": persons better off (right) and worse off (left).</figcaption></figure>\n");
            }
            if (contributions.stream().anyMatch(v -> v[0] != 0)) {
                h.append("<figure>").append(bars(gl, contributions, new String[] {"contribution change"}, new String[] {NEUTRAL}, p::signedRiel))
                        .append("<figcaption>By ").append(by).append(": change of the contributions of the last 12 months.</figcaption></figure>\n");
            }
            if (costs.stream().anyMatch(v -> v[0] != 0 || v[1] != 0 || v[2] != 0)) {
                h.append("<figure>").append(bars(gl, costs, new String[] {"NSSF", "employers", "State"}, new String[] {LOSS, "#6d4c41", "#8e24aa"}, p::signedRiel))
                        .append("<figcaption>By ").append(by).append(": change of the annual benefit cost, per payer.</figcaption></figure>\n");
            }
        }

        // sample
        h.append("<h2>Sample of changes</h2>\n");
        List<CompareSummary.SampleFlip> sample = s.sample();
        if (sample.isEmpty()) {
            h.append("<p>No person's decisions or contributions change.</p>\n");
        } else {
            h.append("<p>The first ").append(sample.size()).append(" changes by person id (all of them are in <code>flips.csv</code>). Rules: <code>-ID:STATUS</code> "
                    + "judged only in the baseline, <code>+ID:STATUS</code> only with the reform. Parameters: values used, baseline → reform.</p>\n");
            h.append("<table class=\"small\">\n<tr><th>Person</th><th>Line</th><th>What</th><th>Event</th><th>Change</th><th>Outcome</th><th>Amount</th>"
                    + "<th>Value change</th><th>Rules</th><th>Parameters</th></tr>\n");
            for (CompareSummary.SampleFlip sf : sample) {
                Comparison.Flip f = sf.flip();
                boolean contribution = f.kind().equals(Comparison.Flip.CONTRIBUTIONS);
                h.append("<tr><td>").append(esc(sf.id())).append("</td><td class=\"n\">").append(sf.line()).append("</td><td>").append(label(f.scheme()))
                        .append(": ").append(contribution ? "contributions" : label(f.benefit())).append(f.provisional() ? " <em>(provisional)</em>" : "")
                        .append("</td><td>").append(f.eventDate() == null ? "" : f.eventDate().toString()).append("</td><td>").append(label(f.change().name()))
                        .append("</td><td>").append(contribution ? "" : label(str(f.baseOutcome())) + " → " + label(str(f.reformOutcome())))
                        .append("</td><td class=\"n\">").append(amount(f.baseAmount())).append(" → ").append(amount(f.reformAmount()))
                        .append(f.period() == null ? "" : " " + label(f.period().name())).append("</td><td class=\"n\">")
                        .append(f.delta() == null ? "undetermined" : signed(f.delta())).append("</td><td><code>").append(esc(f.rules()))
                        .append("</code></td><td><code>").append(esc(f.parameters())).append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }

        // definitions
        h.append("<h2>Definitions</h2>\n<dl>\n");
        h.append("<dt>Value of a decision</dt><dd>For an eligible decision with a known amount: a one-off amount counts once; a daily amount × its number "
                + "of days; a monthly amount × its days / 30 when it is paid for a number of days (the employer's maternity pay), otherwise × 12 "
                + "(a pension: its first year). Amounts are whole riel.</dd>\n");
        h.append("<dt>Annual cost</dt><dd>The sum of the values of the eligible decisions whose event (delivery, accident, sickness, death, claim) "
                + "falls in the 12 months ending on the as-of date. Benefits paid by the employer (Labour Law maternity pay) or by the State "
                + "(childbirth allowance) are shown with their payer.</dd>\n");
        h.append("<dt>Contributions of the last 12 months</dt><dd>The contribution lines of the 12 months ending with the month of the as-of date, "
                + "employer and worker shares.</dd>\n");
        h.append("<dt>Gain, loss</dt><dd>A gain: not eligible (or not covered, or no decision) in the baseline, eligible (or covered) with the reform; "
                + "a loss: the reverse. Amount up/down: eligible on both sides with a different value. Other: any other change of outcome, "
                + "or an amount the law does not fix.</dd>\n");
        h.append("</dl>\n<p class=\"foot\">Made by <code>nssf compare</code>. The rules reference and the engine are open source; every decision "
                + "can be explained person by person with <code>nssf assess</code>.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    static List<String> warnings(CompareSummary s, Reform reform) {
        List<String> w = new ArrayList<>();
        w.add("These figures come from a rules-as-code model of the NSSF rules as a public reference describes them; they are not legal advice. "
                + "For a synthetic population (made by <code>nssf population</code>) they show orders of magnitude, not forecasts.");
        long illustrative = reform.changes().stream().filter(Reform.Change::illustrative).count();
        if (illustrative > 0) {
            w.add("<strong>Illustrative values:</strong> " + illustrative + " of the reform's " + reform.changes().size()
                    + " values are assumptions for illustration, not a proposal's figures; every decision using them is marked provisional.");
        }
        if (s.provisionalFlips() > 0) {
            w.add("<strong>Provisional:</strong> " + num(s.provisionalFlips()) + " of the " + num(s.decisionFlips() + s.contributionFlips())
                    + " changes rest on at least one provisional value (uncertain in the rules reference, or illustrative in the reform).");
        }
        if (reform.structural()) {
            w.add("<strong>Structural reform:</strong> this reform adds or replaces rules (DRL code). Code runs with the rights of whoever runs it; "
                    + "its results are only as sound as that code.");
        }
        long undetermined = s.benefits().values().stream().mapToLong(b -> b.undeterminedChanges).sum();
        if (undetermined > 0) {
            w.add("<strong>Undetermined amounts:</strong> " + num(undetermined) + " changed decisions have an amount the law does not fix: "
                    + "they are counted as gains or losses but are in no cost.");
        }
        boolean pension = s.benefits().keySet().stream().anyMatch(k -> k.benefit() == Benefit.OLD_AGE_PENSION);
        if (pension) {
            w.add("<strong>Estimates:</strong> old-age pension amounts are estimates from a candidate formula (the rules reference marks the "
                    + "formula unresolved), never legal amounts.");
        }
        if (s.baseline().rejected() > 0) {
            w.add("<strong>Rejected rows:</strong> " + num(s.baseline().rejected()) + " rows of the population could not be read or assessed; "
                    + "they are in no figure of this report. <code>errors.csv</code> lists each with its line number and reason.");
        }
        return w;
    }

    /**
     * A horizontal bar chart in inline SVG, with a zero axis: positive values to the right, negative to the left.
     *
     * @param labels one per row
     * @param values per row, one value per series
     */
    static String bars(List<String> labels, List<long[]> values, String[] series, String[] colours) {
        return bars(labels, values, series, colours, HtmlReport::signed);
    }

    /** As {@link #bars(List, List, String[], String[])}, each value labelled by {@code format}. */
    static String bars(List<String> labels, List<long[]> values, String[] series, String[] colours, java.util.function.LongFunction<String> format) {
        int labelWidth = 300;
        int plot = 420;
        int barHeight = 12;
        int rowHeight = barHeight * series.length + 10;
        long max = 1;
        long min = 0;
        for (long[] v : values) {
            for (long x : v) {
                max = Math.max(max, x);
                min = Math.min(min, x);
            }
        }
        long span = max - min;
        double scale = plot / (double) span;
        int pad = min < 0 ? 150 : 0; // room for the value labels of negative bars, left of the plot
        double zero = labelWidth + pad + (-min) * scale;
        int legend = 20;
        int height = legend + rowHeight * labels.size() + 6;
        int width = labelWidth + pad + plot + 200;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" font-family=\"sans-serif\" font-size=\"11\">");
        int lx = labelWidth;
        for (int k = 0; k < series.length; k++) {
            sb.append("<rect x=\"").append(lx).append("\" y=\"4\" width=\"10\" height=\"10\" fill=\"").append(colours[k]).append("\"/>")
                    .append("<text x=\"").append(lx + 14).append("\" y=\"13\">").append(esc(series[k])).append("</text>");
            lx += 20 + 7 * series[k].length();
        }
        for (int i = 0; i < labels.size(); i++) {
            int y = legend + i * rowHeight;
            sb.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + rowHeight / 2 + 3).append("\" text-anchor=\"end\">")
                    .append(esc(truncate(labels.get(i), 48))).append("</text>");
            long[] v = values.get(i);
            for (int k = 0; k < v.length; k++) {
                double len = Math.abs(v[k]) * scale;
                double x = v[k] >= 0 ? zero : zero - len;
                int by = y + 4 + k * barHeight;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x, by, Math.max(len, 0.5),
                        barHeight - 2, colours[k]));
                double tx = v[k] >= 0 ? x + len + 3 : x - 3;
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\"%s>%s</text>", tx, by + barHeight - 3,
                        v[k] >= 0 ? "" : " text-anchor=\"end\"", esc(format.apply(v[k]))));
            }
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\"/>", zero, legend, zero, height - 2));
        sb.append("</svg>");
        return sb.toString();
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    /** The columns beside a sample's figure: its weighted estimate (when rows carry weights) and its scaled estimate. */
    private record Estimates(long sample, java.math.BigDecimal weightTotal, Presentation p) {
        /** @return the scaled estimate of a figure whose weighted value is {@code w} (its sample value {@code x} without weights) */
        Long scaled(long x, java.math.BigDecimal w) {
            return weightTotal == null ? p.scaled(x, sample) : p.scaled(w, weightTotal);
        }
    }

    private static void persons(StringBuilder h, String name, long count, java.math.BigDecimal weighted, Estimates e) {
        h.append("<tr><th>").append(esc(name)).append("</th><td class=\"n\">").append(num(count)).append(" of ").append(num(e.sample())).append("</td>");
        if (e.weightTotal() != null) {
            h.append("<td class=\"n\">≈ ").append(num(Weighted.rounded(weighted))).append(" of ").append(num(Weighted.rounded(e.weightTotal()))).append("</td>");
        }
        Long x = e.scaled(count, weighted);
        if (x != null) h.append("<td class=\"n\">≈ ").append(num(x)).append("</td>");
        h.append("</tr>\n");
    }

    private static void amount(StringBuilder h, String name, long riel, java.math.BigDecimal weighted, Estimates e) {
        Presentation p = e.p();
        h.append("<tr><th>").append(esc(name)).append("</th><td class=\"n\">").append(esc(p.signedRiel(riel))).append("</td>");
        if (e.weightTotal() != null) h.append("<td class=\"n\">≈ ").append(esc(p.signedRiel(Weighted.rounded(weighted)))).append("</td>");
        Long x = e.scaled(riel, weighted);
        if (x != null) h.append("<td class=\"n\">≈ ").append(esc(p.signedRiel(x))).append("</td>");
        h.append("</tr>\n");
    }

    private static void fact(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(esc(name)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String payer(Benefit b) {
        return switch (b) {
            case COVERAGE -> "—";
            case CHILDBIRTH_ALLOWANCE -> "State, through NSSF";
            case EMPLOYER_MATERNITY_PAY -> "employer (Labour Law)";
            default -> "NSSF";
        };
    }

    private static String dimension(String key) {
        return switch (key) {
            case "employmentStatus" -> "employment status";
            case "ageBand" -> "age on the as-of date";
            case "wageBand" -> "wage band";
            case "wageDecile" -> "wage decile";
            default -> key;
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** SOME_ENUM_NAME → "Some enum name"; other text unchanged. */
    static String label(Object o) {
        String s = String.valueOf(o);
        if (!s.matches("[A-Z][A-Z_]*")) return s;
        String t = s.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String str(Object o) {
        return o == null ? "none" : o.toString();
    }

    private static String amount(Long a) {
        return a == null ? "—" : num(a);
    }

    static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String signed(long n) {
        return n > 0 ? "+" + num(n) : num(n);
    }

    private static String signedRiel(long n) {
        return signed(n) + " riel";
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans Khmer", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #1a1a1a; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: .2em; }
            h2 { font-size: 1.25em; margin-top: 1.8em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
            h3 { font-size: 1.05em; margin-top: 1.2em; }
            p.lead { font-size: 1.05em; color: #333; }
            table { border-collapse: collapse; margin: .6em 0; }
            th, td { border: 1px solid #ccc; padding: .25em .55em; vertical-align: top; text-align: left; }
            th { background: #f2f2f2; font-weight: 600; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.facts th { width: 20em; }
            table.small { font-size: .85em; }
            code { font-size: .92em; }
            .warn { border: 1px solid #e0a800; background: #fff8e1; padding: .4em 1em; margin: 1em 0; }
            .warn ul { margin: .3em 0; padding-left: 1.3em; }
            figure { margin: .6em 0 1.2em 0; }
            figcaption { font-size: .85em; color: #555; }
            dt { font-weight: 600; margin-top: .5em; }
            .foot { margin-top: 2em; font-size: .85em; color: #555; }
            @media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; } table, figure { page-break-inside: avoid; } }
            """;
}
