package org.rulesascode.nssf.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.ComplianceIssue;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.TraceStep;
import org.rulesascode.nssf.eligibility.WorkInjury;

/**
 * The assessment and reform schemas in {@code schema/}: the same as the shipped resources, valid draft 2020-12, in
 * step with the records, and a real validator (networknt) accepts what we write and read and refuses what we refuse.
 * Assessments of the example profiles and of generated populations are validated in eligibility-examples.
 */
class SchemaValidationTests {

    @Test
    void repositoryCopiesAreIdentical_andValidDraft202012() throws IOException {
        Map<String, String> shipped = Map.of("assessment.schema.json", NssfJson.assessmentSchema(), "reform.schema.json", NssfJson.reformSchema(),
                "worker-profile.schema.json", NssfJson.profileSchema());
        for (Map.Entry<String, String> e : shipped.entrySet()) {
            assertThat(Files.readString(Path.of("..", "schema", e.getKey()), StandardCharsets.UTF_8)).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(Schemas.metaErrors(e.getValue())).as(e.getKey()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------- assessment schema

    static final Map<String, Class<? extends Record>> ASSESSMENT_DEFS = Map.of(
            "decision", Decision.class, "entitlement", Entitlement.class, "reason", Reason.class, "traceStep", TraceStep.class,
            "citation", Citation.class, "parameterUse", ParameterUse.class, "contributionLine", ContributionLine.class,
            "complianceFinding", ComplianceFinding.class);

    @Test
    void assessmentSchema_hasEveryRecordComponentAndNothingElse_everyEnumConstant_closedObjects() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(NssfJson.assessmentSchema());
        assertComponents(schema, Assessment.class, "$");
        ASSESSMENT_DEFS.forEach((def, type) -> assertComponents(schema.path("$defs").path(def), type, def));
        Map<Class<? extends Enum<?>>, JsonNode> enums = Map.of(
                Scheme.class, schema.at("/$defs/scheme/enum"), Benefit.class, schema.at("/$defs/decision/properties/benefit/enum"),
                Outcome.class, schema.at("/$defs/decision/properties/outcome/enum"),
                AmountPeriod.class, schema.at("/$defs/entitlement/properties/period/enum"),
                CriterionStatus.class, schema.at("/$defs/reason/properties/status/enum"),
                Confidence.class, schema.at("/$defs/parameterUse/properties/confidence/enum"),
                ComplianceIssue.class, schema.at("/$defs/complianceFinding/properties/issue/enum"));
        enums.forEach((type, node) -> {
            List<String> listed = new ArrayList<>();
            node.forEach(n -> { if (!n.isNull()) listed.add(n.asText()); });
            assertThat(listed).as(type.getSimpleName()).containsExactly(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
        });
        assertClosed(schema, "$");
    }

    private static void assertComponents(JsonNode def, Class<? extends Record> type, String where) {
        List<String> names = new ArrayList<>();
        def.path("properties").fieldNames().forEachRemaining(names::add);
        List<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(names).as("schema properties of %s (%s)", where, type.getSimpleName()).containsExactlyElementsOf(components);
        List<String> required = new ArrayList<>();
        def.path("required").forEach(n -> required.add(n.asText()));
        assertThat(required).as("required in %s: the writer writes every null", where).containsExactlyElementsOf(components);
        for (JsonNode prop : def.path("properties")) assertThat(prop.path("description").asText()).as("description in %s", where).isNotBlank();
    }

    private static void assertClosed(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.has("properties") && !where.matches(".*\\.(if|then|else)") && !where.endsWith(".facts")) {
                assertThat(node.path("additionalProperties").isBoolean() && !node.path("additionalProperties").asBoolean())
                        .as("additionalProperties false at %s", where).isTrue();
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertClosed(e.getValue(), where + "." + e.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) assertClosed(node.get(i), where + "[" + i + "]");
        }
    }

    private static final Citation LAW = new Citation("law-2019-social-security", "art. 5", "Law on Social Security Schemes");
    private static final ParameterUse RATE = new ParameterUse("health_care.contribution.employer_rate", "0.013", "rate",
            LocalDate.of(2018, 1, 1), Confidence.CONFIRMED, LAW);

    /** An assessment with every kind of part: an amount, an undetermined amount, reasons, steps, lines, a finding, ignored events. */
    static Assessment sample() {
        Reason met = new Reason("HC-MAT-03", CriterionStatus.MET, "9 contribution months.", List.of(LAW), List.of(RATE),
                Map.of("months", "12"), null);
        Reason notMet = new Reason("HC-MAT-04", CriterionStatus.NOT_MET, "Too few months.", List.of(LAW), List.of(), Map.of(),
                "1 more contribution month");
        TraceStep step = new TraceStep("daily wage", "875,000 / 30", "29,167 KHR");
        Decision eligible = new Decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(20_417L, AmountPeriod.PER_DAY, 90, false, null), List.of(met), List.of(step), false, List.of(),
                LocalDate.of(2025, 6, 2));
        Decision undetermined = new Decision(Scheme.HEALTH_CARE, Benefit.FUNERAL_ALLOWANCE, Outcome.ELIGIBLE,
                new Entitlement(null, AmountPeriod.ONCE, null, false, "the amount is not published"), List.of(met), List.of(), true,
                List.of("health_care.funeral.amount"), LocalDate.of(2025, 6, 3));
        Decision no = new Decision(Scheme.PENSION, Benefit.COVERAGE, Outcome.NOT_COVERED, null, List.of(notMet), List.of(), false, List.of());
        ContributionLine flat = new ContributionLine(YearMonth.of(2025, 5), Scheme.VOLUNTARY_HEALTH_CARE, 0, null, 0, 15_600, 15_600,
                true, false, "VHC-CON-01", List.of(LAW), List.of());
        ContributionLine rated = new ContributionLine(YearMonth.of(2025, 5), Scheme.HEALTH_CARE, 875_000, new BigDecimal("0.026"),
                11_375, 11_375, 22_750, false, false, "HC-CON-01", List.of(LAW), List.of(RATE));
        ComplianceFinding finding = new ComplianceFinding(ComplianceIssue.UNPAID_CONTRIBUTIONS, "CMP-UNPAID-01", "2025-05",
                "Contributions were not paid.", List.of(LAW), List.of(RATE), 22_750L, List.of(step), false);
        return new Assessment("sokha", LocalDate.of(2025, 6, 30), "abc123", List.of(eligible, undetermined, no), List.of(rated, flat),
                List.of(finding), List.of(new Sickness(LocalDate.of(2025, 7, 1), 3),
                        new Childbirth(LocalDate.of(2025, 9, 1), 2, null, null), new WorkInjury(LocalDate.of(2026, 1, 5), true, null, null)));
    }

    @Test
    void writtenAssessment_isValid_inBothForms() {
        Assessment a = sample();
        assertThat(Schemas.errors(Schemas.ASSESSMENT, NssfJson.write(a))).isEmpty();
        assertThat(Schemas.errors(Schemas.ASSESSMENT, NssfJson.writeCompact(a.outcomesOnly()))).isEmpty();
        assertThat(Schemas.errors(Schemas.ASSESSMENT, NssfJson.write(new Assessment("x", LocalDate.of(2008, 1, 1), "v", List.of(), List.of()))))
                .isEmpty();
    }

    @Test
    void assessmentSchema_refusesWhatTheWriterNeverWrites() throws IOException {
        ObjectMapper m = new ObjectMapper();
        String good = NssfJson.write(sample());
        List<java.util.function.Consumer<ObjectNode>> breaks = List.of(
                n -> n.remove("ignoredEvents"),
                n -> n.put("extra", 1),
                n -> n.put("asOf", "2025-02-30x"),
                n -> ((ObjectNode) n.at("/decisions/0")).put("outcome", "MAYBE"),
                n -> ((ObjectNode) n.at("/decisions/0/entitlement")).put("amount", -1),
                n -> ((ObjectNode) n.at("/decisions/0/entitlement")).put("amount", 1.5),
                n -> ((ObjectNode) n.at("/decisions/1/entitlement")).putNull("undeterminedReason"),
                n -> ((ObjectNode) n.at("/decisions/0/reasons/0")).putArray("citations"),
                n -> ((ObjectNode) n.at("/contributions/0")).put("rate", 0.026),
                n -> ((ObjectNode) n.at("/contributions/0")).put("month", "2007-12"),
                n -> ((ObjectNode) n.at("/ignoredEvents/0")).put("type", "HOLIDAY"),
                n -> ((ObjectNode) n.at("/ignoredEvents/0")).remove("days"),
                n -> ((ObjectNode) n.at("/compliance/0")).put("missingContributions", "22750"));
        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode n = (ObjectNode) m.readTree(good);
            breaks.get(i).accept(n);
            assertThat(Schemas.errors(Schemas.ASSESSMENT, m.writeValueAsString(n))).as("break %d: %s", i, n).isNotEmpty();
        }
    }

