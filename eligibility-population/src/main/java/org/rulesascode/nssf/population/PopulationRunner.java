package org.rulesascode.nssf.population;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.population.internal.Csv;
import org.rulesascode.nssf.population.internal.OrderedParallel;
import org.rulesascode.nssf.population.internal.OutputFiles;
import org.rulesascode.nssf.population.internal.Utf8Writer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Population runs and comparisons: every row assessed on an as-of date, on several threads, streaming (memory flat
 * in the population size), per-worker results handed to a {@link ResultSink} in input order, aggregates in a
 * summary that does not depend on the thread count or the input order and that {@linkplain RunSummary#merge merges}
 * with the summaries of other partitions. A bad row is rejected with its line number and reason: rows in = assessed +
 * rejected, always.
 *
 * <p>Rows are assessed in batches with {@link EligibilityEngine#assessAll(List, Locale, Detail)} at
 * {@link Detail#OUTCOMES}; a comparison assesses again, {@link Detail#DECISIONS}, only the workers with a changed
 * decision, for the rules and parameters that changed it (a changed contribution is explained by the rules and
 * parameters of its contribution lines, which the outcome path already gives).
 *
 * <pre>{@code
 * EligibilityEngine baseline = EligibilityEngine.standard();
 * EligibilityEngine reform = baseline.withReform(NssfReforms.read(Path.of("pension-ceiling-2027.yaml"), false));
 * try (RowSource rows = Population.open(Path.of("workers.jsonl"))) {
 *     CompareSummary s = PopulationRunner.compare(baseline, reform, rows, LocalDate.of(2028, 6, 30), 2, ResultSink.NONE);
 *     System.out.println(s.annualCostDelta() + " riel a year");
 * }
 * }</pre>
 */
public final class PopulationRunner {
    private PopulationRunner() { }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Indented JSON with "\n" line breaks whatever the platform: the same bytes everywhere. */
    private static final ObjectWriter JSON = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n")));

    /** Told how far a file-based run has come, after each batch, on the thread that called the runner. */
    public interface Progress {
        /**
         * @param rows         rows done (assessed or rejected)
         * @param fractionRead the fraction of the input read, 0 to 1, or NaN when unknown
         */
        void update(long rows, double fractionRead);
    }

    /**
     * What a file-based run needs.
     *
     * @param asOf       the as-of date of every assessment (2008-01-01 to 2060-12-31)
     * @param population the population file
     * @param format     its format
     * @param out        the output directory (created if missing)
     * @param threads    worker threads, 1 to 1024
     * @param progress   told after each batch, or null
     * @param compliance also count compliance findings (workers below the minimum wage, unpaid months, missing
     *                   contributions, by sector): every row is then assessed explained, which costs more
     * @param presentation estimates scaled to a population size, amounts in US dollars too; null for neither
     */
    public record Options(LocalDate asOf, Path population, InputFormat format, Path out, int threads, Progress progress,
                          boolean compliance, Presentation presentation) {
        /** Options without compliance and with sample figures in riel only. */
        public Options(LocalDate asOf, Path population, InputFormat format, Path out, int threads, Progress progress) {
            this(asOf, population, format, out, threads, progress, false, Presentation.NONE);
        }

        /**
         * Checks every option before any row is read.
         *
         * @throws InvalidInputException naming the option ({@code --as-of}, {@code --threads}) and what is allowed
         */
        public Options {
            if (asOf == null) throw new InvalidInputException("--as-of", "is missing", "a date from " + AssessmentRequest.FIRST_DATE + " to " + AssessmentRequest.LAST_DATE);
            if (asOf.isBefore(AssessmentRequest.FIRST_DATE) || asOf.isAfter(AssessmentRequest.LAST_DATE)) {
                throw new InvalidInputException("--as-of", "is " + asOf + ", outside the range the rule base covers",
                        "a date from " + AssessmentRequest.FIRST_DATE + " to " + AssessmentRequest.LAST_DATE);
            }
            if (threads < 1 || threads > 1024) throw new InvalidInputException("--threads", "is " + threads, "a whole number from 1 to 1024");
            if (population == null) throw new InvalidInputException("--population", "is missing", "a JSON Lines (.jsonl) or CSV (.csv) file");
            if (out == null) throw new InvalidInputException("--out", "is missing", "a directory (created if missing)");
            if (format == null) format = InputFormat.of(population);
            if (presentation == null) presentation = Presentation.NONE;
        }

        /**
         * Checks that the output directory is or can be made a directory we can write in (creating it), so that a
         * front end can refuse the option before building an engine or reading a row. The runner checks it again.
         *
         * @throws InvalidInputException naming {@code --out}
         */
        public void checkOut() {
            OutputFiles.check(out);
        }
    }

    /** One row's result in a run, with what a {@link Preparing} sink made of it on the worker thread (or null). */
    private record RunRow(PersonResult result, RowError error, Object prepared) {
        RunRow(PersonResult result, RowError error) {
            this(result, error, null);
        }
    }

    /**
     * A sink that does the costly part of its work on the worker threads: {@link #prepare} runs there, for each result,
     * in any order and concurrently; {@link #assessed(PersonResult, Object)} then runs on the calling thread in input
     * order, with what {@code prepare} returned (the file sink of {@link #run(EligibilityEngine, Options)}: the lines
     * are made and encoded in the workers, the calling thread only appends them).
     */
    private interface Preparing extends ResultSink {
        /** @return what {@link #assessed(PersonResult, Object)} needs; runs on a worker thread, must be thread-safe */
        Object prepare(PersonResult result);

        /** As {@link ResultSink#assessed(PersonResult)}, with what {@link #prepare} made of {@code result}. */
        void assessed(PersonResult result, Object prepared);

        @Override
        default void assessed(PersonResult result) {
            assessed(result, prepare(result));
        }
    }

    /** The lines of one result in {@code results.jsonl} and {@code results.csv}, each in UTF-8 with its line break. */
    private record Lines(byte[] json, byte[] csv) {
        static Lines of(PersonResult r) {
            return new Lines(r.jsonLineUtf8(), r.csvLineUtf8());
        }
    }

    /** One row's result in a comparison. */
    private record CompareRow(PersonResult base, PersonResult reform, List<Comparison.Flip> flips, RowError error) {
    }

    /** A profile and its request, or the error that stopped the row. */
    private record Prepared(WorkerProfile profile, AssessmentRequest request, RowError error, BigDecimal weight) {
        Prepared(WorkerProfile profile, AssessmentRequest request, RowError error) {
            this(profile, request, error, null);
        }

        /** @return the result with this row's weight */
        PersonResult weigh(PersonResult r) {
            return weight == null ? r : r.withWeight(weight);
        }
    }

    @SuppressWarnings("unchecked")
    private static Iterator<Row> input(Iterator<? extends Row> input) {
        return (Iterator<Row>) input;
    }

    private static Prepared[] prepare(List<Row> batch, LocalDate asOf) {
        Prepared[] ps = new Prepared[batch.size()];
        for (int i = 0; i < ps.length; i++) ps[i] = prepare(batch.get(i), asOf);
        return ps;
    }

    private static Prepared prepare(Row s, LocalDate asOf) {
        Row.Read read;
        try {
            read = s.read();
        } catch (RuntimeException e) { // a row source that fails on one row must not stop the run
            return new Prepared(null, null, internal(s.line(), "", "reading", e));
        }
        if (read.error() != null) return new Prepared(null, null, read.error());
        WorkerProfile p = read.profile();
        try {
            return new Prepared(p, AssessmentRequest.of(p, asOf), null, read.weight());
        } catch (InvalidInputException e) {
            String field = e.field().equals("asOf") ? "--as-of" : e.field();
            return new Prepared(p, null, new RowError(s.line(), p.id(), field, e.problem(), e.allowed()));
        }
    }

    private static RowError internal(long line, String id, String what, RuntimeException e) {
        return new RowError(line, id, "$", "internal error while " + what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s*\\R\\s*", " ")),
                "please report this row; rerun 'nssf assess' on it with NSSF_DEBUG=1 for the stack trace");
    }

    /**
     * The outcomes of a batch with both engines, the work they share done once ({@link EligibilityEngine#assessAllWith});
     * when that fails, each engine apart, row by row where a row fails (as {@link #assessAll}).
     */
    private static Assessment[][] assessBoth(EligibilityEngine baseline, EligibilityEngine reform, List<Row> rows, Prepared[] prepared, RowError[] errors) {
        List<AssessmentRequest> requests = new ArrayList<>(prepared.length);
        int[] index = new int[prepared.length];
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i].error() == null && errors[i] == null) {
                index[requests.size()] = i;
                requests.add(prepared[i].request());
            }
        }
        Assessment[][] out = new Assessment[2][prepared.length];
        if (requests.isEmpty()) return out;
        try {
            List<List<Assessment>> both = baseline.assessAllWith(reform, requests, Locale.ENGLISH, Detail.OUTCOMES);
            for (int k = 0; k < requests.size(); k++) {
                out[0][index[k]] = both.get(0).get(k);
                out[1][index[k]] = both.get(1).get(k);
            }
            return out;
        } catch (RuntimeException e) {
            return new Assessment[][] {assessAll(baseline, rows, prepared, errors, Detail.OUTCOMES, null),
                    assessAll(reform, rows, prepared, errors, Detail.OUTCOMES, null)};
        }
    }

    /**
     * Assesses the rows {@code only} (or every row still without an error when null) of a batch with one
     * {@link EligibilityEngine#assessAll} call (the engine shares work between them); if that call fails, each row is
     * assessed alone so that the failure is charged to its own row.
     *
     * @return per row: the assessment, or null with the reason in {@code errors} (rows already in error stay null)
     */
    private static Assessment[] assessAll(EligibilityEngine engine, List<Row> rows, Prepared[] prepared, RowError[] errors, Detail detail, boolean[] only) {
        Assessment[] out = new Assessment[prepared.length];
        List<AssessmentRequest> requests = new ArrayList<>(prepared.length);
        List<Integer> index = new ArrayList<>(prepared.length);
        for (int i = 0; i < prepared.length; i++) {
            if (prepared[i].error() == null && errors[i] == null && (only == null || only[i])) {
                requests.add(prepared[i].request());
                index.add(i);
            }
        }
        if (requests.isEmpty()) return out;
        try {
            List<Assessment> as = engine.assessAll(requests, Locale.ENGLISH, detail);
            for (int k = 0; k < index.size(); k++) out[index.get(k)] = as.get(k);
        } catch (RuntimeException e) {
            for (int i : index) {
                try {
                    out[i] = engine.assessAll(List.of(prepared[i].request()), Locale.ENGLISH, detail).get(0);
                } catch (InvalidInputException x) {
                    errors[i] = new RowError(rows.get(i).line(), prepared[i].profile().id(), x.field(), x.problem(), x.allowed());
                } catch (RuntimeException x) { // an engine failure on one row must not stop the run: the row is rejected, with the reason
                    errors[i] = internal(rows.get(i).line(), prepared[i].profile().id(), "assessing", x);
                }
            }
        }
        return out;
    }

    // ---- run ----------------------------------------------------------------------------------------------

    /**
     * Assesses every row and hands each result to {@code sink}, in input order.
     *
     * @param rows    the rows (read on the calling thread, parsed on the workers)
     * @param threads worker threads, at least 1
     * @param sink    receives each row's result or rejection, in input order, on the calling thread
     * @return the summary of these rows: merge it with other partitions' with {@link RunSummary#merge}
     */
    public static RunSummary run(EligibilityEngine engine, Iterator<? extends Row> rows, LocalDate asOf, int threads, ResultSink sink)
            throws InterruptedException {
        return run(engine, rows, asOf, threads, sink, null);
    }

    /** As {@link #run(EligibilityEngine, Iterator, LocalDate, int, ResultSink)}, calling {@code progress} with the rows done after each batch. */
    public static RunSummary run(EligibilityEngine engine, Iterator<? extends Row> rows, LocalDate asOf, int threads, ResultSink sink,
                                 LongConsumer progress) throws InterruptedException {
        return run(engine, rows, asOf, threads, sink, progress, false);
    }

    /**
     * As {@link #run(EligibilityEngine, Iterator, LocalDate, int, ResultSink, LongConsumer)}; with {@code compliance}
     * every row is assessed {@link Detail#EXPLAINED} and its compliance findings are counted (by sector) and kept in
     * short in its {@link PersonResult#compliance()}.
     */
    public static RunSummary run(EligibilityEngine engine, Iterator<? extends Row> rows, LocalDate asOf, int threads, ResultSink sink,
                                 LongConsumer progress, boolean compliance) throws InterruptedException {
        RunSummary summary = new RunSummary();
        ResultSink out = sink == null ? ResultSink.NONE : sink;
        Preparing preparing = out instanceof Preparing p ? p : null;
        OrderedParallel.<Row, RunRow>runBatches(input(rows), batch -> {
            Prepared[] ps = prepare(batch, asOf);
            RowError[] failed = new RowError[ps.length];
            Assessment[] as = assessAll(engine, batch, ps, failed, compliance ? Detail.EXPLAINED : Detail.OUTCOMES, null);
            List<RunRow> results = new ArrayList<>(ps.length);
            for (int i = 0; i < ps.length; i++) {
                if (ps[i].error() != null) {
                    results.add(new RunRow(null, ps[i].error()));
                } else if (as[i] == null) {
                    results.add(new RunRow(null, failed[i]));
                } else {
                    PersonResult r = ps[i].weigh(PersonResult.of(batch.get(i).line(), ps[i].profile(), as[i], asOf, compliance));
                    results.add(new RunRow(r, null, preparing == null ? null : preparing.prepare(r)));
                }
            }
            return results;
        }, row -> {
            if (row.error() != null) {
                summary.reject(row.error());
                out.rejected(row.error());
            } else {
                summary.add(row.result());
                if (preparing != null) preparing.assessed(row.result(), row.prepared());
                else out.assessed(row.result());
            }
        }, threads, progress == null ? null : () -> progress.accept(summary.rowsIn()));
        return summary;
    }

    /**
     * Runs a population file and writes {@code results.jsonl}, {@code results.csv}, {@code errors.csv} and
     * {@code summary.json} into {@code o.out()}, each renamed into place only when the run is complete (the summary
     * last). The output directory is checked before any row is read.
     *
     * @throws InvalidInputException when the population file or the output directory cannot be used
     */
    public static RunSummary run(EligibilityEngine engine, Options o) throws IOException, InterruptedException {
        RunSummary summary;
        try (OutputFiles files = new OutputFiles(o.out(), List.of("results.jsonl", "results.csv", "errors.csv", "summary.json"), "summary.json");
             RowSource in = Population.open(o.population(), o.format(), "--population")) {
            Utf8Writer results = files.get("results.jsonl");
            Utf8Writer flat = files.get("results.csv");
            Writer errors = files.get("errors.csv");
            write(errors, RowError.CSV_HEADER);
            write(flat, PersonResult.CSV_HEADER);
            summary = run(engine, in, o.asOf(), o.threads(), new Preparing() {
                @Override
                public Object prepare(PersonResult r) {
                    return Lines.of(r);
                }

                @Override
                public void assessed(PersonResult r, Object prepared) {
                    Lines lines = (Lines) prepared;
                    try {
                        results.writeUtf8(lines.json());
                        flat.writeUtf8(lines.csv());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void rejected(RowError e) {
                    write(errors, e.toCsv());
                }
            }, progress(o, in), o.compliance());
            files.write("summary.json", summaryJson(summary, engine, o.asOf(), o.format(), o.presentation()));
            files.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return summary;
    }

    private static LongConsumer progress(Options o, RowSource in) {
        return o.progress() == null ? null : rows -> o.progress().update(rows, in.fractionRead());
    }

    /** @return the {@code summary.json} of a run: the same bytes for the same rows, however partitioned, ordered or threaded */
    public static String summaryJson(RunSummary summary, EligibilityEngine engine, LocalDate asOf, InputFormat format) {
        return summaryJson(summary, engine, asOf, format, Presentation.NONE);
    }

    /** As {@link #summaryJson(RunSummary, EligibilityEngine, LocalDate, InputFormat)}, with the estimates of {@code p} when it scales. */
    public static String summaryJson(RunSummary summary, EligibilityEngine engine, LocalDate asOf, InputFormat format, Presentation p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "run");
        m.put("asOf", asOf.toString());
        m.put("format", format.name());
        m.put("ruleSetVersion", engine.ruleSetVersion());
        m.put("reform", engine.reform().isEmpty() ? null : reformMap(engine.reform()));
        m.put("rows", summary.rowsMap());
        m.put("rejectedByField", summary.rejectedByField());
        m.put("definitions", RunSummary.definitions());
        m.put("decisions", summary.decisionsMap());
        m.put("annualCostByPayer", summary.annualCostByPayerMap());
        m.put("contributions", summary.contributionsMap());
        if (summary.complianceMap() != null) m.put("compliance", summary.complianceMap());
        m.put("wageDeciles", summary.wageDeciles().toMap());
        if (summary.weighted()) m.put("weighted", summary.weightedMap());
        if (p.scaleTo() != null) {
            long n = summary.assessed();
            java.math.BigDecimal total = summary.weightTotal();
            Map<String, Object> e = new LinkedHashMap<>();
            Map<String, Object> cost = new LinkedHashMap<>();
            for (Payer x : Payer.values()) cost.put(x.name(), p.scaled(summary.weightedAnnualCost(x), total));
            e.put("annualCostByPayer", cost);
            e.put("contributionsLast12Months", p.scaled(summary.weightedContributionsLast12(), total));
            if (!summary.compliance().isEmpty()) {
                RunSummary.ComplianceTotals all = new RunSummary.ComplianceTotals();
                summary.compliance().values().forEach(all::merge);
                e.put("workersBelowMinimumWage", p.scaled(all.weighted.get(2), total));
                e.put("workersWithUnpaidMonths", p.scaled(all.weighted.get(3), total));
                e.put("missingContributions", p.scaled(all.weighted.get(5), total));
                e.put("benefitsLost", p.scaled(all.weighted.get(6), total));
            }
            m.put("scaling", scaling(p, n, summary, e));
        }
        return json(m);
    }

    // ---- compare ------------------------------------------------------------------------------------------

    /** Header of {@code flips.csv}. */
    public static final String FLIPS_HEADER = "line,id,kind,scheme,benefit,eventDate,change,baselineOutcome,reformOutcome,baselineAmount,"
            + "reformAmount,period,baselineValue,reformValue,delta,lastYear,provisional,rules,parameters";

    /**
     * Assesses every row with both engines and hands each worker's results and flips to {@code sink}, in input order.
     *
     * @return the summary of these rows: merge it with other partitions' with {@link CompareSummary#merge}
     */
    public static CompareSummary compare(EligibilityEngine baseline, EligibilityEngine reform, Iterator<? extends Row> rows, LocalDate asOf,
                                         int threads, ResultSink sink) throws InterruptedException {
        return compare(baseline, reform, rows, asOf, threads, sink, null);
    }

    /** As {@link #compare(EligibilityEngine, EligibilityEngine, Iterator, LocalDate, int, ResultSink)}, with progress after each batch. */
    public static CompareSummary compare(EligibilityEngine baseline, EligibilityEngine reform, Iterator<? extends Row> rows, LocalDate asOf,
                                         int threads, ResultSink sink, LongConsumer progress) throws InterruptedException {
        CompareSummary summary = new CompareSummary();
        ResultSink out = sink == null ? ResultSink.NONE : sink;
        OrderedParallel.<Row, CompareRow>runBatches(input(rows), batch -> {
            Prepared[] ps = prepare(batch, asOf);
            RowError[] failed = new RowError[ps.length];
            Assessment[][] both = assessBoth(baseline, reform, batch, ps, failed);
            Assessment[] bs = both[0];
            Assessment[] rs = both[1];
            @SuppressWarnings("unchecked")
            List<Comparison.Flip>[] fs = new List[ps.length];
            boolean[] changed = new boolean[ps.length];
            boolean[] same = new boolean[ps.length]; // the same PersonResult on both sides: made once
            boolean any = false;
            for (int i = 0; i < ps.length; i++) {
                if (ps[i].error() != null || failed[i] != null || bs[i] == null || rs[i] == null) continue;
                same[i] = Comparison.sameResult(bs[i], rs[i]);
                fs[i] = same[i] ? List.of() : Comparison.flips(bs[i], rs[i], asOf);
                // a changed decision is explained by its reasons: both sides again, explained (no compliance checks,
                // which the flips do not read); a changed contribution
                // by its lines' rules and parameters, which the outcome path has already (the same flips, tested)
                for (Comparison.Flip f : fs[i]) changed[i] |= Comparison.Flip.DECISION.equals(f.kind());
                any |= changed[i];
            }
            if (any) explainChanged(baseline, reform, batch, ps, failed, changed, fs, asOf);
            return compareRows(batch, ps, failed, bs, rs, fs, same, asOf);
        }, row -> {
            if (row.error() != null) {
                summary.reject(row.error());
                out.rejected(row.error());
            } else {
                summary.add(row.base(), row.reform(), row.flips());
                out.compared(row.base(), row.reform(), row.flips());
            }
        }, threads, progress == null ? null : () -> progress.accept(summary.baseline().rowsIn()));
        return summary;
    }

    /** The rows of a compared batch: both sides' results and the flips, or the row's error. */
    private static List<CompareRow> compareRows(List<Row> batch, Prepared[] ps, RowError[] failed, Assessment[] bs, Assessment[] rs,
                                                List<Comparison.Flip>[] fs, boolean[] same, LocalDate asOf) {
        List<CompareRow> results = new ArrayList<>(ps.length);
        for (int i = 0; i < ps.length; i++) {
            long line = batch.get(i).line();
            Prepared p = ps[i];
            if (p.error() != null) {
                results.add(new CompareRow(null, null, null, p.error()));
            } else if (failed[i] != null || bs[i] == null || rs[i] == null) {
                results.add(new CompareRow(null, null, null, failed[i]));
            } else {
                PersonResult base = p.weigh(PersonResult.of(line, p.profile(), bs[i], asOf));
                results.add(new CompareRow(base, same[i] ? base : p.weigh(PersonResult.of(line, p.profile(), rs[i], asOf)), fs[i], null));
            }
        }
        return results;
    }

    /**
     * The explanation of a changed decision: both sides again, explained, for those workers only (a method of its own:
     * rarely run, it is compiled apart from the batch loop).
     */
    private static void explainChanged(EligibilityEngine baseline, EligibilityEngine reform, List<Row> batch, Prepared[] ps, RowError[] failed,
                                       boolean[] changed, List<Comparison.Flip>[] fs, LocalDate asOf) {
        Assessment[] be = assessAll(baseline, batch, ps, failed, Detail.DECISIONS, changed);
        Assessment[] re = assessAll(reform, batch, ps, failed, Detail.DECISIONS, changed);
        for (int i = 0; i < ps.length; i++) {
            if (changed[i] && failed[i] == null && be[i] != null && re[i] != null) fs[i] = Comparison.flips(be[i], re[i], asOf);
        }
    }

    /**
     * Compares a population file under both engines and writes {@code flips.csv}, {@code errors.csv},
     * {@code summary.json} and {@code report.html} into {@code o.out()}, renamed into place only when complete.
     */
    public static CompareSummary compare(EligibilityEngine baseline, EligibilityEngine reform, Options o) throws IOException, InterruptedException {
        CompareSummary summary;
        try (OutputFiles files = new OutputFiles(o.out(), List.of("flips.csv", "errors.csv", "report.html", "summary.json"), "summary.json");
             RowSource in = Population.open(o.population(), o.format(), "--population")) {
            Writer flips = files.get("flips.csv");
            Writer errors = files.get("errors.csv");
            write(flips, FLIPS_HEADER);
            write(errors, RowError.CSV_HEADER);
            summary = compare(baseline, reform, in, o.asOf(), o.threads(), new ResultSink() {
                @Override
                public void compared(PersonResult b, PersonResult r, List<Comparison.Flip> fs) {
                    if (!fs.isEmpty()) writeRaw(flips, flipsCsv(b.line(), b.id(), fs));
                }

                @Override
                public void rejected(RowError e) {
                    write(errors, e.toCsv());
                }
            }, progress(o, in));
            files.write("summary.json", summaryJson(summary, baseline, reform, o.asOf(), o.format(), o.presentation()));
            files.write("report.html", HtmlReport.render(summary, reform.reform(), o.asOf(), baseline.ruleSetVersion(), reform.ruleSetVersion(),
                    o.population().getFileName() == null ? o.population().toString() : o.population().getFileName().toString(), o.presentation()));
            files.commit();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return summary;
    }

    /** @return the {@code summary.json} of a comparison: the same bytes for the same rows, however partitioned, ordered or threaded */
    public static String summaryJson(CompareSummary summary, EligibilityEngine baseline, EligibilityEngine reform, LocalDate asOf, InputFormat format) {
        return summaryJson(summary, baseline, reform, asOf, format, Presentation.NONE);
    }

    /** As {@link #summaryJson(CompareSummary, EligibilityEngine, EligibilityEngine, LocalDate, InputFormat)}, with the estimates of {@code p}. */
    public static String summaryJson(CompareSummary summary, EligibilityEngine baseline, EligibilityEngine reform, LocalDate asOf, InputFormat format,
                                     Presentation p) {
        Map<String, Object> m = compareMap(summary, asOf, format, baseline, reform);
        if (p.scaleTo() != null) {
            long n = summary.baseline().assessed();
            java.math.BigDecimal total = summary.baseline().weightTotal();
            CompareSummary.Group all = summary.all();
            Map<String, Object> e = new LinkedHashMap<>();
            for (String k : List.of("personsChanged", "betterOff", "worseOff", "payingMore", "payingLess", "gainers", "losers")) {
                e.put(k, p.scaled(all.weighted(k), total));
            }
            Map<String, Object> cost = new LinkedHashMap<>();
            for (Payer x : Payer.values()) {
                cost.put(x.name(), p.scaled(summary.reform().weightedAnnualCost(x).subtract(summary.baseline().weightedAnnualCost(x)), total));
            }
            e.put("annualCostDeltaByPayer", cost);
            e.put("contributionDeltaLast12Months", p.scaled(summary.reform().weightedContributionsLast12()
                    .subtract(summary.baseline().weightedContributionsLast12()), total));
            m.put("scaling", scaling(p, n, summary.baseline(), e));
        }
        return json(m);
    }

    private static Map<String, Object> scaling(Presentation p, long sample, RunSummary s, Map<String, Object> estimates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scaleTo", p.scaleTo());
        m.put("sampleSize", sample);
        if (s.weighted()) {
            m.put("weightTotal", Weighted.plain(s.weightTotal()));
            m.put("method", "each weighted figure of the sample (sum of weight x value) x scaleTo / weightTotal, whole, halves up: the weights "
                    + "say how the rows stand for the population, scaleTo sets its size");
        } else {
            m.put("method", "each figure of the sample x scaleTo / sampleSize, whole, halves up: an estimate for a population like the sample");
        }
        m.put("estimates", estimates);
        return m;
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
        m.put("persons", s.all().toMap());
        Map<String, Object> cost = new LinkedHashMap<>();
        for (Payer p : Payer.values()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("paidBy", p.label());
            c.put("baseline", s.baseline().annualCost(p));
            c.put("reform", s.reform().annualCost(p));
            c.put("delta", s.annualCostDelta(p));
            cost.put(p.name(), c);
        }
        m.put("annualCostByPayer", cost);
        m.put("contributionDeltaLast12Months", s.contributionDelta().totalLast12());
        Map<String, Object> switched = new LinkedHashMap<>();
        s.withoutEffect().forEach((k, v) -> switched.put(k.name(), v));
        m.put("decisionsWithoutEffect", switched);
        m.put("warnings", s.warnings(reform.reform(), asOf));
        m.put("benefits", s.benefitsMap());
        m.put("contributions", s.contributionsMap());
        m.put("breakdowns", s.breakdownsMap());
        if (s.weighted()) m.put("weighted", s.weightedMap());
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

    static void write(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRaw(Writer w, String text) {
        try {
            w.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
