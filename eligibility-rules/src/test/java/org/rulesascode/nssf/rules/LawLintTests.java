package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.rules.internal.LegalCatalogue;
import org.rulesascode.nssf.rules.internal.Messages;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.ParameterTree;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints that keep the law readable and its values in one place: messages take parameter values as arguments, never
 * as literals; a value's source is not dated after the value unless the value says why.
 */
class LawLintTests {
    static final ParameterTree TREE = RuleSet.standard().parameters();
    static final LegalCatalogue CATALOGUE = LegalCatalogue.load();

    /** A number followed by a unit word (English or Khmer), or a percentage, or an ISO date. */
    static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\w.{:/-])(\\d[\\d,]*(?:\\.\\d+)?)\\s*(days?|months?|years?|weeks?|%|KHR|riels?|ថ្ងៃ|ខែ|ឆ្នាំ|សប្តាហ៍|រៀល)(?![\\w])");
    static final Pattern ISO_DATE = Pattern.compile("(?<![\\w{:-])(\\d{4}-\\d{2}-\\d{2})(?![\\w}-])");

    /**
     * Literals in messages that look like a parameter's value but are not one, by message key, each with why.
     * An entry that goes stale fails the test.
     */
    static final Map<String, String> ALLOWED = Map.of(
            "OR-TD-10 12 months", "the window of the temporary-disability maximum is not a parameter: the engine does not count days across incapacities",
            "OR-TD-10 12 ខែ", "the same window, in Khmer");

    @Test
    void noMessageHardCodesAParametersValue() {
        Map<String, Set<String>> valuesByUnit = new TreeMap<>();
        Set<String> dates = new TreeSet<>();
        for (Parameter p : TREE.all().values()) {
            for (Parameter.Entry e : p.entries()) {
                dates.add(e.from().toString());
                if (e.value() instanceof LocalDate d) dates.add(d.toString());
                if (e.value() instanceof BigDecimal d) {
                    String unit = switch (p.unit()) {
                        case "rate" -> "%";
                        case "day", "month", "year", "week", "KHR" -> p.unit();
                        default -> null;
                    };
                    if (unit == null) continue;
                    BigDecimal shown = "rate".equals(p.unit()) ? d.movePointRight(2) : d;
                    valuesByUnit.computeIfAbsent(unit, k -> new TreeSet<>()).add(shown.stripTrailingZeros().toPlainString());
                }
            }
        }
        assertThat(valuesByUnit).as("the scanner sees parameter values").containsKeys("day", "month", "%", "KHR");
        Messages m = Messages.load();
        List<String> found = new ArrayList<>();
        Set<String> allowedSeen = new TreeSet<>();
        for (Properties bundle : List.of(m.english(), m.khmer())) {
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                String text = bundle.getProperty(key);
                for (String hit : hardCoded(text, valuesByUnit, dates)) {
                    String id = key + " " + hit;
                    if (ALLOWED.containsKey(id)) allowedSeen.add(id); else found.add(id + "   in: " + text);
                }
            }
        }
        assertThat(found).as("messages that write a parameter's value: pass it as {p:id} (or {start:id}, {next:id}) instead").isEmpty();
        assertThat(allowedSeen).as("allowed literals that are gone: remove them from ALLOWED").isEqualTo(ALLOWED.keySet());
    }

    @Test
    void theHardCodedValueScannerFindsValuesWithTheirUnitAndDates() {
        Map<String, Set<String>> values = Map.of("day", Set.of("90"), "%", Set.of("70"), "KHR", Set.of("15600"));
        assertThat(hardCoded("the 90 days of leave; 70 % of the wage; 15,600 KHR; from 2018-01-01", values, Set.of("2018-01-01")))
                .containsExactly("90 days", "70 %", "15,600 KHR", "2018-01-01");
        assertThat(hardCoded("សិទ្ធិឈប់សម្រាក 90 ថ្ងៃ", values, Set.of())).containsExactly("90 ថ្ងៃ");
        assertThat(hardCoded("{p:x} days; Sub-decree 280; 90 workers; {start:x}; 2017", values, Set.of("2018-01-01"))).isEmpty();
    }

    /** @return the quantities and dates in {@code text} that equal a parameter value of the same unit */
    static List<String> hardCoded(String text, Map<String, Set<String>> valuesByUnit, Set<String> dates) {
        List<String> out = new ArrayList<>();
        Matcher q = QUANTITY.matcher(text);
        while (q.find()) {
            String number = new BigDecimal(q.group(1).replace(",", "")).stripTrailingZeros().toPlainString();
            String unit = switch (q.group(2)) {
                case "day", "days", "ថ្ងៃ" -> "day";
                case "month", "months", "ខែ" -> "month";
                case "year", "years", "ឆ្នាំ" -> "year";
                case "week", "weeks", "សប្តាហ៍" -> "week";
                case "%" -> "%";
                default -> "KHR";
            };
            if (valuesByUnit.getOrDefault(unit, Set.of()).contains(number)) out.add(q.group().trim());
        }
        Matcher d = ISO_DATE.matcher(text);
        while (d.find()) if (dates.contains(d.group(1))) out.add(d.group(1));
        return out;
    }

    @Test
    void noValueCitesAnInstrumentDatedAfterIt_unlessItSaysWhy() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Parameter p : TREE.all().values()) {
            for (Parameter.Entry e : p.entries()) {
                LegalCatalogue.Instrument i = CATALOGUE.instruments().get(e.source().instrument());
                if (i.date() == null) continue;
                checked++;
                boolean after = LocalDate.parse(i.date()).isAfter(e.from());
                boolean reason = e.citationAfterDateReason() != null && !e.citationAfterDateReason().isBlank();
                if (after && !reason) {
                    problems.add(p.id() + " " + e.from() + " cites " + i.id() + " of " + i.date()
                            + ": cite a source of that date or earlier, or say why in citation_after_date_reason");
                }
                if (!after && reason) {
                    problems.add(p.id() + " " + e.from() + " gives a citation_after_date_reason, but " + i.id() + " (" + i.date() + ") is not dated after it");
                }
            }
        }
        assertThat(checked).as("values whose source has a date").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }
}
