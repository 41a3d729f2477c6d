package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.rules.internal.LegalCatalogue;
import org.rulesascode.nssf.rules.internal.Messages;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.ParameterTree;
import org.rulesascode.nssf.rules.internal.Params;
import org.rulesascode.nssf.rules.internal.ResourceFiles;
import org.rulesascode.nssf.rules.internal.RuleBase;
import org.rulesascode.nssf.rules.internal.RuleBaseException;
import org.rulesascode.nssf.rules.internal.RuleInfo;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lint of the rule base's own files: DRL, messages, parameters and legal sources (design.md §3, §5). */
class RuleBaseLintTests {
    static final Map<String, String> DRL = RuleBase.standardDrl();
    static final Map<String, String> PARAMETER_FILES = ResourceFiles.read("parameters", ".yaml");
    static final Map<String, String> SOURCE_FILES = ResourceFiles.read("legal-sources", ".yaml");
    static final LegalCatalogue CATALOGUE = LegalCatalogue.parse(SOURCE_FILES);
    static final Pattern ID = Pattern.compile("@id\\(\"([^\"]*)\"\\)");
    static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]*)\"");
    static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_$.])\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[lLdDfFbBiI]*(?![A-Za-z0-9_])");
    static final List<String> METADATA = List.of("id", "scheme", "benefit", "cites", "params");

    // ------------------------------------------------------------------ rules

    @Test
    void everyRuleHasIdSchemeBenefitCitesAndParams_thatResolve() {
        ParameterTree tree = RuleSet.standard().parameters();
        List<String> problems = new ArrayList<>();
        int rules = 0;
        for (KiePackage pkg : RuleSet.standard().rules().kieBase().getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                rules++;
                String where = pkg.getName() + " '" + r.getName() + "'";
                Map<String, Object> md = r.getMetaData();
                for (String key : METADATA) {
                    Object v = md.get(key);
                    if (v == null || v.toString().isBlank()) problems.add(where + ": @" + key + " is missing");
                }
                Object id = md.get("id");
                if (id != null && !r.getName().startsWith(id + " ")) problems.add(where + ": the name does not start with its @id " + id);
                Object scheme = md.get("scheme");
                if (scheme != null && !"ALL".equals(scheme.toString())
                        && Arrays.stream(Scheme.values()).noneMatch(s -> s.name().equals(scheme.toString()))) {
                    problems.add(where + ": @scheme " + scheme + " is not ALL or a Scheme");
                }
                Object benefit = md.get("benefit");
                if (benefit != null && Arrays.stream(Benefit.values()).noneMatch(b -> b.name().equals(benefit.toString()))) {
                    problems.add(where + ": @benefit " + benefit + " is not a Benefit");
                }
                Object cites = md.get("cites");
                if (cites != null) {
                    for (String ref : cites.toString().split(",")) {
                        try {
                            CATALOGUE.cite(ref.trim(), where);
                        } catch (RuleBaseException e) {
                            problems.add(e.getMessage());
                        }
                    }
                }
                Object params = md.get("params");
                if (params != null) {
                    for (String p : params.toString().split(",")) {
                        if (!tree.contains(p.trim())) problems.add(where + ": @params names '" + p.trim() + "', not in parameters/");
                    }
                }
            }
        }
        assertThat(rules).as("rules in the KieBase").isEqualTo(RuleSet.standard().rules().rules().size()).isPositive();
        assertThat(problems).isEmpty();
    }

    @Test
    void ruleIdsAreUniqueAcrossAllDrlFiles_andEveryRuleDeclaresOne() {
        Map<String, List<String>> where = new TreeMap<>();
        int declared = 0;
        for (Map.Entry<String, String> f : DRL.entrySet()) {
            Matcher m = ID.matcher(f.getValue());
            while (m.find()) where.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(f.getKey());
            Matcher r = RULE.matcher(f.getValue());
            while (r.find()) declared++;
        }
        Map<String, List<String>> duplicates = new TreeMap<>();
        where.forEach((id, files) -> { if (files.size() > 1) duplicates.put(id, files); });
        assertThat(duplicates).as("rule ids declared more than once").isEmpty();
        assertThat(where).as("one @id per rule").hasSize(declared);
        assertThat(where.keySet()).isEqualTo(RuleSet.standard().rules().rules().keySet());
    }

    @Test
    void everyRuleStartsWithACommentQuotingItsProvision() {
        List<String> problems = new ArrayList<>();
        DRL.forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (!RULE.matcher(lines[i]).find()) continue;
                if (i == 0 || !lines[i - 1].trim().startsWith("//")) problems.add(file + ":" + (i + 1) + " " + lines[i].trim());
            }
        });
        assertThat(problems).as("rules without a comment on the line before").isEmpty();
    }

    @Test
    void everyRuleIdHasAnEnglishMessage_andEveryMessageKeyNamesARule() {
        Messages messages = RuleSet.standard().messages();
        Set<String> ids = RuleSet.standard().rules().rules().keySet();
        List<String> missing = ids.stream().filter(id -> !messages.has(id)).toList();
        assertThat(missing).as("rule ids without a key in messages/en.properties").isEmpty();
        List<String> orphans = new ArrayList<>();
        for (String key : messages.english().stringPropertyNames()) {
            if (StepMessagesTests.isTextKey(key)) continue; // calculation texts, not rule messages: see StepMessagesTests
            String id = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            String suffix = key.contains(".") ? key.substring(key.indexOf('.') + 1) : "";
            if (!ids.contains(id) || !Set.of("", "distance", "unknown", "not_met").contains(suffix)) orphans.add(key);
        }
        assertThat(orphans).as("message keys that name no rule (or an unknown suffix)").isEmpty();
    }

    /**
     * Known numeric literals in DRL code, by file and trimmed code line, each with why it is not a legal number.
     * Empty today; an entry that goes stale fails the test.
     */
    static final Map<String, String> ALLOWED_LITERALS = Map.of();

    @Test
    void noDrlFileHasANumericLiteralOutsideCommentsAndTheRuleNameAndMetadataLines() {
        List<String> found = new ArrayList<>();
        Set<String> allowedSeen = new TreeSet<>();
        DRL.forEach((file, text) -> {
            String[] lines = stripComments(text).split("\n", -1);
            for (String hit : numericLiterals(file, text)) {
                int line = Integer.parseInt(hit.substring(file.length() + 1, hit.indexOf(':', file.length() + 1)));
                String key = file + ": " + lines[line - 1].trim();
                if (ALLOWED_LITERALS.containsKey(key)) allowedSeen.add(key); else found.add(hit + "   in: " + lines[line - 1].trim());
            }
        });
        assertThat(found).as("numeric literals in DRL code: legal numbers live in parameters/").isEmpty();
        assertThat(allowedSeen).as("allowed literals that are gone: remove them from ALLOWED_LITERALS").isEqualTo(ALLOWED_LITERALS.keySet());
    }

    @Test
    void theNumericLiteralScannerFindsLiteralsInCodeOnly() {
        String drl = """
                package x; // 12 in a comment
                /* 0.008
                   60 */
                rule "OR-COV-01 A rule named with 2 numbers"
                    @id("OR-COV-01") @cites("prakas-449-2017:art. 5")
                when
                    $c : CoverageFact(age >= 60, params.x1 != null, wage > 1_000)
                then
                    insert(Finding.note(kcontext, $c, "s", 0.5));
                end
                """;
        assertThat(numericLiterals("t.drl", drl)).containsExactly("t.drl:7: 60", "t.drl:7: 1_000", "t.drl:9: 0.5");
    }

    /** @return "file:line: literal" for every numeric literal in code (not comments, rule-name, metadata, package or import lines) */
    static List<String> numericLiterals(String file, String text) {
        String[] lines = stripComments(text).split("\n", -1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            if (t.startsWith("rule ") || t.startsWith("@") || t.startsWith("package ") || t.startsWith("import ")) continue;
            Matcher m = NUMBER.matcher(t);
            while (m.find()) out.add(file + ":" + (i + 1) + ": " + m.group());
        }
        return out;
    }

    /** @return the text with // and block comments removed, line breaks kept, string literals untouched */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean block = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char n = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (block) {
                if (c == '*' && n == '/') { block = false; i++; } else if (c == '\n') out.append('\n');
                continue;
            }
            if (quote != 0) {
                out.append(c);
                if (c == '\\' && n != 0) { out.append(n); i++; } else if (c == quote) quote = 0;
                continue;
            }
            if (c == '/' && n == '/') {
                while (i + 1 < text.length() && text.charAt(i + 1) != '\n') i++;
                continue;
            }
            if (c == '/' && n == '*') { block = true; i++; continue; }
            if (c == '"' || c == '\'') quote = c;
            out.append(c);
        }
        return out.toString();
    }

    @Test
    void noDrlUsesTheClockSalienceAgendaGroupsOrPrinting() {
        List<String> found = new ArrayList<>();
        Pattern banned = Pattern.compile("date-effective|date-expires|salience|agenda-group|activation-group|ruleflow-group|System\\.(out|err)|new java\\.util\\.Date|LocalDate\\.now|currentTimeMillis");
        DRL.forEach((file, text) -> {
            String[] lines = stripComments(text).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = banned.matcher(lines[i]);
                if (m.find()) found.add(file + ":" + (i + 1) + ": " + m.group());
            }
        });
        assertThat(found).as("design.md §3: no wall clock, no salience/agenda groups, no printing in DRL").isEmpty();
    }

    // ------------------------------------------------------------------ parameters

    @Test
    void everyParameterFileParses_itsDatesIncrease_andEverySourceResolves() {
        List<String> problems = new ArrayList<>();
        PARAMETER_FILES.forEach((path, text) -> {
            try {
                ParameterTree one = ParameterTree.parse(Map.of(path, text), CATALOGUE);
                Parameter p = one.all().values().iterator().next();
                if (p.entries().isEmpty()) problems.add(path + ": no values");
                for (int i = 1; i < p.entries().size(); i++) {
                    if (!p.entries().get(i).from().isAfter(p.entries().get(i - 1).from())) {
                        problems.add(path + ": " + p.entries().get(i).from() + " is not after " + p.entries().get(i - 1).from());
                    }
                }
                for (Parameter.Entry e : p.entries()) {
                    Citation s = e.source();
                    if (s == null) { problems.add(path + " " + e.from() + ": no source"); continue; }
                    try {
                        CATALOGUE.cite(s.instrument(), s.article(), path + " " + e.from());
                    } catch (RuleBaseException ex) {
                        problems.add(ex.getMessage());
                    }
                    if (e.confidence() == null) problems.add(path + " " + e.from() + ": no confidence");
                    if (e.note() == null || e.note().isBlank()) problems.add(path + " " + e.from() + ": no note saying where in the reference the value comes from");
                }
            } catch (RuntimeException e) {
                problems.add(path + ": " + e.getMessage());
            }
        });
        assertThat(problems).isEmpty();
        assertThat(RuleSet.standard().parameters().all()).hasSize(PARAMETER_FILES.size());
    }

    @Test
    void everyParameterTheEngineReadsExists() throws IllegalAccessException {
        ParameterTree tree = RuleSet.standard().parameters();
        List<String> missing = new ArrayList<>();
        for (Field f : Params.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String id = (String) f.get(null);
                if (!tree.contains(id)) missing.add(f.getName() + " = " + id);
            }
        }
        assertThat(missing).as("Params constants naming no parameter file").isEmpty();
    }

    @Test
    void everyLegalSourceIsCitedBySomeParameterOrRule() {
        Map<String, Set<String>> citedBy = new TreeMap<>();
        for (Parameter p : RuleSet.standard().parameters().all().values()) {
            for (Parameter.Entry e : p.entries()) citedBy.computeIfAbsent(e.source().instrument(), k -> new TreeSet<>()).add(p.id());
        }
        for (RuleInfo r : RuleSet.standard().rules().rules().values()) {
            for (Citation c : r.citations()) citedBy.computeIfAbsent(c.instrument(), k -> new TreeSet<>()).add(r.id());
        }
        Set<String> unused = new TreeSet<>(CATALOGUE.instruments().keySet());
        unused.removeAll(citedBy.keySet());
        System.out.println("legal sources cited by no parameter and no rule (" + unused.size() + " of "
                + CATALOGUE.instruments().size() + "), kept for the benefit rules to come: " + unused);
        // The minimum-wage press sources exist only for parameters/minimum_wage: each must be used there.
        List<String> unusedPress = unused.stream().filter(id -> id.startsWith("mw-")).toList();
        assertThat(unusedPress).as("minimum-wage sources not cited by parameters/minimum_wage").isEmpty();
        assertThat(citedBy.keySet()).as("every cited instrument is in the catalogue").isSubsetOf(CATALOGUE.instruments().keySet());
    }

    // ------------------------------------------------------------------ broken parameter files

    static final String GOOD = """
            description: "A test rate."
            unit: rate
            values:
              2020-01-01:
                value: 0.01
                source: {instrument: sub-decree-32-2021, article: ""}
                confidence: confirmed
                note: "test"
              2021-01-01:
                value: 0.02
                source: {instrument: sub-decree-32-2021, article: "art. 2"}
                confidence: confirmed
                note: "test"
            """;

    @Test
    void aWellFormedTestFileParses() {
        ParameterTree t = ParameterTree.parse(Map.of("test/rate.yaml", GOOD), CATALOGUE);
        assertThat(t.get("test.rate").entries()).hasSize(2);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("unordered dates", GOOD.replace("2021-01-01:", "2019-01-01:"), "values.2019-01-01", "dates must increase"),
                Arguments.of("repeated date", GOOD.replace("2021-01-01:", "2020-01-01:"), "parameters/test/rate.yaml", "uplicate"),
                Arguments.of("unknown unit", GOOD.replace("unit: rate", "unit: percent"), "[unit]", "percent"),
                Arguments.of("missing source", GOOD.replace("    source: {instrument: sub-decree-32-2021, article: \"art. 2\"}\n", ""),
                        "values.2021-01-01.source", "is missing"),
                Arguments.of("unknown instrument", GOOD.replace("sub-decree-32-2021, article: \"art. 2\"", "prakas-999-2099, article: \"\""),
                        "values.2021-01-01.source", "prakas-999-2099"),
                Arguments.of("unknown article", GOOD.replace("\"art. 2\"", "\"art. 99\""), "values.2021-01-01.source", "art. 99"),
                Arguments.of("rate above 1", GOOD.replace("value: 0.02", "value: 2"), "values.2021-01-01.value", "at most 1"),
                Arguments.of("not a date", GOOD.replace("2021-01-01:", "2021-13-01:"), "values.2021-13-01", "ISO date"),
                Arguments.of("unknown confidence", GOOD.replace("confidence: confirmed\n    note: \"test\"\n  2021", "confidence: sure\n    note: \"test\"\n  2021"),
                        "values.2020-01-01.confidence", "sure"),
                Arguments.of("unknown key", GOOD.replace("unit: rate", "unit: rate\nowner: me"), "[owner]", "unknown key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenParameterFileFailsNamingTheFileAndTheKey(String kind, String yaml, String key, String detail) {
        assertThat(yaml).as("the test changed the file").isNotEqualTo(GOOD);
        assertThatThrownBy(() -> ParameterTree.parse(Map.of("test/rate.yaml", yaml), CATALOGUE))
                .as(kind)
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("parameters/test/rate.yaml")
                .hasMessageContaining(key)
                .hasMessageContaining(detail);
    }

    @Test
    void aBrokenFileAmongGoodOnesIsNamed() {
        Map<String, String> files = new LinkedHashMap<>(PARAMETER_FILES);
        files.put("pension/contribution/worker_rate.yaml", files.get("pension/contribution/worker_rate.yaml").replace("2027-10-01:", "2021-10-01:"));
        assertThatThrownBy(() -> ParameterTree.parse(files, CATALOGUE))
                .isInstanceOf(RuleBaseException.class)
                .hasMessageContaining("parameters/pension/contribution/worker_rate.yaml")
                .hasMessageContaining("values.2021-10-01");
    }
}
