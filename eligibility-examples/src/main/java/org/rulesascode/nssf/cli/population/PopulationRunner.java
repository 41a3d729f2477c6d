package org.rulesascode.nssf.cli.population;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Population runs: every row of a population assessed on an as-of date, on several threads, streaming (memory
 * flat in the population size), outputs in input order, aggregates independent of thread count and input order.
 * A bad row is written to {@code errors.csv} with its line number and counted as rejected: rows in = assessed +
 * rejected, always.
 */
public final class PopulationRunner {
    private PopulationRunner() { }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Indented JSON with "\n" line breaks whatever the platform: the same bytes everywhere. */
    private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /**
     * What a file-based run needs.
     *
     * @param asOf       the as-of date of every assessment
     * @param population the population file
     * @param format     its format
     * @param out        the output directory (created if missing)
     * @param threads    worker threads
     * @param progress   where to draw a progress bar (stderr on a terminal), or null
     */
    public record Options(LocalDate asOf, Path population, InputFormat format, Path out, int threads, PrintWriter progress) {
    }

    /** One row's result in a run. */
    record RunRow(PersonResult result, String json, RowError error) {
    }

    /** One row's result in a comparison. */
    record CompareRow(PersonResult base, PersonResult reform, List<Comparison.Flip> flips, String csv, RowError error) {
    }

    /** A profile and its request, or the error that stopped the row. */
    private record Prepared(WorkerProfile profile, AssessmentRequest request, RowError error) {
    }

    @SuppressWarnings("unchecked")
    private static Iterator<Source> input(Iterator<? extends Source> input) {
        return (Iterator<Source>) input;
    }

    private static Prepared[] prepare(List<Source> batch, LocalDate asOf) {
        Prepared[] ps = new Prepared[batch.size()];
        for (int i = 0; i < ps.length; i++) ps[i] = prepare(batch.get(i), asOf);
        return ps;
    }

    private static Prepared prepare(Source s, LocalDate asOf) {
        RowReader.Read read = s.read();
        if (read.error() != null) return new Prepared(null, null, read.error());
        WorkerProfile p = read.profile();
        try {
            return new Prepared(p, AssessmentRequest.of(p, asOf), null);
        } catch (InvalidInputException e) {
            String field = e.field().equals("asOf") ? "--as-of" : e.field();
            return new Prepared(p, null, new RowError(s.line(), p.id(), field, e.problem(), e.allowed()));
        }
    }

