package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;

/**
 * Summaries merge: a population cut into random partitions, each partition run apart (its own call, its own summary,
 * sent through Java serialization as a driver would receive it), and the partial summaries merged in a random order
 * and a random tree shape, give the same {@code summary.json} bytes as one run over all rows. That is associativity
 * and commutativity where they matter: on the bytes a user reads. Seeded; the seed and trial are in every message.
 */
class SummaryMergeProperties {

    static final LocalDate AS_OF = LocalDate.of(2028, 6, 30);
    static final long SEED = Long.getLong("nssf.seed", 20261206L);
    static final int TRIALS = 2;
    static final Reform CEILING = new Reform("Pension ceiling 2,000,000 from 2027", "Test reform of SummaryMergeProperties.",
            List.of(new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "")), List.of());

    static EligibilityEngine baseline;
    static EligibilityEngine reform;
    static List<Row> rows;

    @BeforeAll
    static void population() throws IOException {
        baseline = EligibilityEngine.standard();
        reform = baseline.withReform(CEILING);
        StringWriter w = new StringWriter();
        new PopulationGenerator(5, AS_OF).write(300, w);
        List<String> lines = new ArrayList<>(w.toString().lines().toList());
        // every third person carries a weight (1.25 to 431.7, up to 6 decimals): the weighted sums merge exactly too
        String[] weights = {"1.25", "431.7", "2", "0.000001", "17.123456"};
        for (int i = 0; i < lines.size(); i += 3) lines.set(i, "{\"weight\": " + weights[i / 3 % weights.length] + ", " + lines.get(i).substring(1));
        lines.add(7, "{\"id\": \"broken\", ");                       // rejected: malformed
        lines.add(40, "");                                            // rejected: empty
        lines.add(90, "{\"id\":\"future\",\"birthDate\":\"2030-01-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\"}"); // born after as-of
        rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) rows.add(Row.text(i + 1, lines.get(i), InputFormat.jsonl));
    }

    /** @return the rows cut at random places into 1 to 6 partitions, in input order */
    static List<List<Row>> partitions(Random r) {
        int n = 1 + r.nextInt(6);
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < n; i++) cuts.add(1 + r.nextInt(rows.size() - 1));
        cuts.add(0);
        cuts.add(rows.size());
        List<Integer> sorted = cuts.stream().distinct().sorted().toList();
        List<List<Row>> out = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) out.add(rows.subList(sorted.get(i), sorted.get(i + 1)));
        return out;
    }

    /** Merges the parts in a random order and a random tree shape. */
    static <T> T mergeRandomly(List<T> parts, Random r, java.util.function.BinaryOperator<T> merge) {
        List<T> pool = new ArrayList<>(parts);
        while (pool.size() > 1) {
            T a = pool.remove(r.nextInt(pool.size()));
            T b = pool.remove(r.nextInt(pool.size()));
            pool.add(merge.apply(a, b));
        }
        return pool.get(0);
    }

    @SuppressWarnings("unchecked")
    static <T> T overTheWire(T summary) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(summary);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void runSummaries_ofRandomPartitions_mergeIntoTheBytesOfOneRun() throws Exception {
        String whole = PopulationRunner.summaryJson(PopulationRunner.run(baseline, rows.iterator(), AS_OF, 2, ResultSink.NONE), baseline, AS_OF, InputFormat.jsonl);
        assertThat(whole).contains("\"rejected\" : 3", "\"weighted\"", "\"rowsWithWeight\" : 100", "\"wageDeciles\"", "\"deciles\" : \"10\"");
        Random r = new Random(SEED);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<List<Row>> parts = partitions(r);
            List<RunSummary> partial = new ArrayList<>();
            for (List<Row> p : parts) partial.add(overTheWire(PopulationRunner.run(baseline, p.iterator(), AS_OF, 1, ResultSink.NONE)));
            RunSummary merged = mergeRandomly(partial, r, RunSummary::merge);
            assertThat(PopulationRunner.summaryJson(merged, baseline, AS_OF, InputFormat.jsonl))
                    .as("seed %d, trial %d, %d partitions", SEED, trial, parts.size()).isEqualTo(whole);
        }
    }

    @Test
    void compareSummaries_ofRandomPartitions_mergeIntoTheBytesOfOneRun() throws Exception {
        CompareSummary one = PopulationRunner.compare(baseline, reform, rows.iterator(), AS_OF, 2, ResultSink.NONE);
        assertThat(one.personsWithFlips()).as("the reform must change something for the test to mean anything").isPositive();
        assertThat(one.sample()).hasSize(CompareSummary.SAMPLE);
        String whole = PopulationRunner.summaryJson(one, baseline, reform, AS_OF, InputFormat.jsonl);
        assertThat(whole).contains("\"weighted\"", "\"wageDecile\"", "decile 1: ");
        String wholeHtml = HtmlReport.render(one, reform.reform(), AS_OF, baseline.ruleSetVersion(), reform.ruleSetVersion(), "workers.jsonl");
        Random r = new Random(SEED + 1);
        for (int trial = 0; trial < TRIALS; trial++) {
            List<List<Row>> parts = partitions(r);
            List<CompareSummary> partial = new ArrayList<>();
            for (List<Row> p : parts) partial.add(overTheWire(PopulationRunner.compare(baseline, reform, p.iterator(), AS_OF, 1, ResultSink.NONE)));
            CompareSummary merged = mergeRandomly(partial, r, CompareSummary::merge);
            String as = String.format("seed %d, trial %d, %d partitions", SEED, trial, parts.size());
            assertThat(PopulationRunner.summaryJson(merged, baseline, reform, AS_OF, InputFormat.jsonl)).as(as).isEqualTo(whole);
            assertThat(HtmlReport.render(merged, reform.reform(), AS_OF, baseline.ruleSetVersion(), reform.ruleSetVersion(), "workers.jsonl"))
                    .as("the report (its sample of flips too): " + as).isEqualTo(wholeHtml);
        }
    }

    @Test
    void mergingAnEmptySummary_changesNothing() {
        RunSummary empty = new RunSummary();
        RunSummary some = new RunSummary();
        some.reject(new RowError(3, "x", "$.sex", "is wrong", ""));
        String before = PopulationRunner.summaryJson(some, baseline, AS_OF, InputFormat.jsonl);
        assertThat(PopulationRunner.summaryJson(some.merge(empty), baseline, AS_OF, InputFormat.jsonl)).isEqualTo(before);
        assertThat(PopulationRunner.summaryJson(new RunSummary().merge(some), baseline, AS_OF, InputFormat.jsonl)).isEqualTo(before);
    }
}
