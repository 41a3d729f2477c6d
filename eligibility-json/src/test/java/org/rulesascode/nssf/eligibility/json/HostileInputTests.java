package org.rulesascode.nssf.eligibility.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The reproductions of issue 14 that the readers must refuse at once (before any arithmetic), each with one line that
 * says what is wrong, where, and what is allowed, and never echoes a huge value in full.
 */
class HostileInputTests {
    /** A valid profile with {@code %s} in place of the wage of its one history period. */
    static final String PROFILE = """
            {"id": "w", "birthDate": "1990-01-01", "sex": "FEMALE", "employmentStatus": "EMPLOYEE",
             "history": [{"from": "2025-01", "to": "2025-05", "declaredWage": %s}],
             "events": %s}
            """;
    static final String NO_EVENTS = "[]";
    /** The README's promise: any input up to 1 MiB is answered or refused within 5 s (here: only read). */
    static final long BOUND_MILLIS = 5_000;

    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        NssfJson.readProfile(wage("400000")); // class loading is not the cost of an input
        NssfReforms.parse("warm.yaml", "name: x\n", null, false);
    }

    static InvalidInputException refused(String json) {
        long t0 = System.nanoTime();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(json));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e).as("refused").isNotNull();
        assertThat(millis).as("milliseconds to refuse").isLessThan(BOUND_MILLIS);
        assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(500);
        return e;
    }

    static String wage(String amount) {
        return PROFILE.formatted("{\"amount\": " + amount + ", \"currency\": \"KHR\"}", NO_EVENTS);
    }

    @Test
    void aWageOf1e100000000_isRefusedAtOnce() {
        InvalidInputException e = refused(wage("1e100000000"));
        assertThat(e.field()).isEqualTo("$.history[0].declaredWage.amount");
        assertThat(e.problem()).isEqualTo("is 1E+100000000, too large");
        assertThat(e.allowed()).isEqualTo("an amount from 0 to 100000000000 riel");
    }

    @Test
    void aWageOf800000000000000000_isRefused_notOverflowedIntoANegativePay() {
        InvalidInputException e = refused(wage("800000000000000000"));
        assertThat(e.field()).isEqualTo("$.history[0].declaredWage.amount");
        assertThat(e.problem()).contains("too large");
        // and as a plain whole number of riel
        assertThat(refused(PROFILE.formatted("800000000000000000", NO_EVENTS)).field()).isEqualTo("$.history[0].declaredWage.amount");
    }

    @Test
    void wagesOf1e400And2pow63_areRefusedAsTooLarge() {
        assertThat(refused(wage("1e400")).problem()).isEqualTo("is 1E+400, too large");
        assertThat(refused(wage("9223372036854775808")).problem()).isEqualTo("is 9223372036854775808, too large");
    }

    @Test
    void theLargestWage_isAccepted_oneRielMoreIsNot() {
        assertThat(NssfJson.readProfile(wage(String.valueOf(Limits.MAX_RIEL))).history().get(0).declaredWage().toRiel()).isEqualTo(100_000_000_000L);
        refused(wage(String.valueOf(Limits.MAX_RIEL + 1)));
    }

    @Test
    void anExchangeRateOf1e999999999_isRefusedWithTheRange() {
        InvalidInputException e = refused(PROFILE.formatted("{\"amount\": 200, \"currency\": \"USD\", \"exchangeRate\": 1e999999999}", NO_EVENTS));
        assertThat(e.field()).isEqualTo("$.history[0].declaredWage.exchangeRate");
        assertThat(e.allowed()).contains("from 100 to 100000");
    }

    @Test
    void aRateWithTooManyDecimals_andATinyAmount_areRefused() {
        assertThat(refused(wage("1e-999999999")).problem()).contains("too many decimal places");
        assertThat(refused(PROFILE.formatted("{\"amount\": 200, \"currency\": \"USD\", \"exchangeRate\": 4100.1234567}", NO_EVENTS)).problem())
                .contains("too many decimal places");
    }

    @Test
    void tooManyEvents_areRefusedByCount() {
        String sickness = "{\"type\": \"SICKNESS\", \"date\": \"2025-03-01\", \"days\": 3}";
        String events = "[" + String.join(",", Collections.nCopies(Limits.MAX_EVENTS + 1, sickness)) + "]";
        InvalidInputException e = refused(PROFILE.formatted("400000", events));
        assertThat(e.field()).isEqualTo("$.events");
        assertThat(e.allowed()).isEqualTo("at most 200 life events");
        String ok = "[" + String.join(",", Collections.nCopies(Limits.MAX_EVENTS, sickness)) + "]";
        assertThat(NssfJson.readProfile(PROFILE.formatted("400000", ok)).events()).hasSize(200);
    }

    @Test
    void eventDatesOutsideTheRange_areRefused() {
        InvalidInputException e = refused(PROFILE.formatted("400000", "[{\"type\": \"RETIREMENT_CLAIM\", \"date\": \"2101-01-01\"}]"));
        assertThat(e.field()).isEqualTo("$.events[0].date");
        assertThat(e.allowed()).isEqualTo("a date from 1900-01-01 to 2100-12-31");
    }

    @Test
    void aNumberLongerThanTheLimit_saysSo_notJustIsInvalid() {
        InvalidInputException e = refused(wage("1" + "0".repeat(200)));
        assertThat(e.problem()).startsWith("has a number longer than 100 characters");
    }

    @Test
    void nestingDeeperThanTheLimit_isRefusedInOneLine() {
        // the reader stops at the first array where an event belongs, before it nests deeper
        InvalidInputException e = refused(PROFILE.formatted("400000", "[" + "[".repeat(5_000) + "]".repeat(5_000) + "]"));
        assertThat(e.field()).isEqualTo("$.events[0]");
        InvalidInputException unknown = refused("{\"x\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");
        assertThat(unknown.getMessage()).doesNotContain("is invalid");
    }

    @Test
    void aHugeId_isNotEchoedInFull() {
        String id = "x".repeat(200_000);
        InvalidInputException e = refused(wage("400000").replace("\"id\": \"w\"", "\"id\": \"" + id + "\""));
        assertThat(e.field()).isEqualTo("$.id");
        assertThat(e.problem()).isEqualTo("is too long (200000 characters)");
    }

    @Test
    void aKeyWithALineBreak_staysOnOneLine() {
        InvalidInputException e = refused(wage("400000").replace("\"sex\"", "\"s\\nex\"").replace("\"s\\nex\"", "\"s\nex\""));
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void aProfileStringLongerThan1MiB_isRefusedBySize() {
        String json = wage("400000") + " ".repeat(Limits.MAX_PROFILE_BYTES);
        InvalidInputException e = refused(json);
        assertThat(e.allowed()).isEqualTo("a profile of at most 1048576 bytes");
    }

    @Test
    void aProfileFileLargerThan1MiB_orAnEndlessDevice_isRefusedBySize(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.writeString(big, wage("400000") + " ".repeat(Limits.MAX_PROFILE_BYTES));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(big));
        assertThat(e.problem()).isEqualTo("cannot read " + big + ": it is larger than 1048576 bytes");
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            long t0 = System.nanoTime();
            InvalidInputException z = catchThrowableOfType(InvalidInputException.class, () -> NssfJson.readProfile(zero));
            assertThat(z.problem()).isEqualTo("cannot read /dev/zero: it is larger than 1048576 bytes");
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(BOUND_MILLIS);
        }
    }

    // ------------------------------------------------------------------------------------------- reforms

    static InvalidInputException refusedReform(String yaml) {
        long t0 = System.nanoTime();
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.parse("r.yaml", yaml, null, false));
        assertThat(e).as("refused").isNotNull();
        assertThat((System.nanoTime() - t0) / 1_000_000).as("milliseconds to refuse").isLessThan(BOUND_MILLIS);
        assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(500);
        return e;
    }

    @Test
    void aReformDateOf999999999_isRefusedWithTheRange() {
        InvalidInputException e = refusedReform("name: x\nparameters:\n  pension.contributable_wage.ceiling:\n    +999999999-12-31: 2000000\n");
        assertThat(e.field()).isEqualTo("r.yaml:4 parameters.pension.contributable_wage.ceiling.+999999999-12-31");
        assertThat(e.allowed()).isEqualTo("a date from 1900-01-01 to 2100-12-31");
    }

    @Test
    void aReformOfMoreThanTheMostDatedValues_isRefusedByCount() {
        StringBuilder sb = new StringBuilder("name: x\nparameters:\n  pension.contributable_wage.ceiling:\n");
        java.time.LocalDate d = java.time.LocalDate.of(2027, 1, 1);
        for (int i = 0; i <= Limits.MAX_REFORM_CHANGES; i++) sb.append("    ").append(d.plusDays(i)).append(": ").append(2_000_000 + i).append('\n');
        InvalidInputException e = refusedReform(sb.toString());
        assertThat(e.allowed()).isEqualTo("at most 1000 dated values in one reform");
    }

    @Test
    void aReformFileLargerThan1MiB_orDevZero_isRefusedBySize(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "name: x\n" + "#".repeat(Limits.MAX_REFORM_BYTES));
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.read(big));
        assertThat(e.problem()).isEqualTo("cannot be read: it is larger than 1048576 bytes");
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            InvalidInputException z = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.read(zero));
            assertThat(z.problem()).isEqualTo("cannot be read: it is larger than 1048576 bytes");
        }
    }

    @Test
    void aReformNestedTooDeep_saysSo() {
        InvalidInputException e = refusedReform("name: x\nparameters: " + "[".repeat(100) + "]".repeat(100) + "\n");
        assertThat(e.problem()).contains("nested more than 32 levels deep");
    }

    @Test
    void theSchemaStatesTheLimitsOfTheReader() throws IOException {
        com.fasterxml.jackson.databind.JsonNode schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(NssfJson.profileSchema());
        com.fasterxml.jackson.databind.JsonNode props = schema.path("properties");
        com.fasterxml.jackson.databind.JsonNode defs = schema.path("$defs");
        assertThat(props.path("events").path("maxItems").asInt()).isEqualTo(Limits.MAX_EVENTS);
        assertThat(props.path("dependants").path("maxItems").asInt()).isEqualTo(Limits.MAX_PERSONS);
        assertThat(props.path("history").path("maxItems").asInt()).isEqualTo(Limits.MAX_PERIODS);
        assertThat(props.path("enterpriseWorkers").path("maximum").asInt()).isEqualTo(Limits.MAX_ENTERPRISE_WORKERS);
        assertThat(defs.path("money").path("oneOf").get(0).path("maximum").asLong()).isEqualTo(Limits.MAX_RIEL);
        assertThat(defs.path("moneyObject").path("properties").path("amount").path("maximum").asLong()).isEqualTo(Limits.MAX_RIEL);
        assertThat(defs.path("moneyObject").path("then").path("properties").path("amount").path("maximum").decimalValue())
                .isEqualByComparingTo(Limits.MAX_USD);
        assertThat(defs.path("moneyObject").path("properties").path("exchangeRate").path("minimum").decimalValue())
                .isEqualByComparingTo(Limits.MIN_EXCHANGE_RATE);
        assertThat(defs.path("moneyObject").path("properties").path("exchangeRate").path("maximum").decimalValue())
                .isEqualByComparingTo(Limits.MAX_EXCHANGE_RATE);
        assertThat(defs.path("sickness").path("properties").path("days").path("maximum").asInt()).isEqualTo(Limits.MAX_DAYS);
        assertThat(defs.path("workInjury").path("properties").path("incapacityDays").path("maximum").asInt()).isEqualTo(Limits.MAX_DAYS);
        assertThat(defs.path("death").path("properties").path("survivors").path("maxItems").asInt()).isEqualTo(Limits.MAX_PERSONS);
        assertThat(defs.path("date").path("description").asText()).contains(Limits.MIN_DATE.toString(), Limits.MAX_DATE.toString());
    }
}
