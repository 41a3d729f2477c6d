package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.population.internal.Csv;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 14's population findings: any valid JSON line is one row (a raw carriage return inside it does not split it,
 * line numbers stay right), a string that is not whole Unicode (an unpaired surrogate) is written back with U+FFFD
 * and stops nothing, outputs appear only when a run completes, a stale summary never sits beside new results, and
 * bad options are refused before any row is read.
 */
class HostileRowsTests {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static EligibilityEngine engine;
    static List<String> good;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws IOException {
        engine = EligibilityEngine.standard();
        StringWriter w = new StringWriter();
        new PopulationGenerator(8, AS_OF).write(12, w);
        good = w.toString().lines().toList();
    }

    Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    static PopulationRunner.Options options(Path file, Path out) {
        return new PopulationRunner.Options(AS_OF, file, InputFormat.of(file), out, 2, null);
    }

    static List<Long> lines(Path results) throws IOException {
        ObjectMapper m = new ObjectMapper();
        List<Long> out = new ArrayList<>();
        for (String l : Files.readAllLines(results, StandardCharsets.UTF_8)) out.add(m.readTree(l).get("line").asLong());
        return out;
    }

    @Test
    void aRawCarriageReturnInsideALine_isJsonWhitespace_oneRow_andLaterLineNumbersStayRight() throws Exception {
        // line 2 holds a raw CR between two members (legal JSON whitespace); line 4 ends with CRLF; line 5 is broken
        String withCr = good.get(1).replaceFirst(",\"birthDate\"", ",\r\"birthDate\"");
        assertThat(withCr).contains("\r");
        Path f = write("cr.jsonl", good.get(0) + "\n" + withCr + "\n" + good.get(2) + "\n" + good.get(3) + "\r\n" + "{broken\n" + good.get(4) + "\n");
        Path out = dir.resolve("cr");
        RunSummary s = PopulationRunner.run(engine, options(f, out));
        assertThat(s.rowsIn()).isEqualTo(6);
        assertThat(s.assessed()).isEqualTo(5);
        assertThat(s.rejected()).isEqualTo(1);
        assertThat(lines(out.resolve("results.jsonl"))).containsExactly(1L, 2L, 3L, 4L, 6L);
        List<String> errors = Files.readAllLines(out.resolve("errors.csv"));
        assertThat(errors).hasSize(2);
        assertThat(Csv.split(errors.get(1)).get(0)).isEqualTo("5");
    }

    @Test
    void anUnpairedSurrogate_isWrittenAsTheReplacementCharacter_andTheRunCompletes() throws Exception {
        // "\ud800x" in JSON text: an escape for half of a surrogate pair, legal JSON, not a character
        String lone = good.get(0).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"\\\\ud800x\"");
        String pair = good.get(1).replaceFirst("\"id\":\"[^\"]+\"", "\"id\":\"\\\\ud83d\\\\ude00 ok\""); // a whole emoji: kept as it is
        String badRow = "{\"id\":\"\\udc00bad\",\"sex\":\"X\"}";
        Path f = write("surrogates.jsonl", lone + "\n" + pair + "\n" + badRow + "\n" + good.get(2) + "\n");
        Path out = dir.resolve("surrogates");
        RunSummary s = PopulationRunner.run(engine, options(f, out));
        assertThat(s.rowsIn()).isEqualTo(4);
        assertThat(s.assessed() + s.rejected()).isEqualTo(4);
        assertThat(s.rejected()).isEqualTo(1);
        String results = Files.readString(out.resolve("results.jsonl"), StandardCharsets.UTF_8);
        assertThat(results).contains("\"id\":\"\uFFFDx\"", "\"id\":\"\uD83D\uDE00 ok\"");
        assertThat(Files.readString(out.resolve("results.csv"), StandardCharsets.UTF_8)).contains(",\uFFFDx,");
        assertThat(Files.readString(out.resolve("errors.csv"), StandardCharsets.UTF_8)).contains("3,\uFFFDbad,");
        assertThat(out.resolve("summary.json")).exists();
        assertThat(partials(out)).isEmpty();
    }

    /** An engine that fails (as a killed or crashing run would stop) after {@code rows} rows. */
    static EligibilityEngine failingAfter(int rows) {
        return new EligibilityEngine() {
            int done;

            @Override
            public List<Assessment> assessAll(List<AssessmentRequest> requests, Locale locale, Detail detail) {
                synchronized (this) {
                    done += requests.size();
                    if (done > rows) throw new OutOfMemoryError("simulated: the run stops here");
                }
                return engine.assessAll(requests, locale, detail);
            }

            @Override
            public Assessment assess(AssessmentRequest request, Locale locale) {
                return engine.assess(request, locale);
            }

            @Override
            public String ruleSetVersion() {
                return engine.ruleSetVersion();
            }
        };
    }

    static List<Path> partials(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        }
    }

    static Map<String, String> contents(Path out) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) m.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void aRunThatStops_leavesThePreviousCompleteOutputs_untouched() throws Exception {
        StringBuilder big = new StringBuilder();
        StringWriter w = new StringWriter();
        new PopulationGenerator(9, AS_OF).write(300, w);
        big.append(w);
        Path f = write("big.jsonl", big.toString());
        Path out = dir.resolve("stop");
        PopulationRunner.run(engine, options(write("small.jsonl", String.join("\n", good) + "\n"), out));
        Map<String, String> before = contents(out);
        assertThat(before.keySet()).containsExactly("errors.csv", "results.csv", "results.jsonl", "summary.json");

        assertThatThrownBy(() -> PopulationRunner.run(failingAfter(100), options(f, out))).isInstanceOf(OutOfMemoryError.class);
        assertThat(contents(out)).as("the previous run's files, byte for byte, and nothing else").isEqualTo(before);
    }

    @Test
    void aComparisonInARunsFolder_replacesTheWholeSet_noStaleSummaryOrResults() throws Exception {
        Path f = write("w.jsonl", String.join("\n", good) + "\n");
        Path out = dir.resolve("mixed");
        PopulationRunner.run(engine, options(f, out));
        assertThat(out.resolve("results.jsonl")).exists();
        PopulationRunner.compare(engine, engine, options(f, out));
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("errors.csv", "flips.csv", "report.html", "summary.json");
        }
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"command\" : \"compare\"");
    }

    @Test
    void badOptions_areRefusedBeforeAnyRowIsRead() throws Exception {
        Path f = write("w.jsonl", String.join("\n", good) + "\n");
        assertThatThrownBy(() -> new PopulationRunner.Options(LocalDate.of(2061, 1, 1), f, InputFormat.jsonl, dir.resolve("o"), 1, null))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("--as-of"))
                .hasMessageContaining("2060-12-31");
        assertThatThrownBy(() -> new PopulationRunner.Options(AS_OF, f, InputFormat.jsonl, dir.resolve("o"), 0, null))
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("--threads"));
        // a folder that cannot be made: its parent is a file
        Path underAFile = f.resolve("out");
        PopulationRunner.Options o = options(f, underAFile);
        assertThatThrownBy(o::checkOut).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("--out"));
        int[] rowsRead = {0};
        EligibilityEngine counting = new EligibilityEngine() {
            @Override
            public Assessment assess(AssessmentRequest request, Locale locale) {
                rowsRead[0]++;
                return engine.assess(request, locale);
            }

            @Override
            public String ruleSetVersion() {
                return engine.ruleSetVersion();
            }
        };
        assertThatThrownBy(() -> PopulationRunner.run(counting, o)).isInstanceOf(InvalidInputException.class);
        assertThat(rowsRead[0]).isZero();
    }
}
