package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.Presentation;

import picocli.CommandLine.Option;

/** The options {@code run} and {@code compare} share (a picocli mixin). */
final class PopulationOptions {

    /** Input format option: by file name, or forced. */
    enum Format { auto, jsonl, csv }

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "the date of every assessment (2008-01-01 to 2060-12-31)")
    LocalDate asOf;

    @Option(names = "--population", required = true, paramLabel = "FILE", description = "the population: JSON lines (.jsonl) or CSV (.csv)")
    Path population;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|jsonl|csv", description = "input format (default: auto, by the file name: .csv is CSV, anything else JSON lines)")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created if missing; files in it are replaced when the run completes)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of processors)")
    Integer threads;

    @Option(names = "--trust-reform-rules", description = "allow a reform's rules: (DRL files, code that runs with your rights)")
    boolean trustReformRules;

    @Option(names = "--scale-to", paramLabel = "N", description = "also estimate every figure for a population of N (e.g. 4335501, NSSF's members), shown beside the sample's with the sample size; "
            + "when rows carry weights, each weighted figure x N / the sum of the weights")
    Long scaleTo;

    @Option(names = "--usd-rate", paramLabel = "RIEL", description = "also show amounts in US dollars at this rate (riel per dollar), stated in the report")
    Long usdRate;

    /** The progress bar: drawn only on a terminal, never in a pipe, a log file or a test. */
    Progress progress;

    /**
     * Checks every option (dates, threads, the population file's existence, the output directory) before the engine
     * is built and before any row is read.
     */
    PopulationRunner.Options options(PrintWriter err) {
        return options(err, false);
    }

    /** As {@link #options(PrintWriter)}, with {@code compliance} findings counted. */
    PopulationRunner.Options options(PrintWriter err, boolean compliance) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        InputFormat f = switch (format) {
            case auto -> InputFormat.of(population);
            case jsonl -> InputFormat.jsonl;
            case csv -> InputFormat.csv;
        };
        if (!Files.exists(population)) {
            throw new InvalidInputException("--population", "file '" + population + "' does not exist", "a readable JSON Lines (.jsonl) or CSV (.csv) file");
        }
        progress = new Progress(System.console() != null ? err : null);
        PopulationRunner.Options o = new PopulationRunner.Options(asOf, population, f, out, t, progress, compliance,
                new Presentation(scaleTo, usdRate));
        o.checkOut();
        return o;
    }

    /** @return the reform read from {@code file} (rules only when trusted) applied to {@code engine} */
    EligibilityEngine reformed(EligibilityEngine engine, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("--reform", "file '" + file + "' does not exist or is not a file", "a reform YAML file, e.g. eligibility-examples/reforms/pension-ceiling-2027.yaml");
        }
        Reform reform = NssfReforms.read(file, trustReformRules);
        return engine.withReform(reform);
    }
}
