package org.rulesascode.nssf.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Entitlement;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.TraceStep;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

class NssfJsonTests {

    /** The example of the documentation. */
    static final String EXAMPLE = """
            {
              "id": "sreymom-2025",
              "birthDate": "1996-03-14",
              "sex": "FEMALE",
              "employmentStatus": "EMPLOYEE",
              "sector": "GARMENT",
              "wage": {"amount": 208, "currency": "USD", "exchangeRate": 4100},
              "employmentStart": "2022-01-10",
              "enterpriseWorkers": 850,
              "history": [
                {"from": "2022-01", "to": "2025-05", "declaredWage": {"amount": 852800, "currency": "KHR"}, "paid": true, "schemes": ["OCCUPATIONAL_RISK", "HEALTH_CARE", "PENSION"], "enterpriseWorkers": 850, "employerId": "F-001"}
              ],
              "events": [
                {"type": "CHILDBIRTH", "date": "2025-06-02", "babies": 1, "pregnancyWeeks": 39, "notifiedOn": "2025-02-01"},
                {"type": "WORK_INJURY", "date": "2025-01-05", "commuting": true, "incapacityDays": 12, "permanentDegreePercent": null},
                {"type": "SICKNESS", "date": "2024-11-02", "days": 5},
                {"type": "DEATH", "date": "2030-01-01", "workRelated": false, "survivors": [{"relation": "CHILD", "birthDate": "2020-01-01", "disabled": false, "hasIncome": false}]},
                {"type": "RETIREMENT_CLAIM", "date": "2056-03-14"}
              ],
              "dependants": []
            }
            """;

    static final String MINIMAL = """
            {"id": "x", "birthDate": "1990-01-01", "sex": "FEMALE", "employmentStatus": "EMPLOYEE", %s}
            """;

    static final String ONE_PERIOD = MINIMAL.formatted("\"history\": [{\"from\": \"2022-01\", \"to\": \"2022-12\", \"declaredWage\": 800000, %s}]");