    // -------------------------------------------------------------------------------------------- reform schema

    /** The README's reform example (its rules: need trust; the DRL file is not read by the schema). */
    static final String README_REFORM = """
            name: "Pension ceiling of 2,000,000 riel from 2027"
            description: >
              Raises the ceiling of the pension contributable wage from 1,200,000 to 2,000,000 KHR on 2027-01-01.
            illustrative: false
            parameters:
              pension.contributable_wage.ceiling:
                2027-01-01: 2000000
              health_care.maternity.qualifying_months:
                2027-01-01: {value: 6, illustrative: true, note: "why"}
              health_care.childbirth_allowance.in_force:
                2030-01-01: false
              health_care.assumed_wage:
                2027-01-01:
                  brackets:
                    - {upTo: 200000, value: 200000}
                    - {value: 1200000}
            rules:
              - unemployment_benefit.drl
            """;

    @Test
    void sampleReforms_andTheReadmeExample_areValid() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("..", "eligibility-examples", "reforms"), Path.of("..", "eligibility-rules", "src", "test", "resources", "reforms"))) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path f : files) {
            assertThat(Schemas.yamlErrors(Schemas.REFORM, Files.readString(f))).as(f.toString()).isEmpty();
        }
        assertThat(Schemas.yamlErrors(Schemas.REFORM, README_REFORM)).isEmpty();
        assertThat(NssfReforms.parse("readme.yaml", README_REFORM.replace("rules:\n  - unemployment_benefit.drl\n", ""), Path.of("."), false).name())
                .isEqualTo("Pension ceiling of 2,000,000 riel from 2027");
    }

    /** Mistakes of form: NssfReforms refuses each, and so does the schema. */
    @Test
    void reformsThatTheReaderRefusesForTheirForm_theSchemaRefusesToo() {
        String head = "name: r\nparameters:\n  pension.contributable_wage.ceiling:\n";
        List<String> bad = List.of(
                "description: no name\n",
                "name: r\nunknown: 1\n",
                "name: \"  \"\n",
                "name: r\nillustrative: yes please\n",
                "name: r\nparameters: [a, b]\n",
                "name: r\nparameters:\n  Pension.Ceiling:\n    2027-01-01: 1\n",
                "name: r\nparameters:\n  pension.contributable_wage.ceiling: 2000000\n",
                head + "    2027-13-01: 2000000\n",
                head + "    2027-01-01: \"2000000\"\n",
                head + "    2027-01-01: [1, 2]\n",
                head + "    2027-01-01: {value: 1, brackets: [{value: 1}]}\n",
                head + "    2027-01-01: {illustrative: true}\n",
                head + "    2027-01-01: {value: 1, colour: red}\n",
                head + "    2027-01-01: {brackets: []}\n",
                head + "    2027-01-01: {brackets: [{upTo: 1, value: 1, extra: 2}, {value: 2}]}\n",
                head + "    2027-01-01: {brackets: [{upTo: 100}]}\n",
                "name: r\nrules: [not-drl.txt]\n");
        for (String yaml : bad) {
            boolean readerRefuses;
            try {
                NssfReforms.parse("bad.yaml", yaml, Path.of("."), false);
                readerRefuses = false;
            } catch (InvalidInputException e) {
                readerRefuses = true;
            }
            assertThat(readerRefuses).as("NssfReforms refuses:\n%s", yaml).isTrue();
            assertThat(Schemas.yamlErrors(Schemas.REFORM, yaml)).as("the schema refuses:\n%s", yaml).isNotEmpty();
        }
    }
}
