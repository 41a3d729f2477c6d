package org.rulesascode.nssf.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.population.CompareSummary;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.Population;
import org.rulesascode.nssf.population.PopulationGenerator;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.RowError;
import org.rulesascode.nssf.population.RunSummary;

/**
 * The same lines give the same summary.json bytes, the same rejected lines and one result per assessed worker on Spark
 * ({@code local[2]}, several partitions, rows scrambled across partitions) as the population module's run and compare
 * on one machine (what {@code nssf run} and {@code nssf compare} call).
 */
class SparkPopulationTests {
    static final long SEED = 20261206L;
    static final LocalDate AS_OF = LocalDate.of(2028, 6, 30);
    /** Two parameter changes: a contribution ceiling (contribution flips) and a qualifying period (decision flips). */
    static final String REFORM_YAML = """
            name: "Ceiling 2,000,000 and maternity after 6 months, from 2027"
            description: "Test reform."
            parameters:
              pension.contributable_wage.ceiling:
                2027-01-01: 2000000
              health_care.maternity.qualifying_months:
                2027-01-01: 6
            """;

    static SparkSession spark;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("nssf-spark-tests")
                .config("spark.ui.enabled", false)
                .config("spark.sql.shuffle.partitions", 4)
                .config("spark.default.parallelism", 4)
                .config("spark.sql.adaptive.enabled", false) // else small shuffles are coalesced into one partition
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    /** A generated population (seed {@link #SEED}) of {@code n} lines with four bad lines at known places. */
    static Path jsonl(String name, int n) throws Exception {
        StringWriter w = new StringWriter();
        new PopulationGenerator(SEED, AS_OF).write(n, w);
        List<String> lines = new ArrayList<>(List.of(w.toString().split("\n")));
        String[] weights = {"1.5", "431.7", "0.000001", "2"};                   // every 7th line carries a weight
        for (int i = 3; i < n; i += 7) lines.set(i, "{\"weight\": " + weights[i / 7 % weights.length] + ", " + lines.get(i).substring(1));
        lines.set(4, "");                                                      // line 5: empty
        lines.set(99, "{not json");                                            // line 100
        lines.set(249, lines.get(249).replaceFirst("\"birthDate\":\"[^\"]*\"", "\"birthDate\":\"1990-02-30\"")); // line 250
        lines.set(n - 1, lines.get(n - 1).replaceFirst("\\{", "{\"colour\":\"blue\",")); // last line: unknown field
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** @return the lines numbered, then scrambled across 4 partitions (a seeded hash order), so no partition holds input order */
    static Dataset<Row> scrambled(SparkPopulation p) {
        Dataset<Row> s = p.lines().orderBy(functions.xxhash64(functions.col("line"), functions.lit(SEED)));
        assertThat(s.javaRDD().getNumPartitions()).as("partitions").isGreaterThanOrEqualTo(3);
        assertThat(s.first().getLong(0)).as("first row after scrambling (seed %s)", SEED).isNotEqualTo(1L);
        return s;
    }

    static List<String> errorsCsv(Dataset<Row> errors) {
        List<Row> rows = new ArrayList<>(errors.collectAsList());
        rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
        List<String> out = new ArrayList<>();
        for (Row r : rows) out.add(new RowError(r.getLong(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)).toCsv());
        return out;
    }

    static List<String> body(Path csv) throws Exception {
        List<String> l = Files.readAllLines(csv, StandardCharsets.UTF_8);
        return l.subList(1, l.size());
    }

    @Test
    void compare_jsonLinesScrambledOverPartitions_sameSummaryBytesErrorsAndFlipsAsOneMachine() throws Exception {
        int n = 300;
        Path file = jsonl("compare.jsonl", n);
        EligibilityEngine baseline = EligibilityEngine.standard();
        Reform reform = NssfReforms.parse("reform", REFORM_YAML, null, false);
        Path out = dir.resolve("compare-one-machine");
        CompareSummary one = PopulationRunner.compare(baseline, baseline.withReform(reform),
                new PopulationRunner.Options(AS_OF, file, InputFormat.jsonl, out, 2, null));
        assertThat(one.decisionFlips()).as("the reform changes decisions (else this test proves little)").isPositive();
        assertThat(one.contributionFlips()).as("the reform changes contributions").isPositive();
        assertThat(one.weighted()).as("rows carry weights").isTrue();

        SparkPopulation p = SparkPopulation.numbered(scrambled(SparkPopulation.jsonLines(spark.read().textFile(file.toString()))), InputFormat.jsonl);
        try (SparkComparison c = p.compare(AS_OF, REFORM_YAML)) {
            assertThat(c.summaryJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(out.resolve("summary.json")));
            assertThat(errorsCsv(c.errors())).isEqualTo(body(out.resolve("errors.csv")));
            assertThat(c.errors().collectAsList()).extracting(r -> r.getLong(0)).containsExactlyInAnyOrder(5L, 100L, 250L, (long) n);
            long results = c.results().count();
            assertThat(results + c.errors().count()).as("rows in = assessed + rejected").isEqualTo(n);
            assertThat(c.summary().baseline().rowsIn()).isEqualTo(n);
            assertThat(c.results().select("line").distinct().count()).as("one result per worker").isEqualTo(results);
            long flips = c.results().agg(functions.sum("flipCount")).first().getLong(0);
            assertThat(flips).as("flips in the results = records of flips.csv").isEqualTo(body(out.resolve("flips.csv")).size());
            assertThat(c.reportHtml("compare.jsonl")).contains("Ceiling 2,000,000 and maternity after 6 months", "2028-06-30");
        }
    }

    @Test
    void run_jsonLinesUnderAReform_sameSummaryBytesAsOneMachine() throws Exception {
        int n = 260;
        Path file = jsonl("run.jsonl", n);
        Reform reform = NssfReforms.parse("reform", REFORM_YAML, null, false);
        Path out = dir.resolve("run-one-machine");
        RunSummary one = PopulationRunner.run(EligibilityEngine.standard().withReform(reform),
                new PopulationRunner.Options(AS_OF, file, InputFormat.jsonl, out, 2, null));
        // 3 partitions in file order (a repartition before numbering would number the lines in a shuffled order)
        Dataset<String> lines = spark.createDataset(spark.sparkContext().textFile(file.toString(), 3), org.apache.spark.sql.Encoders.STRING());
        assertThat(lines.javaRDD().getNumPartitions()).isEqualTo(3);
        SparkPopulation p = SparkPopulation.jsonLines(lines);
        try (SparkRun r = p.run(AS_OF, reform)) {
            assertThat(r.summaryJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(out.resolve("summary.json")));
            assertThat(r.summary().assessed()).isEqualTo(one.assessed()).isEqualTo(n - 4);
            List<String> jsonl = r.results().orderBy("line").select("result").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            assertThat(jsonl).as("results.jsonl, line by line").isEqualTo(Files.readAllLines(out.resolve("results.jsonl"), StandardCharsets.UTF_8));
        }
    }

    /** A CSV population made by formula (no randomness): varied statuses, sectors, currencies, periods; three bad rows. */
    static Path csv(String name, int n) throws Exception {
        String[] status = {"EMPLOYEE", "EMPLOYEE", "PUBLIC_EMPLOYEE", "SELF_EMPLOYED", "INFORMAL"};
        String[] sector = {"GARMENT", "CONSTRUCTION", "OTHER", "", "TRANSPORT"};
        StringBuilder sb = new StringBuilder(Population.CSV_HEADER).append(",weight\n");
        for (int i = 0; i < n; i++) {
            int birthYear = 1962 + i % 45;
            boolean usd = i % 3 == 0;
            String wage = usd ? String.valueOf(150 + i % 700) : String.valueOf(300_000 + 17_000L * (i % 160));
            String line = "w" + i + "," + birthYear + "-0" + (1 + i % 9) + "-1" + (i % 10) + "," + (i % 2 == 0 ? "FEMALE" : "MALE") + ","
                    + status[i % status.length] + "," + sector[i / 5 % sector.length] + "," + (2015 + i % 10) + "-03-02," + (1 + i % 900) + ","
                    + (i % 7 == 6 ? ",,,,,," : (2018 + i % 8) + "-01,2028-0" + (1 + i % 6) + "," + wage + "," + (usd ? "USD,4100" : "KHR,")
                    + "," + (i % 11 == 0 ? "false" : "true") + ",") + "," + (i % 4 == 0 ? "2.5" : i % 9 == 0 ? "0.125" : "");
            sb.append(line).append('\n');
        }
        List<String> lines = new ArrayList<>(List.of(sb.toString().split("\n")));
        if (n < 50) return write(name, lines);
        lines.set(10, lines.get(10).replace(",MALE,", ",M,"));         // line 11: sex not allowed
        lines.set(20, lines.get(20).replaceFirst("-0\\d-1\\d", "-13-01"));  // line 21: month 13
        lines.set(30, lines.get(30).replace(",true,", ",yes,"));           // line 31: paid neither true nor false
        lines.set(41, "\"quoted, \"\"id\"\"\"" + lines.get(41).substring(lines.get(41).indexOf(','))); // line 42: a good row, quoted id
        return write(name, lines);
    }

    static Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void run_csvColumnsAndCsvLines_sameSummaryBytesAndErrorsAsOneMachine() throws Exception {
        int n = 120;
        Path file = csv("run.csv", n);
        Path out = dir.resolve("csv-one-machine");
        RunSummary one = PopulationRunner.run(EligibilityEngine.standard(), new PopulationRunner.Options(AS_OF, file, InputFormat.csv, out, 2, null));
        assertThat(one.rejected()).as("the bad rows are rejected").isGreaterThanOrEqualTo(2);
        assertThat(one.assessed()).as("%s", Files.readString(out.resolve("errors.csv"))).isEqualTo(n - 3);
        byte[] expected = Files.readAllBytes(out.resolve("summary.json"));
        assertThat(one.weighted()).as("rows carry weights").isTrue();

        Dataset<Row> columns = spark.read().option("header", true).csv(file.toString()).repartition(1); // the reader's order kept
        SparkPopulation byColumns = SparkPopulation.csv(columns.select("schemes", "id", "birthDate", "sex", "employmentStatus", "sector", "employmentStart",
                "enterpriseWorkers", "historyFrom", "historyTo", "declaredWage", "weight", "currency", "exchangeRate", "paid")); // any column order
        try (SparkRun r = byColumns.run(AS_OF)) {
            assertThat(r.summaryJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(errorsCsv(r.errors())).isEqualTo(body(out.resolve("errors.csv")));
        }
        SparkPopulation byLines = SparkPopulation.csvLines(spark.read().textFile(file.toString()));
        assertThat(byLines.weightColumn()).isTrue();
        try (SparkRun r = SparkPopulation.numbered(scrambled(byLines), InputFormat.csv, byLines.weightColumn()).run(AS_OF)) {
            assertThat(r.summaryJson().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
            assertThat(errorsCsv(r.errors())).isEqualTo(body(out.resolve("errors.csv")));
            assertThat(r.results().count() + r.errors().count()).isEqualTo(n);
            assertThat(r.results().filter(functions.col("line").equalTo(42L)).first().getString(1)).isEqualTo("quoted, \"id\"");
        }
    }

    @Test
    void badArguments_clearErrorsBeforeAnyTask() throws Exception {
        SparkPopulation p = SparkPopulation.jsonLines(spark.read().textFile(jsonl("bad.jsonl", 300).toString()));
        assertThatThrownBy(() -> p.run(LocalDate.of(2007, 12, 31)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("asOf"))
                .hasMessageContaining("2008-01-01");
        assertThatThrownBy(() -> p.compare(AS_OF, "name: x\nparameters:\n  pension.no_such_parameter:\n    2027-01-01: 1\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pension.no_such_parameter");
        Dataset<Row> noSex = spark.read().option("header", true).csv(csv("nosex.csv", 10).toString()).drop("sex");
        assertThatThrownBy(() -> SparkPopulation.csv(noSex))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("columns"))
                .hasMessageContaining("lacks the column sex");
        Dataset<String> notCsv = spark.read().textFile(dir.resolve("bad.jsonl").toString());
        assertThatThrownBy(() -> SparkPopulation.csvLines(notCsv))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("header"));
    }
}