    private static InvalidInputException error(String json) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(json));
        assertThat(e).as("an error for %s", json).isNotNull();
        assertThat(e.problem()).as("problem").isNotBlank().doesNotContain("java.", "com.fasterxml", "Exception", "\n");
        assertThat(e.allowed()).as("allowed").doesNotContain("java.", "com.fasterxml", "Exception", "\n");
        return e;
    }

    private static InvalidInputException error(String json, String field) {
        InvalidInputException e = error(json);
        assertThat(e.field()).as("field of %s", e.getMessage()).isEqualTo(field);
        return e;
    }

    private static String minimal(String more) {
        return MINIMAL.formatted(more);
    }

    // ---------------------------------------------------------------------------------------------- reading

    @Test
    void exampleParsesToTheExpectedRecords() {
        WorkerProfile expected = WorkerProfile.builder("sreymom-2025")
                .birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .sector(Sector.GARMENT).wage(Money.usd(new BigDecimal("208"), new BigDecimal("4100")))
                .employmentStart(LocalDate.of(2022, 1, 10)).enterpriseWorkers(850)
                .period(new ContributionPeriod(YearMonth.of(2022, 1), YearMonth.of(2025, 5), Money.khr(852_800), true,
                        EnumSet.of(Scheme.OCCUPATIONAL_RISK, Scheme.HEALTH_CARE, Scheme.PENSION), 850, "F-001"))
                .event(new Childbirth(LocalDate.of(2025, 6, 2), 1, 39, LocalDate.of(2025, 2, 1)))
                .event(new WorkInjury(LocalDate.of(2025, 1, 5), true, 12, null))
                .event(new Sickness(LocalDate.of(2024, 11, 2), 5))
                .event(new Death(LocalDate.of(2030, 1, 1), false, List.of(new Person(Relation.CHILD, LocalDate.of(2020, 1, 1), false, false))))
                .event(new RetirementClaim(LocalDate.of(2056, 3, 14)))
                .build();
        WorkerProfile p = NssfJson.readProfile(EXAMPLE);
        assertThat(p).isEqualTo(expected);
        assertThat(p.wage().toRiel()).isEqualTo(852_800);
        assertThat(p.events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Childbirth", "WorkInjury", "Sickness", "Death", "RetirementClaim");
    }

    @Test
    void defaultsForAbsentOrNullOptionalFields() {
        WorkerProfile p = NssfJson.readProfile(minimal("\"sector\": null, \"wage\": 900000, \"events\": null, "
                + "\"history\": [{\"from\": \"2022-01\", \"to\": \"2022-12\", \"declaredWage\": 800000}, "
                + "{\"from\": \"2023-01\", \"to\": \"2023-02\", \"declaredWage\": 800000, \"paid\": false, \"schemes\": null}]"));
        assertThat(p.sector()).isEqualTo(Sector.OTHER);
        assertThat(p.wage()).isEqualTo(Money.khr(900_000));
        assertThat(p.history().get(0).paid()).isTrue();
        assertThat(p.history().get(0).schemes()).isEmpty();
        assertThat(p.history().get(1).paid()).isFalse();
        assertThat(p.events()).isEmpty();
        assertThat(p.dependants()).isEmpty();
        assertThat(p.employmentStart()).isNull();
    }

    @Test
    void readsFilesTreesAndAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "\uFEFF" + EXAMPLE, StandardCharsets.UTF_8);
        WorkerProfile expected = NssfJson.readProfile(EXAMPLE);
        assertThat(NssfJson.readProfile(file)).isEqualTo(expected);
        assertThat(NssfJson.readProfile(new ObjectMapper().readTree(EXAMPLE))).isEqualTo(expected);

        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(dir.resolve("none.json")));
        assertThat(missing.field()).isEqualTo("$");
        assertThat(missing.problem()).isEqualTo("cannot read " + dir.resolve("none.json") + ": no such file");

        assertThat(catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(dir)).problem()).startsWith("cannot read " + dir + ": ");

        Files.write(file, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(file)).problem())
                .startsWith("cannot read " + file + ": ").contains("UTF-8");
    }

    @Test
    void treesAreReadAsStrictly() throws IOException {
        JsonNode node = new ObjectMapper().readTree(minimal("\"enterpriseWorkers\": \"850\""));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(node));
        assertThat(e.field()).isEqualTo("$.enterpriseWorkers");
    }

    // ---------------------------------------------------------------------------------------------- round trip

    @Test
    void roundTrip() {
        WorkerProfile p = NssfJson.readProfile(EXAMPLE);
        String json = NssfJson.write(p);
        assertThat(NssfJson.readProfile(json)).isEqualTo(p);
        assertThat(NssfJson.readProfile(NssfJson.writeCompact(p))).isEqualTo(p);
        assertThat(json).endsWith("}\n").contains("\"type\": \"CHILDBIRTH\"", "\"from\": \"2022-01\"", "\"birthDate\": \"1996-03-14\"")
                .contains("\"schemes\": [\n        \"OCCUPATIONAL_RISK\",\n        \"HEALTH_CARE\",\n        \"PENSION\"\n      ]");
        assertThat(NssfJson.writeCompact(p)).doesNotContain("\n");
        assertThat(NssfJson.write(p.events().get(0))).startsWith("{\n  \"type\": \"CHILDBIRTH\",\n  \"date\": \"2025-06-02\",");
    }

    // ---------------------------------------------------------------------------------------------- errors

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        InvalidInputException e = error(minimal("\"sector\": \"garment\""), "$.sector");
        assertThat(e.problem()).contains("\"garment\"");
        assertThat(e.allowed()).isEqualTo("one of GARMENT, FOOTWEAR, TRAVEL_GOODS, CONSTRUCTION, HOSPITALITY, TRANSPORT, TRADE, "
                + "DOMESTIC_WORK, PUBLIC_ADMINISTRATION, AGRICULTURE, OTHER");
        assertThat(error(EXAMPLE.replace("\"FEMALE\"", "\"F\""), "$.sex").allowed()).isEqualTo("one of FEMALE, MALE");
        assertThat(error(EXAMPLE.replace("\"PENSION\"]", "\"PENSIONS\"]"), "$.history[0].schemes[2]").allowed()).contains("PENSION", "HEALTH_CARE");
        assertThat(error(EXAMPLE.replace("\"CHILD\"", "\"SON\""), "$.events[3].survivors[0].relation").allowed()).contains("SPOUSE, CHILD");
        error(minimal("\"sex\": 0"), "$.sex");
    }

    @Test
    void unknownOrMissingEventType() {
        InvalidInputException e = error(EXAMPLE.replace("\"SICKNESS\"", "\"ILLNESS\""), "$.events[2].type");
        assertThat(e.problem()).contains("ILLNESS");
        assertThat(e.allowed()).isEqualTo("one of CHILDBIRTH, WORK_INJURY, SICKNESS, DEATH, RETIREMENT_CLAIM");
        assertThat(error(minimal("\"events\": [{\"date\": \"2024-01-01\", \"days\": 3}]"), "$.events[0].type").problem()).contains("missing");
        assertThat(error(minimal("\"events\": [1]"), "$.events[0]").allowed()).contains("CHILDBIRTH");
        error(minimal("\"events\": [\"SICKNESS\"]"), "$.events[0]");
    }

    @Test
    void moneyErrorsNameTheMoneyField() {
        InvalidInputException e = error(EXAMPLE.replace(", \"exchangeRate\": 4100", ""), "$.wage.exchangeRate");
        assertThat(e.problem()).contains("missing");
        assertThat(e.allowed()).contains("4100");
        error(EXAMPLE.replace("\"exchangeRate\": 4100", "\"exchangeRate\": 0"), "$.wage.exchangeRate");
        error(EXAMPLE.replace("\"currency\": \"KHR\"", "\"currency\": \"KHR\", \"exchangeRate\": 1"), "$.history[0].declaredWage.exchangeRate");
        assertThat(error(EXAMPLE.replace("\"amount\": 852800", "\"amount\": -1"), "$.history[0].declaredWage.amount").problem()).contains("negative");
        error(minimal("\"wage\": -5"), "$.wage.amount");
        assertThat(error(EXAMPLE.replace("\"currency\": \"USD\"", "\"currency\": \"EUR\""), "$.wage.currency").allowed()).isEqualTo("one of KHR, USD");
        error(EXAMPLE.replace("\"amount\": 208", "\"amount\": \"208\""), "$.wage.amount");
        assertThat(error(minimal("\"wage\": \"208\""), "$.wage").allowed()).contains("whole number of riel");
    }

    @Test
    void recordConstructorErrorsGetTheFullPath() {
        InvalidInputException e = error(minimal("\"history\": [{\"from\": \"2022-01\", \"to\": \"2022-12\", \"declaredWage\": 1}, "
                + "{\"from\": \"2022-06\", \"to\": \"2023-01\", \"declaredWage\": 1}]"), "$.history[1]");
        assertThat(e.problem()).contains("overlaps history[0]");
        assertThat(e.allowed()).contains("do not overlap");
        assertThat(error(EXAMPLE.replace("\"from\": \"2022-01\"", "\"from\": \"2007-12\""), "$.history[0].from").allowed()).contains("2008-01");
        assertThat(error(EXAMPLE.replace("\"to\": \"2025-05\"", "\"to\": \"2021-05\""), "$.history[0].to").problem()).contains("before from");
        error(EXAMPLE.replace("\"babies\": 1", "\"babies\": 0"), "$.events[0].babies");
        error(EXAMPLE.replace("\"days\": 5", "\"days\": 0"), "$.events[2].days");
        error(EXAMPLE.replace("\"permanentDegreePercent\": null", "\"permanentDegreePercent\": 101"), "$.events[1].permanentDegreePercent");
        error(EXAMPLE.replace("\"date\": \"2024-11-02\"", "\"date\": \"1990-11-02\""), "$.events[2].date");
        error(EXAMPLE.replace("\"FEMALE\"", "\"MALE\""), "$.events[0]");
        error(EXAMPLE.replace("\"enterpriseWorkers\": 850,\n", "\"enterpriseWorkers\": 0,\n"), "$.enterpriseWorkers");
        error(EXAMPLE.replace("\"enterpriseWorkers\": 850, \"employerId\"", "\"enterpriseWorkers\": 0, \"employerId\""), "$.history[0].enterpriseWorkers");
        assertThat(error(EXAMPLE.replace("\"sex\": \"FEMALE\",", ""), "$.sex").problem()).isEqualTo("is missing");
        error(EXAMPLE.replace("\"sex\": \"FEMALE\"", "\"sex\": null"), "$.sex");
        error(EXAMPLE.replace("\"id\": \"sreymom-2025\"", "\"id\": \" \""), "$.id");
        error(EXAMPLE.replace("\"relation\": \"CHILD\",", ""), "$.events[3].survivors[0].relation");
        error(minimal("\"history\": [{\"to\": \"2022-12\", \"declaredWage\": 1}]"), "$.history[0].from");
    }

    @Test
    void impossibleOrMisshapenDates() {
        assertThat(error(EXAMPLE.replace("\"2025-06-02\"", "\"2025-02-30\""), "$.events[0].date").problem()).contains("2025-02-30", "not a calendar date");
        assertThat(error(EXAMPLE.replace("\"1996-03-14\"", "\"1996-3-14\""), "$.birthDate").allowed()).isEqualTo("a date YYYY-MM-DD");
        error(EXAMPLE.replace("\"1996-03-14\"", "19960314"), "$.birthDate");
        error(EXAMPLE.replace("\"1996-03-14\"", "[1996, 3, 14]"), "$.birthDate");
        error(EXAMPLE.replace("\"1996-03-14\"", "\"\""), "$.birthDate");
        error(EXAMPLE.replace("\"1996-03-14\"", "\"1996-03-14T00:00:00\""), "$.birthDate");
        error(EXAMPLE.replace("\"2020-01-01\"", "\"2020-13-01\""), "$.events[3].survivors[0].birthDate");
        assertThat(error(EXAMPLE.replace("\"2025-05\"", "\"2025-13\""), "$.history[0].to").problem()).contains("not a calendar month");
        assertThat(error(EXAMPLE.replace("\"2025-05\"", "\"2025-05-01\""), "$.history[0].to").allowed()).isEqualTo("a month YYYY-MM from 2008-01 to 2060-12");
    }

    @Test
    void unknownFieldsAreNamed() {
        InvalidInputException e = error(EXAMPLE.replace("\"paid\": true", "\"payed\": true"), "$.history[0].payed");
        assertThat(e.problem()).isEqualTo("is not a known field");
        assertThat(e.allowed()).contains("from", "to", "declaredWage", "paid", "schemes", "enterpriseWorkers", "employerId");
        error(minimal("\"nmae\": \"x\""), "$.nmae");
        assertThat(error(EXAMPLE.replace("\"babies\": 1", "\"baby\": 1"), "$.events[0].baby").allowed()).contains("type", "babies");
        error(EXAMPLE.replace("\"currency\": \"USD\"", "\"currency\": \"USD\", \"rate\": 1"), "$.wage.rate");
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        InvalidInputException e = error("{\n  \"id\": \"x\",\n  \"sex\" \"FEMALE\"\n}", "$");
        assertThat(e.problem()).contains("line 3, column").doesNotContain("Source");
        assertThat(error("{\"id\": \"x\",", "$").problem()).contains("line 1").contains("ends before");
        assertThat(error(minimal("\"sector\": 'GARMENT'"), "$").problem()).contains("line 1");
        error("", "$");
        error("null", "$");
        error("[]", "$");
    }

    @Test
    void trailingContentIsAnError() {
        assertThat(error(EXAMPLE + "\n{}", "$").problem()).contains("line 23");
        error(EXAMPLE + "x", "$");
        error(EXAMPLE + "}", "$");
    }

    @Test
    void duplicateKeysAreAnError() {
        assertThat(error(minimal("\"sex\": \"MALE\""), "$.sex").problem()).contains("twice");
        error(EXAMPLE.replace("\"paid\": true", "\"paid\": true, \"paid\": false"), "$.history[0].paid");
    }

    @Test
    void wrongTypesAreNotCoerced() {
        assertThat(error(minimal("\"enterpriseWorkers\": \"850\""), "$.enterpriseWorkers").allowed()).isEqualTo("a whole number");
        assertThat(error(EXAMPLE.replace("\"babies\": 1", "\"babies\": 1.5"), "$.events[0].babies").problem()).contains("1.5");
        error(EXAMPLE.replace("\"babies\": 1", "\"babies\": 1.0"), "$.events[0].babies");
        error(EXAMPLE.replace("\"babies\": 1", "\"babies\": \"1\""), "$.events[0].babies");
        error(EXAMPLE.replace("\"babies\": 1", "\"babies\": 99999999999"), "$.events[0].babies");
        error(EXAMPLE.replace("\"paid\": true", "\"paid\": \"true\""), "$.history[0].paid");
        error(EXAMPLE.replace("\"paid\": true", "\"paid\": 1"), "$.history[0].paid");
        error(EXAMPLE.replace("\"commuting\": true", "\"commuting\": \"yes\""), "$.events[1].commuting");
        assertThat(error(EXAMPLE.replace("\"sreymom-2025\"", "123"), "$.id").allowed()).isEqualTo("a string");
        error(ONE_PERIOD.formatted("\"employerId\": 7"), "$.history[0].employerId");
        error(ONE_PERIOD.formatted("\"schemes\": \"PENSION\""), "$.history[0].schemes");
        error(ONE_PERIOD.formatted("\"schemes\": [null]"), "$.history[0].schemes[0]");
        error(minimal("\"history\": {}"), "$.history");
        error(minimal("\"history\": [null]"), "$.history[0]");
        error(minimal("\"sector\": \"\""), "$.sector");
        error(minimal("\"enterpriseWorkers\": \"\""), "$.enterpriseWorkers");
        error(minimal("\"wage\": {}"), "$.wage.amount");
        error(minimal("\"wage\": 1.5"), "$.wage");
        error(EXAMPLE.replace("\"exchangeRate\": 4100", "\"exchangeRate\": \"4100\""), "$.wage.exchangeRate");
    }

    @Test
    void requiredCountsMustBeGiven() {
        assertThat(error(EXAMPLE.replace(", \"babies\": 1", ""), "$.events[0].babies").problem()).isEqualTo("is missing");
        assertThat(error(EXAMPLE.replace("\"babies\": 1", "\"babies\": null"), "$.events[0].babies").problem()).isEqualTo("is null");
        error(EXAMPLE.replace(", \"days\": 5", ""), "$.events[2].days");
    }

    // ---------------------------------------------------------------------------------------------- writing

    @Test
    void writesAssessmentsWithStableShape() {
        Citation cite = new Citation("prakas-449-2017", "art. 2", "Prakas 449 (2017)");
        ParameterUse rate = new ParameterUse("health.contribution.rate", "0.026", "rate", LocalDate.of(2016, 1, 1), Confidence.PROVISIONAL, cite);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("zeta", "1");
        facts.put("alpha", "2");
        Reason reason = new Reason("HC-COV-01", CriterionStatus.MET, "ស្ត្រី covered", List.of(cite), List.of(rate), facts, null);
        Decision decision = new Decision(Scheme.HEALTH_CARE, Benefit.COVERAGE, Outcome.COVERED, null, List.of(reason),
                List.of(new TraceStep("wage", "min(1, 2)", "1")), true, List.of(rate.id()));
        Decision paid = new Decision(Scheme.OCCUPATIONAL_RISK, Benefit.COVERAGE, Outcome.ELIGIBLE,
                new Entitlement(123_456_789_012L, AmountPeriod.PER_DAY, 12, false, null), List.of(), null, false, null);
        ContributionLine line = new ContributionLine(YearMonth.of(2025, 6), Scheme.OCCUPATIONAL_RISK, 852_800, new BigDecimal("8E-3"),
                6_822, 0, 6_822, true, false, "OR-CON-01", List.of(cite), List.of(rate));
        Assessment a = new Assessment("sreymom-2025", LocalDate.of(2025, 6, 30), "abc", List.of(decision, paid), List.of(line));

        String json = NssfJson.write(a);
        assertThat(json).endsWith("}\n")
                .contains("\"asOf\": \"2025-06-30\"", "\"month\": \"2025-06\"", "\"rate\": \"0.008\",", "\"scheme\": \"OCCUPATIONAL_RISK\"")
                .contains("\"entitlement\": null", "\"distance\": null", "\"undeterminedReason\": null", "\"amount\": 123456789012,")
                .contains("\"confidence\": \"PROVISIONAL\"", "\"effectiveFrom\": \"2016-01-01\"", "\"message\": \"ស្ត្រី covered\"")
                .contains("\"facts\": {\n            \"alpha\": \"2\",\n            \"zeta\": \"1\"\n          }")
                .contains("\"steps\": []", "\"provisionalParameters\": []")
                .doesNotContain("8E-3", "\"display\"", "\"provisional\": true,\n      \"ruleId\"", "decisionsFor", "\"coverage\"");
        // ParameterUse.provisional() and Citation.display() are methods, not properties
        assertThat(NssfJson.writeCompact(rate)).isEqualTo("{\"id\":\"health.contribution.rate\",\"value\":\"0.026\",\"unit\":\"rate\","
                + "\"effectiveFrom\":\"2016-01-01\",\"confidence\":\"PROVISIONAL\",\"source\":{\"instrument\":\"prakas-449-2017\","
                + "\"article\":\"art. 2\",\"title\":\"Prakas 449 (2017)\"}}");
        assertThat(NssfJson.writeCompact(List.of(line))).startsWith("[{\"month\":\"2025-06\",\"scheme\":\"OCCUPATIONAL_RISK\",\"contributableWage\":852800,\"rate\":\"0.008\",");
        assertThat(NssfJson.writeCompact(Map.of(Scheme.PENSION, 1, Scheme.OCCUPATIONAL_RISK, 2))).isEqualTo("{\"OCCUPATIONAL_RISK\":2,\"PENSION\":1}");
        assertThat(NssfJson.writeCompact(Set.of(Scheme.UNEMPLOYMENT, Scheme.PENSION, Scheme.HEALTH_CARE, Scheme.OCCUPATIONAL_RISK)))
                .isEqualTo("[\"OCCUPATIONAL_RISK\",\"HEALTH_CARE\",\"PENSION\",\"UNEMPLOYMENT\"]");
        assertThat(NssfJson.writeCompact(Set.of(new TraceStep("a", "b", "c"), new TraceStep("x", "y", "z")))) // not comparable: as is
                .startsWith("[{\"description\":").contains("\"result\":\"c\"}", "\"result\":\"z\"}");
        assertThat(NssfJson.writeCompact(Money.khr(1))).isEqualTo("{\"amount\":1,\"currency\":\"KHR\",\"exchangeRate\":null}");
    }

    @Test
    void onlyNssfJsonAndNssfReformsArePublic() throws Exception {
        Path dir = Path.of(NssfJson.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(NssfJson.class.getPackageName().replace('.', '/'));
        List<String> publicTypes = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Class<?> c = Class.forName(NssfJson.class.getPackageName() + "." + f.getFileName().toString().replace(".class", ""));
                if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) publicTypes.add(c.getSimpleName());
            }
        }
        assertThat(publicTypes).containsExactlyInAnyOrder("NssfJson", "NssfReforms");
    }

    // ---------------------------------------------------------------------------------------------- schema

    static final Map<String, Class<? extends Record>> SCHEMA_DEFS = Map.of(
            "moneyObject", Money.class, "contributionPeriod", ContributionPeriod.class, "person", Person.class,
            "childbirth", Childbirth.class, "workInjury", WorkInjury.class, "sickness", Sickness.class,
            "death", Death.class, "retirementClaim", RetirementClaim.class);

    static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(NssfJson.profileSchema());
    }

    @Test
    void repositoryCopyOfTheSchemaIsIdentical() throws IOException {
        Path copy = Path.of("..", "schema", "worker-profile.schema.json");
        assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo(NssfJson.profileSchema());
        assertThat(schema().path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyRecordComponentIsInTheSchemaAndNothingElse() throws IOException {
        JsonNode schema = schema();
        assertProperties(schema, WorkerProfile.class, "$");
        SCHEMA_DEFS.forEach((def, type) -> assertProperties(schema.path("$defs").path(def), type, def));
        List<String> eventRefs = new ArrayList<>();
        schema.path("$defs").path("lifeEvent").path("oneOf").forEach(n -> eventRefs.add(n.path("$ref").asText()));
        assertThat(eventRefs).hasSize(LifeEvent.class.getPermittedSubclasses().length);
        for (Class<?> event : LifeEvent.class.getPermittedSubclasses()) {
            String def = Character.toLowerCase(event.getSimpleName().charAt(0)) + event.getSimpleName().substring(1);
            assertThat(eventRefs).contains("#/$defs/" + def);
            assertThat(SCHEMA_DEFS).containsEntry(def, event.asSubclass(Record.class));
        }
    }

    private static void assertProperties(JsonNode def, Class<? extends Record> type, String where) {
        List<String> names = new ArrayList<>();
        def.path("properties").fieldNames().forEachRemaining(names::add);
        names.remove(LifeEvent.class.isAssignableFrom(type) ? "type" : "");
        assertThat(names).as("schema properties of %s (%s)", where, type.getSimpleName())
                .containsExactlyElementsOf(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        for (JsonNode prop : def.path("properties")) assertThat(prop.path("description").asText()).as("description in %s", where).isNotBlank();
    }

    @Test
    void schemaListsEveryEnumConstantAndClosesEveryObject() throws IOException {
        JsonNode schema = schema();
        Map<Class<? extends Enum<?>>, JsonNode> enums = Map.of(
                Sex.class, schema.at("/properties/sex/enum"), EmploymentStatus.class, schema.at("/properties/employmentStatus/enum"),
                Sector.class, schema.at("/properties/sector/enum"), Currency.class, schema.at("/$defs/moneyObject/properties/currency/enum"),
                Scheme.class, schema.at("/$defs/scheme/enum"), Relation.class, schema.at("/$defs/person/properties/relation/enum"));
        enums.forEach((type, node) -> {
            List<String> listed = new ArrayList<>();
            node.forEach(n -> { if (!n.isNull()) listed.add(n.asText()); });
            assertThat(listed).as(type.getSimpleName()).containsExactly(Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new));
        });
        assertClosed(schema, "$");
    }

    private static void assertClosed(JsonNode node, String where) {
        if (node.isObject()) {
            if (node.has("properties") && !where.matches(".*\\.(if|then|else)")) {
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
}
