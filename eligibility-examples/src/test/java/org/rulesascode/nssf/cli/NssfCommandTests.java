package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rulesascode.nssf.eligibility.EligibilityEngine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** The {@code nssf} command run in-process: exit codes, the one-line errors, and the numbers it prints. */
class NssfCommandTests {

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        return run(EligibilityEngine::standard, args);
    }

    static Run run(Supplier<EligibilityEngine> engine, String... args) {
        CommandLine cl = Nssf.commandLine(engine, false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Asserts exit 2 and exactly one line {@code nssf: <field>: ...} on stderr, nothing on stdout. */
    static void assertUserError(Run r, String field) {
        assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.errLines()).as("stderr").hasSize(1);
        assertThat(r.errLines().get(0)).startsWith("nssf: " + field + ": ");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    // ---- a valid profile and broken variants ----------------------------------------------------------------

    static final String PROFILE = """
            {"id": "t1", "birthDate": "1996-03-14", "sex": "FEMALE", "employmentStatus": "EMPLOYEE", "sector": "GARMENT",
             "wage": {"amount": 208, "currency": "USD", "exchangeRate": 4100}, "employmentStart": "2022-01-10",
             "enterpriseWorkers": 850,
             "history": [{"from": "2022-01", "to": "2025-05", "declaredWage": {"amount": 852800, "currency": "KHR"},
                          "paid": true, "schemes": [], "enterpriseWorkers": 850, "employerId": "F-001"}],
             "events": [], "dependants": []}
            """;

    @TempDir
    Path dir;

    Path file(String json) throws IOException {
        Path f = Files.createTempFile(dir, "profile", ".json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    Run assess(String json, String... more) throws IOException {
        String[] args = Stream.concat(Stream.of("assess", "--as-of", "2025-06-30", file(json).toString()), Stream.of(more)).toArray(String[]::new);
        return run(args);
    }

    @Test
    void assess_validProfile_printsAssessmentJson() throws IOException {
        Run r = assess(PROFILE);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode a = json(r.out());
        assertThat(a.get("profileId").asText()).isEqualTo("t1");
        assertThat(a.get("decisions")).isNotEmpty();
        assertThat(a.get("contributions")).isNotEmpty();
    }

    @Test
    void assess_malformedJson_namesTheDocument() throws IOException {
        assertUserError(assess("{\"id\": \"t1\", \"birthDate\": "), "$");
    }

    @Test
    void assess_unknownField_namesIt() throws IOException {
        assertUserError(assess(PROFILE.replace("\"sector\"", "\"nickname\": \"Sokha\", \"sector\"")), "$.nickname");
    }

    @Test
    void assess_wrongType_namesTheField() throws IOException {
        assertUserError(assess(PROFILE.replace("\"enterpriseWorkers\": 850,\n", "\"enterpriseWorkers\": \"many\",\n")), "$.enterpriseWorkers");
    }

    @Test
    void assess_negativeWage_namesTheAmount() throws IOException {
        assertUserError(assess(PROFILE.replace("\"amount\": 852800", "\"amount\": -852800")), "$.history[0].declaredWage.amount");
    }

    @Test
    void assess_impossibleDate_namesTheField() throws IOException {
        assertUserError(assess(PROFILE.replace("1996-03-14", "1996-02-30")), "$.birthDate");
    }

    @Test
    void assess_unknownEnumValue_namesTheField() throws IOException {
        Run r = assess(PROFILE.replace("\"GARMENT\"", "\"TEXTILES\""));
        assertUserError(r, "$.sector");
        assertThat(r.err()).contains("GARMENT", "FOOTWEAR");
    }

    @Test
    void assess_monthBefore2008_namesTheMonth() throws IOException {
        assertUserError(assess(PROFILE.replace("\"from\": \"2022-01\"", "\"from\": \"2007-12\"")), "$.history[0].from");
    }

    @Test
    void assess_monthAfter2060_namesTheMonth() throws IOException {
        assertUserError(assess(PROFILE.replace("\"to\": \"2025-05\"", "\"to\": \"2061-01\"")), "$.history[0].to");
    }

    @Test
    void assess_usdWithoutExchangeRate_namesTheRate() throws IOException {
        assertUserError(assess(PROFILE.replace(", \"exchangeRate\": 4100", "")), "$.wage.exchangeRate");
    }

    @Test
    void assess_missingFile_namesTheProfile() {
        Run r = run("assess", "--as-of", "2025-06-30", dir.resolve("no-such-profile.json").toString());
        assertUserError(r, "profile");
        assertThat(r.err()).contains("no-such-profile.json", "does not exist");
    }

    @Test
    void assess_directoryInsteadOfFile_namesTheProfile() {
        assertUserError(run("assess", "--as-of", "2025-06-30", dir.toString()), "profile");
    }

    @Test
    void assess_asOfAfter2060_namesTheOption() throws IOException {
        assertUserError(run("assess", "--as-of", "2061-01-01", file(PROFILE).toString()), "--as-of");
    }

    @Test
    void assess_impossibleAsOfDate_namesTheOption() throws IOException {
        Run r = run("assess", "--as-of", "2025-02-30", file(PROFILE).toString());
        assertUserError(r, "--as-of");
        assertThat(r.err()).contains("'2025-02-30' is not a calendar date");
    }

    @Test
    void assess_missingAsOf_namesTheOption() throws IOException {
        assertUserError(run("assess", file(PROFILE).toString()), "--as-of");
    }

    @Test
    void assess_unknownFormat_listsTheFormats() throws IOException {
        Run r = run("assess", "--as-of", "2025-06-30", "--format", "xml", file(PROFILE).toString());
        assertUserError(r, "--format");
        assertThat(r.err()).endsWith("(allowed: json, text, html)" + System.lineSeparator());
    }

    @Test
    void assess_unknownScheme_listsTheSchemes() throws IOException {
        Run r = run("assess", "--as-of", "2025-06-30", "--schemes", "PENSION,DENTAL", file(PROFILE).toString());
        assertUserError(r, "--schemes");
        assertThat(r.err()).contains("'DENTAL'", "OCCUPATIONAL_RISK");
    }

    @Test
    void assess_textFormat_printsALetter() throws IOException {
        Run r = assess(PROFILE, "--format", "text", "--detail");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("NSSF assessment", "Profile:   t1", "As of:     2025-06-30", "Rule set:", "[MET]",
                "Contributions", "2022-01 … 2025-05 (41 months)", "KHR");
    }

    @Test
    void assess_onlySomeSchemes_decidesOnlyThose() throws IOException {
        Run r = assess(PROFILE, "--schemes", "PENSION,HEALTH_CARE");
        assertThat(r.code()).as(r.err()).isZero();
        for (JsonNode d : json(r.out()).get("decisions")) {
            assertThat(d.get("scheme").asText()).isIn("PENSION", "HEALTH_CARE");
        }
    }

    @Test
    void assess_khmer_runs() throws IOException {
        Run r = assess(PROFILE, "--format", "text", "--lang", "km");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("NSSF assessment");
    }

    /**
     * The calculation steps of a Khmer letter are in Khmer: once the language-neutral tokens are removed (amounts and
     * numbers, the currency code KHR, dates), no Latin letter is left in them; the same check finds English in the
     * English letter.
     */
    @Test
    void assess_khmerMaternityLetter_hasNoEnglishInItsCalculationSteps() throws IOException {
        String mother = PROFILE.replace("\"events\": []",
                "\"events\": [{\"type\": \"CHILDBIRTH\", \"date\": \"2025-06-02\", \"babies\": 1, \"pregnancyWeeks\": 39, \"notifiedOn\": \"2025-02-01\"}]");
        Run km = assess(mother, "--format", "text", "--lang", "km", "--detail");
        Run en = assess(mother, "--format", "text", "--detail");
        assertThat(km.code()).as(km.err()).isZero();
        List<String> kmSteps = calculationBlocks(km.out(), "របៀបគណនាទឹកប្រាក់៖");
        List<String> enSteps = calculationBlocks(en.out(), "How the amount was calculated:");
        assertThat(kmSteps).as("calculation sections of the Khmer letter").hasSize(3); // maternity, employer's pay, childbirth allowance
        assertThat(enSteps).hasSize(3);
        for (String block : kmSteps) assertThat(latinWords(block)).as("English words in: %s", block).isEmpty();
        for (String block : enSteps) assertThat(latinWords(block)).as("the check finds English in: %s", block).isNotEmpty();
    }

    /** @return the text of each "How the amount was calculated" section of a letter (the lines after the label up to a blank line) */
    static List<String> calculationBlocks(String letter, String label) {
        List<String> out = new java.util.ArrayList<>();
        List<String> lines = letter.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals(label)) continue;
            StringBuilder b = new StringBuilder();
            for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) b.append(lines.get(j).strip()).append(' ');
            out.add(b.toString());
        }
        return out;
    }

    /** @return the Latin words left once amounts, numbers, dates and the currency code KHR are removed */
    static List<String> latinWords(String s) {
        return java.util.regex.Pattern.compile("[A-Za-z]+").matcher(s.replaceAll("\\bKHR\\b", " ")).results().map(m -> m.group()).toList();
    }

    // ---- contributions ------------------------------------------------------------------------------------

    @Test
    void contributions_june2025_matchesTheRulesReference() {
        Run r = run("contributions", "--month", "2025-06", "--wage", "852800");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode out = json(r.out());
        assertThat(out.get("month").asText()).isEqualTo("2025-06");

        // 852,800 is in the 850,001–900,000 band: assumed wage 875,000
        JsonNode or = line(out, "OCCUPATIONAL_RISK");
        assertThat(or.get("contributableWage").asLong()).isEqualTo(875_000);
        assertThat(or.get("employer").asLong()).isEqualTo(7_000);   // 0.8 % × 875,000, employer only
        assertThat(or.get("worker").asLong()).isZero();

        JsonNode hc = line(out, "HEALTH_CARE");
        assertThat(hc.get("contributableWage").asLong()).isEqualTo(875_000);
        assertThat(hc.get("employer").asLong()).isEqualTo(22_750);  // 2.6 % × 875,000, employer only since 2018
        assertThat(hc.get("worker").asLong()).isZero();

        JsonNode pension = line(out, "PENSION");
        assertThat(pension.get("contributableWage").asLong()).isEqualTo(852_800); // actual wage, within 400,000–1,200,000 (§3.3)
        assertThat(pension.get("employer").asLong()).isEqualTo(17_056); // 2 % × 852,800 (§6.1)
        assertThat(pension.get("worker").asLong()).isEqualTo(17_056);

        assertThat(out.get("schemes")).hasSize(5);
        for (JsonNode s : out.get("schemes")) {
            assertThat(s.get("outcome").asText()).isNotBlank();
            assertThat(s.get("message").asText()).isNotBlank();
        }
        assertThat(scheme(out, "OCCUPATIONAL_RISK").get("outcome").asText()).isEqualTo("COVERED");
        assertThat(scheme(out, "UNEMPLOYMENT").get("outcome").asText()).isEqualTo("NOT_IN_FORCE");
    }

    @Test
    void contributions_september2022_hasNoPensionLine() {
        Run r = run("contributions", "--month", "2022-09", "--wage", "852800");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode out = json(r.out());
        assertThat(out.get("lines").findValuesAsText("scheme")).doesNotContain("PENSION").contains("OCCUPATIONAL_RISK", "HEALTH_CARE");
        // the scheme is in force from 2022-07; its message says why there is no line
        assertThat(scheme(out, "PENSION").get("message").asText()).contains("2022-10");
    }

    @Test
    void contributions_usdWage_isConvertedWithTheRate() {
        Run r = run("contributions", "--month", "2025-06", "--wage", "208", "--currency", "usd", "--exchange-rate", "4100");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(line(json(r.out()), "PENSION").get("contributableWage").asLong()).isEqualTo(852_800);
    }

    @Test
    void contributions_monthBefore2008_namesTheOption() {
        Run r = run("contributions", "--month", "2007-12", "--wage", "852800");
        assertUserError(r, "--month");
        assertThat(r.err()).contains("2007-12", "2008-01");
    }

    @Test
    void contributions_monthAfter2060_namesTheOption() {
        Run r = run("contributions", "--month", "2061-01", "--wage", "852800");
        assertUserError(r, "--month");
        assertThat(r.err()).contains("2061-01", "2060-12");
    }

    @Test
    void contributions_badMonth_saysWhatAMonthIs() {
        Run r = run("contributions", "--month", "2025-13", "--wage", "852800");
        assertUserError(r, "--month");
        assertThat(r.errLines().get(0)).isEqualTo("nssf: --month: '2025-13' is not a month YYYY-MM (allowed: a month YYYY-MM from 2008-01 to 2060-12)");
    }

    @Test
    void contributions_negativeWage_namesTheOption() {
        Run r = run("contributions", "--month", "2025-06", "--wage", "-5");
        assertUserError(r, "--wage");
        assertThat(r.err()).contains("negative");
    }

    @Test
    void contributions_wageNotANumber_namesTheOption() {
        assertUserError(run("contributions", "--month", "2025-06", "--wage", "lots"), "--wage");
    }

    @Test
    void contributions_usdWithoutExchangeRate_namesTheRateOption() {
        assertUserError(run("contributions", "--month", "2025-06", "--wage", "208", "--currency", "USD"), "--exchange-rate");
    }

    @Test
    void contributions_unknownEnumValue_listsTheAllowedValues() {
        Run r = run("contributions", "--month", "2025-06", "--wage", "852800", "--status", "BOSS");
        assertUserError(r, "--status");
        assertThat(r.errLines().get(0)).isEqualTo(
                "nssf: --status: 'BOSS' is not one of the allowed values (allowed: EMPLOYEE, PUBLIC_EMPLOYEE, SELF_EMPLOYED, INFORMAL)");
    }

    @Test
    void contributions_impossibleBirthDate_namesTheOption() {
        assertUserError(run("contributions", "--month", "2025-06", "--wage", "852800", "--birth-date", "1990-02-30"), "--birth-date");
    }

    @Test
    void contributions_missingWage_namesTheOption() {
        Run r = run("contributions", "--month", "2025-06");
        assertUserError(r, "--wage");
        assertThat(r.err()).contains("is missing");
    }

    @Test
    void unknownOption_isNamedWithTheAllowedOptions() {
        Run r = run("contributions", "--month", "2025-06", "--wage", "852800", "--salary", "1");
        assertUserError(r, "--salary");
        assertThat(r.err()).contains("--exchange-rate");
    }

    @Test
    void unknownCommand_listsTheCommands() {
        Run r = run("asses");
        assertUserError(r, "asses");
        assertThat(r.err()).contains("contributions, assess, demo");
    }

    @Test
    void noCommand_isAUserMistake() {
        assertUserError(run(), "command");
    }

    // ---- help, version, demo, internal errors ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "contributions", "assess", "demo", "schema", "bench"})
    void help_everyCommand_exitsZero(String command) {
        Run r = command.isEmpty() ? run("--help") : run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Usage: nssf" + (command.isEmpty() ? "" : " " + command));
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "contributions", "assess", "demo", "schema", "bench"})
    void version_everyCommand_exitsZero(String command) {
        Run r = command.isEmpty() ? run("--version") : run(command, "--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("nssf ");
    }

    @Test
    void demo_printsEveryExample() {
        Run r = run("demo");
        assertThat(r.code()).as(r.err()).isZero();
        List<Examples.Example> examples = Examples.all();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(7);
        for (Examples.Example ex : examples) {
            assertThat(r.out()).contains(ex.description(), "examples/" + ex.file(), "Profile:   " + ex.profile().id());
        }
        assertThat(r.out()).contains("Example " + examples.size() + " of " + examples.size());
    }

    @Test
    void schema_printsTheProfileSchema() {
        Run r = run("schema");
        assertThat(r.code()).isZero();
        assertThat(json(r.out()).has("properties")).isTrue();
    }

    @Test
    void schema_byName_printsThatSchema_listNamesThem_unknownNameIsAUserError() {
        assertThat(json(run("schema", "profile").out()).path("$id").asText()).isEqualTo("urn:rulesascode:nssf:worker-profile:0.1");
        assertThat(json(run("schema", "assessment").out()).path("$id").asText()).isEqualTo("urn:rulesascode:nssf:assessment:0.1");
        assertThat(json(run("schema", "reform").out()).path("$id").asText()).isEqualTo("urn:rulesascode:nssf:reform:0.1");
        Run list = run("schema", "--list");
        assertThat(list.code()).isZero();
        assertThat(list.out().lines().toList()).hasSize(3);
        assertThat(list.out()).contains("assessment  urn:rulesascode:nssf:assessment:0.1", "schema/reform.schema.json");
        assertUserError(run("schema", "decision"), "NAME");
    }

    @Test
    void bench_tinyRun_printsTheTable() {
        Run r = run("bench", "--profiles", "300", "--warmup", "100", "--threads", "1,2", "--seed", "7");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("EligibilityEngine.standard()", "profiles/s", "decisions", "contribution lines");
    }

    @Test
    void bench_zeroThreads_isAUserMistake() {
        assertUserError(run("bench", "--threads", "0"), "--threads");
    }

    @Test
    void internalError_exitsOneAndPointsToDebug() {
        Run r = run(() -> { throw new IllegalStateException("engine exploded"); }, "contributions", "--month", "2025-06", "--wage", "852800");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("nssf: internal error: IllegalStateException: engine exploded",
                "run with NSSF_DEBUG=1 for the stack trace");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    static JsonNode line(JsonNode out, String scheme) {
        for (JsonNode l : out.get("lines")) if (l.get("scheme").asText().equals(scheme)) return l;
        throw new AssertionError("no " + scheme + " line in " + out.get("lines"));
    }

    static JsonNode scheme(JsonNode out, String scheme) {
        for (JsonNode s : out.get("schemes")) if (s.get("scheme").asText().equals(scheme)) return s;
        throw new AssertionError("no " + scheme + " in " + out.get("schemes"));
    }
}
