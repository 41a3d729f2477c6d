package org.rulesascode.nssf.rules;

import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.rules.internal.LegalCatalogue;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.ParameterTree;
import org.rulesascode.nssf.rules.internal.RuleSet;
import org.rulesascode.nssf.rules.internal.Scale;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code docs/law.md}: every parameter of the rule base with its values by date, the source of each value
 * (title, date, link), its confidence and why; what is provisional and why; and the legal-source catalogue. The text
 * is generated from {@code parameters/} and {@code legal-sources/} only, so the document says nothing they do not.
 *
 * <p>Regenerate with {@code mvn -B -o -pl eligibility-rules -am test -Dtest=LawDocumentTests -Dlaw.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}, or run {@link #main} from the module directory.
 */
final class LawDocument {
    static final Path FILE = Path.of("..", "docs", "law.md");
    static final String REGENERATE = "mvn -B -o -pl eligibility-rules -am test -Dtest=LawDocumentTests -Dlaw.write=true -Dsurefire.failIfNoSpecifiedTests=false";

    private LawDocument() { }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, render(RuleSet.standard().parameters(), LegalCatalogue.load()), StandardCharsets.UTF_8);
    }

    static String render(ParameterTree tree, LegalCatalogue catalogue) {
        StringBuilder out = new StringBuilder(256 * 1024);
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (Parameter p : tree.all().values()) {
            for (Parameter.Entry e : p.entries()) usedBy.computeIfAbsent(e.source().instrument(), k -> new TreeSet<>()).add(p.id());
        }
        out.append("# The law as encoded\n\n")
                .append("<!-- Generated from eligibility-rules/src/main/resources/parameters and legal-sources by LawDocument. Do not edit: change the YAML, then run\n     ")
                .append(REGENERATE).append(" -->\n\n")
                .append("Every number and date the rule base uses is a dated parameter: a value holds from its date until the next one; a date\n")
                .append("before the first value means \"not in force\"; \"none\" ends the parameter (not in force, or no value known: the note says\n")
                .append("which). Each value names its source and how sure it is:\n\n")
                .append("- **confirmed**: two or more independent sources agree, or one primary or official text says it;\n")
                .append("- **secondary**: a single source of lower authority (a payroll vendor, an aggregator, a press item), plausible but unchecked;\n")
                .append("- **provisional**: a conflict, an assumption or an inference; every decision that uses such a value says `provisional`\n")
                .append("  and names the parameter.\n\n")
                .append("A source dated after the value it supports is allowed only with a reason, shown as \"source later than the value\".\n\n");
        int params = tree.all().size();
        int values = 0;
        int provisional = 0;
        for (Parameter p : tree.all().values()) {
            values += p.entries().size();
            for (Parameter.Entry e : p.entries()) if (e.confidence() == Confidence.PROVISIONAL) provisional++;
        }
        out.append(params).append(" parameters, ").append(values).append(" dated values (").append(provisional)
                .append(" provisional), ").append(catalogue.instruments().size()).append(" legal sources.\n\n");

        out.append("## Contents\n\n");
        String group = null;
        for (Parameter p : tree.all().values()) {
            String g = p.id().substring(0, p.id().indexOf('.'));
            if (!g.equals(group)) {
                out.append("- [").append(g).append("](#").append(g.replace('_', '-')).append(")\n");
                group = g;
            }
        }
        out.append("- [What is provisional and why](#what-is-provisional-and-why)\n- [Legal sources](#legal-sources)\n\n");

        group = null;
        for (Parameter p : tree.all().values()) {
            String g = p.id().substring(0, p.id().indexOf('.'));
            if (!g.equals(group)) {
                out.append("## ").append(g).append("\n\n");
                group = g;
            }
            out.append("### `").append(p.id()).append("`\n\n").append(cell(p.description())).append(" Unit: ").append(p.unit()).append(".\n\n");
            out.append("| From | Value | Confidence | Source | Why |\n|---|---|---|---|---|\n");
            for (Parameter.Entry e : p.entries()) {
                out.append("| ").append(e.from()).append(" | ").append(value(p, e)).append(" | ").append(e.confidence().name().toLowerCase(Locale.ROOT))
                        .append(" | ").append(source(catalogue, e.source().instrument(), e.source().article())).append(" | ")
                        .append(cell(e.note() == null ? "" : e.note()));
                if (e.citationAfterDateReason() != null) out.append(" *Source later than the value:* ").append(cell(e.citationAfterDateReason()));
                out.append(" |\n");
            }
            out.append('\n');
        }

        out.append("## What is provisional and why\n\n");
        for (Parameter p : tree.all().values()) {
            for (Parameter.Entry e : p.entries()) {
                if (e.confidence() != Confidence.PROVISIONAL) continue;
                out.append("- `").append(p.id()).append("` from ").append(e.from()).append(" (").append(value(p, e)).append("): ")
                        .append(cell(e.note() == null ? "" : e.note())).append('\n');
            }
        }
        out.append('\n');

        out.append("## Legal sources\n\n| Id | Title | Khmer title | Number | Date | In force | Link | Used by |\n|---|---|---|---|---|---|---|---|\n");
        for (LegalCatalogue.Instrument i : new TreeMap<>(catalogue.instruments()).values()) {
            out.append("| `").append(i.id()).append("` | ").append(cell(i.title())).append(" | ").append(i.titleKm() == null ? "" : cell(i.titleKm()))
                    .append(" | ").append(i.number() == null ? "" : cell(i.number())).append(" | ").append(i.date() == null ? "not known" : i.date())
                    .append(" | ").append(i.inForce() == null ? "" : i.inForce()).append(" | ")
                    .append(i.url() == null ? "" : "[link](" + i.url() + ")").append(" | ")
                    .append(String.join(", ", usedBy.getOrDefault(i.id(), Set.of()).stream().map(s -> "`" + s + "`").toList()))
                    .append(" |\n");
        }
        out.append('\n');
        for (LegalCatalogue.Instrument i : new TreeMap<>(catalogue.instruments()).values()) {
            if (i.notes() == null) continue;
            out.append("- `").append(i.id()).append("`: ").append(cell(i.notes())).append('\n');
        }
        return out.toString();
    }

    static String source(LegalCatalogue catalogue, String id, String article) {
        LegalCatalogue.Instrument i = catalogue.instruments().get(id);
        String title = cell(i.title()) + (article == null || article.isEmpty() ? "" : ", " + article);
        String linked = i.url() == null ? title : "[" + title + "](" + i.url() + ")";
        return linked + " (" + (i.date() == null ? "date not known" : i.date()) + ")";
    }

    static String value(Parameter p, Parameter.Entry e) {
        Object v = e.value();
        if (v == null) return "none";
        if (v instanceof BigDecimal d) {
            return switch (p.unit()) {
                case "rate" -> d.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
                case "KHR" -> number(d) + " KHR";
                case "USD" -> "US$" + d.stripTrailingZeros().toPlainString();
                default -> d.stripTrailingZeros().toPlainString() + ("count".equals(p.unit()) ? "" : " " + p.unit() + (d.compareTo(BigDecimal.ONE) == 0 ? "" : "s"));
            };
        }
        if (v instanceof Scale s) {
            List<String> parts = new ArrayList<>();
            for (Scale.Bracket b : s.brackets()) {
                parts.add(b.upTo() == null ? "above: " + number(BigDecimal.valueOf(b.value())) : "up to " + number(BigDecimal.valueOf(b.upTo())) + ": " + number(BigDecimal.valueOf(b.value())));
            }
            return String.join("; ", parts);
        }
        return v.toString();
    }

    static String number(BigDecimal d) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(d);
    }

    static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ").strip();
    }
}
