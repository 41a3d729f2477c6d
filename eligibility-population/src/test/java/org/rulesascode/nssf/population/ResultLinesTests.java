package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;

/**
 * The lines of {@code results.jsonl} are made by hand, not by Jackson: they must be Jackson's characters exactly.
 * Differential tests against the Jackson generator ({@link JacksonJsonLine}) over random results (fixed seeds, every
 * optional field present or absent, hostile ids) and over real results of the engine; the CSV line, now made in one
 * pass, against the old code ({@link OldCsvLine}); the UTF-8 bytes of both lines against the old writer's; and a whole
 * run's files against the same lines written the old way (Jackson, then a JDK UTF-8 encoder that replaces unpaired
 * surrogates).
 */
class ResultLinesTests {

    /** Ids that need escaping or are not plain ASCII; each also inside other text. */
    static final List<String> NASTY = nasty();

    private static List<String> nasty() {
        List<String> s = new ArrayList<>(List.of("", "\"", "\\", "\\\"", "a\"b\\c", "/", "\u007f", "\u0080", "\u00ff", "\u2028", "\u2029",
                "\uD83D\uDE00", "\uD800", "\uDC00", "\uDC00\uD800", "\uD800\uD800", "x\uD800", "\uDBFF\uDFFF", "\uFFFD", "\uFFFF", "\uFEFF",
                "ក្រុមហ៊ុន", "日本", "é", "e\u0301", "a,b", " lead", "trail ", "new\nline", "cr\rlf\n", "null", "\u0000"));
        for (char c = 0; c < 0x20; c++) s.add("<" + c + ">");
        s.add("x".repeat(20_000));
        s.add("\"\\\u0001\uD800".repeat(3_000));
        return s;
    }

    static final char[] ALPHABET = ("abcXYZ019 -_,.:/\"\\\u007f\u0080\u00e9\u00ff\u0100\u0800\u17c0\u2028\u2029\uFFFD\uFFFF\uD83D\uDE00\uD800\uDBFF\uDC00\uDFFF"
            + "\u0000\u0001\u0008\u0009\n\u000b\u000c\r\u001f").toCharArray();

    static String randomString(Random r) {
        if (r.nextInt(20) == 0) return NASTY.get(r.nextInt(NASTY.size()));
        int n = r.nextInt(10) == 0 ? r.nextInt(2_000) : r.nextInt(24);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(r.nextInt(3) == 0 ? (char) r.nextInt(0x10000) : ALPHABET[r.nextInt(ALPHABET.length)]);
        return sb.toString();
    }

    static <E extends Enum<E>> E pick(Random r, E[] values) {
        return values[r.nextInt(values.length)];
    }

