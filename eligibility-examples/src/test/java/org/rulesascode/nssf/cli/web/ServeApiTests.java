package org.rulesascode.nssf.cli.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.letters.DecisionLetter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The REST API of {@code nssf serve}, called over HTTP on the loopback interface. */
class ServeApiTests {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static EligibilityEngine engine;
    static WebServer server;

    @BeforeAll
    static void start() throws IOException {
        engine = EligibilityEngine.standard();
        server = WebServer.start(engine, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static String example(String name) throws IOException {
        try (InputStream in = ServeApiTests.class.getResourceAsStream("/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body, String type) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String s) throws IOException {
        return MAPPER.readTree(s);
    }

    /** A 4xx answer is one line, names what is wrong, and shows no Java internals. */
    static void assertMistake(HttpResponse<String> r, int status, String... words) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        String error = json(r.body()).get("error").asText();
        assertThat(error).contains(words).doesNotContain("\n", "Exception", "at org.", "at java.");
    }

    @Test
    void server_listensOnTheLoopbackOnly() {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void assess_returnsWhatTheLibraryReturns_asJsonTextAndHtml() throws Exception {
        String profile = example("garment-worker.json");
        AssessmentRequest request = AssessmentRequest.of(NssfJson.readProfile(profile), LocalDate.of(2025, 6, 30));

        HttpResponse<String> r = post("/v1/assess?asOf=2025-06-30", profile, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body())).isEqualTo(json(NssfJson.write(engine.assess(request, Locale.ENGLISH))));

        HttpResponse<String> km = post("/v1/assess?asOf=2025-06-30&format=text&lang=km", profile, "application/json");
        assertThat(km.body()).isEqualTo(DecisionLetter.text(engine.assess(request, Locale.forLanguageTag("km")), Locale.forLanguageTag("km"), false));
        assertThat(km.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");

        HttpResponse<String> html = post("/v1/assess?asOf=2025-06-30&format=html&detail=true", profile, "application/json");
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<details");
    }

    @Test
    void assess_aMistakeInTheProfile_is400WithTheJsonPath() throws Exception {
        String bad = "{\"id\":\"x\",\"birthDate\":\"1990-01-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\","
                + "\"history\":[{\"from\":\"2025-13\",\"to\":\"2025-12\",\"declaredWage\":1}]}";
        assertMistake(post("/v1/assess?asOf=2025-06-30", bad, "application/json"), 400, "$.history[0].from", "allowed:");
        assertMistake(post("/v1/assess?asOf=2025-06-30", "{\"id\": ", "application/json"), 400, "$");
        assertMistake(post("/v1/assess?asOf=30-06-2025", example("garment-worker.json"), "application/json"), 400, "asOf", "YYYY-MM-DD");
        assertMistake(post("/v1/assess?asOf=2025-06-30&format=pdf", example("garment-worker.json"), "application/json"), 400, "format", "json, text, html");
        assertMistake(post("/v1/assess?asOf=2025-06-30&schemes=DENTAL", example("garment-worker.json"), "application/json"), 400, "schemes", "PENSION");
    }

    @Test
    void assess_aBodyOverTheLimit_is413_andNothingIsRead() throws Exception {
        String big = " ".repeat(WebServer.MAX_BODY + 1);
        assertMistake(post("/v1/assess?asOf=2025-06-30", big, "application/json"), 413, "larger than");
    }

    @Test
    void wrongMethodOrPath_areClearErrors() throws Exception {
        assertMistake(get("/v1/assess?asOf=2025-06-30"), 405, "GET", "POST");
        assertMistake(get("/v1/nothing"), 404, "/v1/nothing");
        assertMistake(get("/v1/contributions?month=2025-06&wage=1&path=/etc/passwd"), 400, "path", "is not a parameter");
    }

    @Test
    void contributions_selfEmployed_isToldTheVoluntaryContribution_fromTheParameterTable() throws Exception {
        // the voluntary scheme's flat monthly amount, read from /v1/parameters (the value in force in 2025-06)
        long flat = -1;
        LocalDate month = LocalDate.of(2025, 6, 1);
        LocalDate from = null;
        for (JsonNode p : json(get("/v1/parameters").body())) {
            if (!p.get("id").asText().equals("voluntary_health_care.contribution.flat_amount")) continue;
            LocalDate f = LocalDate.parse(p.get("from").asText());
            if (!f.isAfter(month) && (from == null || f.isAfter(from)) && !p.get("value").isNull()) {
                from = f;
                flat = Long.parseLong(p.get("value").asText());
            }
        }
        assertThat(flat).as("the parameter table has the voluntary contribution").isPositive();

        JsonNode notMember = json(get("/v1/contributions?month=2025-06&wage=900000&status=SELF_EMPLOYED").body());
        assertThat(notMember.get("lines")).isEmpty();
        assertThat(notMember.at("/ifJoined/monthlyContribution").asLong()).isEqualTo(flat);
        assertThat(notMember.at("/ifJoined/scheme").asText()).isEqualTo("VOLUNTARY_HEALTH_CARE");

        JsonNode member = json(get("/v1/contributions?month=2025-06&wage=900000&status=SELF_EMPLOYED&schemes=VOLUNTARY_HEALTH_CARE").body());
        assertThat(member.get("lines")).hasSize(1);
        assertThat(member.at("/lines/0/worker").asLong()).isEqualTo(flat);
        assertThat(member.get("ifJoined").isNull()).isTrue();

        assertMistake(get("/v1/contributions?month=2025-06&wage=-5"), 400, "wage");
        assertMistake(get("/v1/contributions?wage=5"), 400, "month", "is missing");
    }

    @Test
    void schemaParametersAndOpenApi_areServed() throws Exception {
        assertThat(json(get("/v1/schema").body())).isEqualTo(json(NssfJson.profileSchema()));
        assertThat(json(get("/v1/parameters").body()).size()).isGreaterThan(10);
        JsonNode api = json(get("/v1/openapi.json").body());
        assertThat(api.get("openapi").asText()).startsWith("3.");
        for (String p : Set.of("/v1/assess", "/v1/contributions", "/v1/parameters", "/v1/schema", "/v1/compare")) {
            assertThat(api.get("paths").has(p)).as(p).isTrue();
        }
    }

    @Test
    void compare_aSmallPopulation_findsTheFlipTheReformCauses() throws Exception {
        String reform = Files.readString(Path.of("reforms/maternity-qualifying-6-months.yaml"));
        // a mother with exactly 6 paid months in the 12 before a 2027 delivery: 6 < 9 under the law, 6 >= 6 under the reform
        String mother = "{\"id\":\"m6\",\"birthDate\":\"1995-01-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\","
                + "\"employmentStart\":\"2026-09-01\",\"enterpriseWorkers\":100,"
                + "\"history\":[{\"from\":\"2026-09\",\"to\":\"2027-02\",\"declaredWage\":{\"amount\":900000,\"currency\":\"KHR\"}}],"
                + "\"events\":[{\"type\":\"CHILDBIRTH\",\"date\":\"2027-03-10\",\"babies\":1,\"pregnancyWeeks\":39,\"notifiedOn\":\"2026-10-01\"}]}";
        String man = "{\"id\":\"noevent\",\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\",\"employmentStatus\":\"EMPLOYEE\","
                + "\"history\":[{\"from\":\"2026-01\",\"to\":\"2027-02\",\"declaredWage\":{\"amount\":900000,\"currency\":\"KHR\"}}]}";
        String body = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("asOf", "2027-03-31").put("reform", reform)
                .set("profiles", MAPPER.createArrayNode().add(MAPPER.readTree(mother)).add(MAPPER.readTree(man))));
        HttpResponse<String> r = post("/v1/compare", body, "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode out = json(r.body());
        assertThat(out.get("profilesWithChanges").asLong()).isEqualTo(1);
        JsonNode flips = out.at("/results/0/flips");
        assertThat(flips.findValuesAsText("benefit")).contains("MATERNITY_ALLOWANCE");
        assertThat(out.at("/results/1/flips")).isEmpty();

        String withRules = "name: x\nrules:\n  - /etc/passwd\n";
        String bad = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("asOf", "2027-03-31").put("reform", withRules)
                .set("profiles", MAPPER.createArrayNode().add(MAPPER.readTree(man))));
        HttpResponse<String> refused = post("/v1/compare", bad, "application/json");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("root:");

        String badProfile = MAPPER.writeValueAsString(MAPPER.createObjectNode().put("asOf", "2027-03-31").put("reform", reform)
                .set("profiles", MAPPER.createArrayNode().add(MAPPER.readTree(man)).add(MAPPER.readTree("{\"id\":\"y\"}"))));
        assertMistake(post("/v1/compare", badProfile, "application/json"), 400, "$.profiles[1]");
    }

    @Test
    void letterForm_postsFieldsAndGetsTheLetterPage_orTheMistake() throws Exception {
        String form = "birthDate=1996-03-14&sex=FEMALE&employmentStatus=EMPLOYEE&wage=852800&employmentStart=2019-01-07"
                + "&h0.from=2024-01&h0.to=2025-05&h0.wage=852800&h0.paid=yes&e0.type=CHILDBIRTH&e0.date=2025-06-02&asOf=2025-06-30&lang=km";
        HttpResponse<String> r = post("/letter", form, "application/x-www-form-urlencoded");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<html lang=\"km\">", "អ្វីដែលអ្នកទទួលបាន");

        HttpResponse<String> bad = post("/letter", "birthDate=1996-13-14&sex=FEMALE&employmentStatus=EMPLOYEE&asOf=2025-06-30",
                "application/x-www-form-urlencoded");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("$.birthDate", "1996-13-14").doesNotContain("Exception");
        assertThat(get("/?lang=km").body()).contains("<html lang=\"km\">", URLEncoder.encode("x", StandardCharsets.UTF_8));
    }
}