    /** @return the assessment, or null after recording why in {@code error[0]} */
    private static Assessment assess(EligibilityEngine engine, Source s, Prepared p, RowError[] error) {
        try {
            return engine.assess(p.request());
        } catch (InvalidInputException e) {
            error[0] = new RowError(s.line(), p.profile().id(), e.field(), e.problem(), e.allowed());
        } catch (RuntimeException e) { // an engine failure on one row must not stop the run: the row is rejected, with the reason
            error[0] = new RowError(s.line(), p.profile().id(), "$", "internal error while assessing: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")),
                    "please report this row; rerun 'nssf assess' on it with NSSF_DEBUG=1 for the stack trace");
        }
        return null;
    }

    /**
     * Assesses the prepared rows of a batch with one {@link EligibilityEngine#assessAll} call (the engine shares work
     * between them); if that call fails, each row is assessed alone so that the failure is charged to its own row.
     *
     * @return per row: the assessment, or null with the reason in {@code errors} (rows already in error stay null)
     */
    private static Assessment[] assessAll(EligibilityEngine engine, List<? extends Source> sources, Prepared[] prepared, RowError[] errors) {
        Assessment[] out = new Assessment[prepared.length];
        List<AssessmentRequest> requests = new ArrayList<>(prepared.length);
        List<Integer> index = new ArrayList<>(prepared.length);
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i].error() == null && errors[i] == null) {
                requests.add(prepared[i].request());
                index.add(i);
            }
        }
        if (requests.isEmpty()) return out;
        try {
            List<Assessment> as = engine.assessAll(requests, Locale.ENGLISH);
            for (int k = 0; k < index.size(); k++) out[index.get(k)] = as.get(k);
        } catch (RuntimeException e) {
            for (int i : index) {
                RowError[] error = new RowError[1];
                out[i] = assess(engine, sources.get(i), prepared[i], error);
                errors[i] = error[0];
            }
        }
        return out;
    }

    // ---- run ----------------------------------------------------------------------------------------------

    /**
     * Assesses every source and streams the results.
     *
     * @param results  receives one JSON line per assessed row, in input order; may be null
     * @param errors   receives one CSV record per rejected row, in input order (no header); may be null
     * @param progress called with the number of rows done after each batch; may be null
     */
    public static RunSummary run(EligibilityEngine engine, Iterator<? extends Source> input, LocalDate asOf, int threads,
                                 Writer results, Writer errors, LongConsumer progress) throws InterruptedException {
        RunSummary summary = new RunSummary();
        OrderedParallel.<Source, RunRow>runBatches(input(input), batch -> {
            Prepared[] ps = prepare(batch, asOf);
            RowError[] failed = new RowError[ps.length];
            Assessment[] as = assessAll(engine, batch, ps, failed);
            List<RunRow> out = new ArrayList<>(ps.length);
            for (int i = 0; i < ps.length; i++) {
                Source s = batch.get(i);
                if (ps[i].error() != null) {
                    out.add(new RunRow(null, null, ps[i].error()));
                } else if (as[i] == null) {
                    out.add(new RunRow(null, null, failed[i]));
                } else {
                    PersonResult r = PersonResult.of(s.line(), ps[i].profile(), as[i], asOf);
                    out.add(new RunRow(r, results == null ? null : r.toJsonLine(), null));
                }
            }
            return out;
        }, row -> {
            if (row.error() != null) {
                summary.reject(row.error());
                write(errors, row.error().toCsv());
            } else {
                summary.add(row.result());
                write(results, row.json());
            }
        }, threads, progress == null ? null : () -> progress.accept(summary.rowsIn()));
        return summary;
    }

    /** Runs a population file and writes {@code results.jsonl}, {@code errors.csv} and {@code summary.json} into {@code o.out()}. */
    public static RunSummary run(EligibilityEngine engine, Options o) throws IOException, InterruptedException {
        Files.createDirectories(o.out());
        RunSummary summary;
        try (PopulationInput in = new PopulationInput(o.population(), o.format(), "--population");
             Writer results = writer(o.out().resolve("results.jsonl"));
             Writer errors = writer(o.out().resolve("errors.csv"))) {
            errors.write(RowError.CSV_HEADER + "\n");
            Progress bar = new Progress(o.progress(), in::fractionRead);
            summary = run(engine, in, o.asOf(), o.threads(), results, errors, bar::update);
            bar.done(summary.rowsIn());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "run");
        m.put("asOf", o.asOf().toString());
        m.put("format", o.format().name());
        m.put("ruleSetVersion", engine.ruleSetVersion());
        m.put("reform", engine.reform().isEmpty() ? null : reformMap(engine.reform()));
        m.put("rows", summary.rowsMap());
        m.put("rejectedByField", summary.rejectedByField());
        m.put("definitions", RunSummary.definitions());
        m.put("decisions", summary.decisionsMap());
        m.put("contributions", summary.contributionsMap());
        Files.writeString(o.out().resolve("summary.json"), json(m), StandardCharsets.UTF_8);
        return summary;
    }

    // ---- compare ------------------------------------------------------------------------------------------

    /** Header of {@code flips.csv}. */
    public static final String FLIPS_HEADER = "line,id,kind,scheme,benefit,eventDate,change,baselineOutcome,reformOutcome,baselineAmount,"
            + "reformAmount,period,baselineValue,reformValue,delta,lastYear,provisional,rules,parameters";

    /**
     * Assesses every source with both engines and streams the flips.
     *
     * @param flips    receives the flips.csv records of each row, in input order (no header); may be null
     * @param errors   receives one CSV record per rejected row (no header); may be null
     */
    public static CompareSummary compare(EligibilityEngine baseline, EligibilityEngine reform, Iterator<? extends Source> input, LocalDate asOf,
                                         int threads, Writer flips, Writer errors, LongConsumer progress) throws InterruptedException {
        CompareSummary summary = new CompareSummary();
        OrderedParallel.<Source, CompareRow>runBatches(input(input), batch -> {
            Prepared[] ps = prepare(batch, asOf);
            RowError[] failed = new RowError[ps.length];
            Assessment[] bs = assessAll(baseline, batch, ps, failed);
            Assessment[] rs = assessAll(reform, batch, ps, failed);
            List<CompareRow> out = new ArrayList<>(ps.length);
            for (int i = 0; i < ps.length; i++) {
                Source s = batch.get(i);
                Prepared p = ps[i];
                if (p.error() != null) {
                    out.add(new CompareRow(null, null, null, null, p.error()));
                } else if (failed[i] != null || bs[i] == null || rs[i] == null) {
                    out.add(new CompareRow(null, null, null, null, failed[i]));
                } else {
                    List<Comparison.Flip> fs = Comparison.flips(bs[i], rs[i], asOf);
                    out.add(new CompareRow(PersonResult.of(s.line(), p.profile(), bs[i], asOf), PersonResult.of(s.line(), p.profile(), rs[i], asOf), fs,
                            flips == null ? null : flipsCsv(s.line(), p.profile().id(), fs), null));
                }
            }
            return out;
        }, row -> {
            if (row.error() != null) {
                summary.reject(row.error());
                write(errors, row.error().toCsv());
            } else {
                summary.add(row.base(), row.reform(), row.flips());
                if (row.csv() != null && !row.csv().isEmpty()) writeRaw(flips, row.csv());
            }
        }, threads, progress == null ? null : () -> progress.accept(summary.baseline().rowsIn()));
        return summary;
    }

    /**
     * Compares a population file under both engines and writes {@code flips.csv}, {@code errors.csv},
     * {@code summary.json} and {@code report.html} into {@code o.out()}.
     */
    public static CompareSummary compare(EligibilityEngine baseline, EligibilityEngine reform, Options o) throws IOException, InterruptedException {
        Files.createDirectories(o.out());
        CompareSummary summary;
        try (PopulationInput in = new PopulationInput(o.population(), o.format(), "--population");
             Writer flips = writer(o.out().resolve("flips.csv"));
             Writer errors = writer(o.out().resolve("errors.csv"))) {
            flips.write(FLIPS_HEADER + "\n");
            errors.write(RowError.CSV_HEADER + "\n");
            Progress bar = new Progress(o.progress(), in::fractionRead);
            summary = compare(baseline, reform, in, o.asOf(), o.threads(), flips, errors, bar::update);
            bar.done(summary.baseline().rowsIn());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Map<String, Object> m = compareMap(summary, o.asOf(), o.format(), baseline, reform);
        Files.writeString(o.out().resolve("summary.json"), json(m), StandardCharsets.UTF_8);
        Files.writeString(o.out().resolve("report.html"),
                HtmlReport.render(summary, reform.reform(), o.asOf(), baseline.ruleSetVersion(), reform.ruleSetVersion(),
                        o.population().getFileName() == null ? o.population().toString() : o.population().getFileName().toString()),
                StandardCharsets.UTF_8);
        return summary;
    }

    static Map<String, Object> compareMap(CompareSummary s, LocalDate asOf, InputFormat format, EligibilityEngine baseline, EligibilityEngine reform) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "compare");
        m.put("asOf", asOf.toString());
        m.put("format", format.name());
        m.put("reform", reformMap(reform.reform()));
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("baseline", baseline.ruleSetVersion());
        versions.put("reform", reform.ruleSetVersion());
        m.put("ruleSetVersions", versions);
        m.put("rows", s.baseline().rowsMap());
        m.put("rejectedByField", s.baseline().rejectedByField());
        m.put("definitions", RunSummary.definitions());
        Map<String, Object> flips = new LinkedHashMap<>();
        flips.put("personsWithFlips", s.personsWithFlips());
        flips.put("decisionFlips", s.decisionFlips());
        flips.put("contributionFlips", s.contributionFlips());
        flips.put("provisionalFlips", s.provisionalFlips());
        m.put("flips", flips);
        m.put("annualCostDelta", s.annualCostDelta());
        m.put("contributionDeltaLast12Months", s.contributionDelta().totalLast12());
        m.put("benefits", s.benefitsMap());
        m.put("contributions", s.contributionsMap());
        m.put("breakdowns", s.breakdownsMap());
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("decisions", s.baseline().decisionsMap());
        base.put("contributions", s.baseline().contributionsMap());
        m.put("baseline", base);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("decisions", s.reform().decisionsMap());
        ref.put("contributions", s.reform().contributionsMap());
        m.put("reformed", ref);
        return m;
    }

    static Map<String, Object> reformMap(Reform r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("description", r.description());
        m.put("structural", r.structural());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Reform.Change c : r.changes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("parameter", c.parameterId());
            x.put("from", c.from().toString());
            x.put("value", describe(c.value()));
            x.put("illustrative", c.illustrative());
            if (!c.note().isEmpty()) x.put("note", c.note());
            changes.add(x);
        }
        m.put("changes", changes);
        List<String> files = new ArrayList<>();
        for (Reform.RuleFile f : r.ruleFiles()) files.add(f.name());
        m.put("ruleFiles", files);
        return m;
    }

    /** @return a reform value as text: numbers plain, scales as their brackets, null as "(no value)" */
    public static String describe(Object value) {
        if (value == null) return "(no value)";
        if (value instanceof BigDecimal d) return d.toPlainString();
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof Reform.Bracket b) parts.add((b.upTo() == null ? "above" : "up to " + b.upTo()) + ": " + b.value());
                else parts.add(String.valueOf(o));
            }
            return String.join("; ", parts);
        }
        return String.valueOf(value);
    }

    /** @return the flips.csv records of one person (each ending with a line break), or "" */
    static String flipsCsv(long line, String id, List<Comparison.Flip> flips) {
        if (flips.isEmpty()) return "";
        StringBuilder sb = new StringBuilder();
        for (Comparison.Flip f : flips) {
            sb.append(line).append(',').append(Csv.quote(id)).append(',').append(f.kind()).append(',').append(f.scheme()).append(',')
                    .append(f.benefit() == null ? "" : f.benefit().name()).append(',').append(f.eventDate() == null ? "" : f.eventDate().toString()).append(',')
                    .append(f.change()).append(',').append(str(f.baseOutcome())).append(',').append(str(f.reformOutcome())).append(',')
                    .append(str(f.baseAmount())).append(',').append(str(f.reformAmount())).append(',').append(str(f.period())).append(',')
                    .append(str(f.baseValue())).append(',').append(str(f.reformValue())).append(',').append(str(f.delta())).append(',')
                    .append(f.lastYear()).append(',').append(f.provisional()).append(',').append(Csv.quote(f.rules())).append(',')
                    .append(Csv.quote(f.parameters())).append('\n');
        }
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void write(Writer w, String line) {
        if (w == null) return;
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRaw(Writer w, String text) {
        if (w == null) return;
        try {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