    static long amount(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -r.nextInt(1_000_000);
            case 2 -> r.nextLong() >> 4; // large, either sign; six of them still add up without overflow
            default -> r.nextInt(50_000_000);
        };
    }

    static BigDecimal weight(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 1 -> BigDecimal.ONE;
            case 2 -> new BigDecimal(BigInteger.valueOf(r.nextInt(1_000_000)), r.nextInt(20) - 8); // scientific forms, 0E-8, 1.2E+3
            case 3 -> new BigDecimal(new BigInteger(100, r), r.nextInt(40));
            case 4 -> BigDecimal.valueOf(r.nextInt(100_000), 3).stripTrailingZeros();
            case 5 -> new BigDecimal("0.0000001");
            default -> BigDecimal.valueOf(r.nextInt(5_000), 1);
        };
    }

    static LocalDate date(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> LocalDate.MAX;
            case 2 -> LocalDate.of(-r.nextInt(3000), 1, 1);
            default -> LocalDate.of(1950, 1, 1).plusDays(r.nextInt(60_000));
        };
    }

    /** A result with every field random: optional ones present or absent, strings hostile. */
    static PersonResult randomResult(Random r) {
        List<PersonResult.DecisionResult> ds = new ArrayList<>();
        int n = r.nextInt(5) == 0 ? 0 : r.nextInt(12);
        for (int i = 0; i < n; i++) {
            boolean ent = r.nextBoolean();
            ds.add(new PersonResult.DecisionResult(pick(r, Scheme.values()), pick(r, Benefit.values()), date(r), pick(r, Outcome.values()), ent,
                    r.nextInt(3) == 0 ? null : amount(r), r.nextInt(3) == 0 ? null : pick(r, AmountPeriod.values()),
                    r.nextInt(3) == 0 ? null : (r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(400)), r.nextBoolean(), r.nextBoolean(),
                    r.nextInt(3) == 0 ? null : amount(r), r.nextBoolean()));
        }
        Map<Scheme, PersonResult.Contributions> cs = new EnumMap<>(Scheme.class);
        for (Scheme s : Scheme.values()) {
            if (r.nextBoolean()) cs.put(s, new PersonResult.Contributions(amount(r), amount(r), amount(r), amount(r), amount(r), amount(r)));
        }
        PersonResult.Compliance c = r.nextBoolean() ? null : new PersonResult.Compliance(r.nextBoolean(), r.nextBoolean(), r.nextBoolean(),
                amount(r), amount(r), r.nextBoolean());
        String age = r.nextInt(10) == 0 ? randomString(r) : Valuation.AGE_BANDS.get(r.nextInt(Valuation.AGE_BANDS.size()));
        String wage = r.nextInt(10) == 0 ? randomString(r) : Valuation.WAGE_BANDS.get(r.nextInt(Valuation.WAGE_BANDS.size()));
        String id = r.nextInt(50) == 0 ? null : r.nextInt(3) == 0 ? "w" + r.nextInt(100_000_000) : randomString(r); // a third plain ASCII
        long line = r.nextInt(10) == 0 ? r.nextLong() : r.nextInt(10_000_000);
        return new PersonResult(line, id, pick(r, Sex.values()), pick(r, EmploymentStatus.values()), pick(r, Sector.values()), age, wage,
                r.nextBoolean() ? null : YearMonth.of(2000 + r.nextInt(30), 1 + r.nextInt(12)), List.copyOf(ds), cs, c,
                r.nextBoolean() ? null : (long) r.nextInt(5_000_000), weight(r));
    }

    static String show(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder();
        for (char c : (s.length() > 300 ? s.substring(0, 300) + "…" : s).toCharArray()) {
            if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    @Test
    void jsonLine_isJacksonsLine_overRandomResults() {
        for (long seed = 1; seed <= 20_000; seed++) {
            PersonResult p = randomResult(new Random(seed));
            String expected = JacksonJsonLine.of(p);
            String actual = p.toJsonLine();
            if (!actual.equals(expected)) {
                throw new AssertionError("seed " + seed + " (ResultLinesTests.randomResult(new Random(" + seed + "))), id " + show(p.id())
                        + "\n jackson: " + show(expected) + "\n ours:    " + show(actual));
            }
        }
    }

    /** @return what {@code f} returns, or the class of what it throws (an overflowing sum must fail alike) */
    static Object attempt(java.util.function.Supplier<?> f) {
        try {
            return f.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Test
    void csvLine_isTheOldLine_overRandomResults() {
        for (long seed = 1; seed <= 20_000; seed++) {
            PersonResult p = randomResult(new Random(seed));
            Object expected = attempt(() -> OldCsvLine.of(p));
            Object actual = attempt(p::toCsvLine);
            if (!actual.equals(expected)) {
                throw new AssertionError("seed " + seed + " (ResultLinesTests.randomResult(new Random(" + seed + "))), id " + show(p.id())
                        + "\n old:  " + (expected instanceof String e ? show(e) : expected) + "\n ours: " + (actual instanceof String a ? show(a) : actual));
            }
        }
    }

    /** The bytes each line adds to its file: the old line and its line break through the old writer. */
    @Test
    void utf8Lines_areTheOldBytes_overRandomResults() throws IOException {
        int ascii = 0;
        for (long seed = 1; seed <= 20_000; seed++) {
            PersonResult p = randomResult(new Random(seed));
            String json = JacksonJsonLine.of(p) + "\n";
            if (json.chars().allMatch(c -> c < 0x80)) ascii++;
            sameBytes(p.jsonLineUtf8(), oldEncoding(json), "seed " + seed + " (ResultLinesTests.randomResult(new Random(" + seed + "))), json");
            Object csv = attempt(() -> OldCsvLine.of(p));
            if (csv instanceof String c) sameBytes(p.csvLineUtf8(), oldEncoding(c + "\n"), "seed " + seed + ", csv");
        }
        assertThat(ascii).as("lines all ASCII (the fast path)").isBetween(2_000, 18_000);
    }

    @Test
    void jsonLine_isJacksonsLine_forEveryHostileId() {
        Random r = new Random(7);
        for (String id : NASTY) {
            for (String x : List.of(id, "a" + id, id + "z", "w-" + id + "-" + id)) {
                PersonResult q = randomResult(r);
                PersonResult p = new PersonResult(q.line(), x, q.sex(), q.status(), q.sector(), q.ageBand(), q.wageBand(), q.historyEnd(), q.decisions(),
                        q.contributions(), q.compliance(), q.wage(), q.weight());
                assertThat(p.toJsonLine()).as("id %s", show(x)).isEqualTo(JacksonJsonLine.of(p));
                assertThat(attempt(p::toCsvLine)).as("id %s", show(x)).isEqualTo(attempt(() -> OldCsvLine.of(p)));
            }
        }
    }

    @Test
    void jsonString_escapesOnlyWhatJsonRequires_byHand() {
        // by hand from RFC 8259 and Jackson's defaults: quote, backslash, and U+0000 to U+001F escaped; the five with
        // a short form use it; everything else (DEL, U+2028, non-ASCII, lone surrogates) as it is
        StringBuilder sb = new StringBuilder();
        PersonResult.jsonString(sb, "a\"b\\c\u0000\u0008\u0009\n\u000c\r\u001f\u007f\u2028\uD800é/");
        assertThat(sb.toString()).isEqualTo("\"a\\\"b\\\\c\\u0000\\b\\t\\n\\f\\r\\u001F\u007f\u2028\uD800é/\"");
    }

    static EligibilityEngine engine;

    /** Real results (explained and not) of generated workers: the same differential. */
    @Test
    void jsonLine_isJacksonsLine_overRealResults() throws Exception {
        engine = EligibilityEngine.standard();
        LocalDate asOf = LocalDate.of(2028, 6, 30);
        StringWriter w = new StringWriter();
        new PopulationGenerator(11, asOf).write(400, w);
        List<Row> rows = new ArrayList<>();
        long i = 0;
        for (String l : w.toString().lines().toList()) rows.add(Row.text(++i, l, InputFormat.jsonl));
        for (boolean compliance : new boolean[] {false, true}) {
            List<PersonResult> results = new ArrayList<>();
            PopulationRunner.run(engine, rows.iterator(), asOf, 2, new ResultSink() {
                @Override
                public void assessed(PersonResult r) {
                    results.add(r);
                }
            }, null, compliance);
            assertThat(results).hasSize(400);
            for (PersonResult p : results) {
                assertThat(p.toJsonLine()).as("line %d, compliance %s", p.line(), compliance).isEqualTo(JacksonJsonLine.of(p));
                assertThat(p.toCsvLine()).as("line %d, compliance %s", p.line(), compliance).isEqualTo(OldCsvLine.of(p));
            }
        }
    }

    /** Fails with the first differing line (1-based) and the two versions of it. */
    static void sameBytes(byte[] actual, byte[] expected, String what) {
        if (java.util.Arrays.equals(actual, expected)) return;
        int i = java.util.Arrays.mismatch(actual, expected);
        int line = 1;
        int start = 0;
        for (int k = 0; k < i; k++) if (expected[k] == '\n') { line++; start = k + 1; }
        String a = new String(actual, start, Math.min(actual.length - start, 400), StandardCharsets.UTF_8);
        String e = new String(expected, start, Math.min(expected.length - start, 400), StandardCharsets.UTF_8);
        throw new AssertionError(what + ": first difference at byte " + i + ", line " + line + "\n expected: " + show(e) + "\n actual:   " + show(a));
    }

    /** The old way of writing a file: a buffered JDK UTF-8 writer that replaces unpaired surrogates with U+FFFD. */
    static byte[] oldEncoding(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new java.io.BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8))))) {
            w.write(text);
        }
        return bytes.toByteArray();
    }

    @TempDir
    Path dir;

    /** @return {@code s} as JSON text in ASCII: every other character as a \\u escape (so lone surrogates can be read) */
    static String jsonText(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /**
     * A whole run with hostile ids in the input, on 1 and on 3 threads: results.jsonl and results.csv are, byte for
     * byte, the lines made the old way (Jackson; the CSV line) written through the old writer, in input order.
     */
    @Test
    void runFiles_areTheOldBytes_inInputOrder_onAnyThreadCount() throws Exception {
        LocalDate asOf = LocalDate.of(2028, 6, 30);
        StringWriter w = new StringWriter();
        new PopulationGenerator(5, asOf).write(700, w);
        List<String> lines = new ArrayList<>(w.toString().lines().toList());
        for (int k = 0; k < lines.size(); k += 3) { // every third worker gets a hostile id (as JSON text: escapes, lone surrogates)
            String id = NASTY.get(k / 3 % NASTY.size()) + k; // each of them, in turn
            lines.set(k, lines.get(k).replaceFirst("\"id\":\"[^\"]*\"", java.util.regex.Matcher.quoteReplacement("\"id\":" + jsonText(id))));
        }
        List<String> weights = List.of("2.50", "0.125", "3", "1e2", "12.0000");
        for (int k = 1; k < lines.size(); k += 5) lines.set(k, "{\"weight\":" + weights.get(k / 5 % weights.size()) + "," + lines.get(k).substring(1));
        Path pop = dir.resolve("pop.jsonl");
        Files.writeString(pop, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        EligibilityEngine e = engine != null ? engine : EligibilityEngine.standard();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) rows.add(Row.text(i + 1, lines.get(i), InputFormat.jsonl));
        List<PersonResult> results = new ArrayList<>();
        RunSummary summary = PopulationRunner.run(e, rows.iterator(), asOf, 1, new ResultSink() {
            @Override
            public void assessed(PersonResult p) {
                results.add(p);
            }
        });
        assertThat(results.size()).as("assessed (a few hostile ids are refused by the reader)").isGreaterThan(600).isEqualTo(summary.assessed());
        StringBuilder json = new StringBuilder();
        StringBuilder csv = new StringBuilder(PersonResult.CSV_HEADER).append('\n');
        for (PersonResult p : results) {
            json.append(JacksonJsonLine.of(p)).append('\n');
            csv.append(OldCsvLine.of(p)).append('\n');
        }
        for (String x : List.of("\u2028", "\u17d2", "\uD83D\uDE00", "\\\"", "\\\\", "\\u0000", "\"weight\":2.5,", "\"weight\":100,")) {
            assertThat(json.indexOf(x)).as("hostile ids and weights reached the lines: %s", show(x)).isNotNegative();
        }
        for (int threads : new int[] {1, 3}) {
            Path out = dir.resolve("out" + threads);
            PopulationRunner.run(e, new PopulationRunner.Options(asOf, pop, InputFormat.jsonl, out, threads, null));
            sameBytes(Files.readAllBytes(out.resolve("results.jsonl")), oldEncoding(json.toString()), "results.jsonl, " + threads + " threads");
            sameBytes(Files.readAllBytes(out.resolve("results.csv")), oldEncoding(csv.toString()), "results.csv, " + threads + " threads");
        }
    }
}
