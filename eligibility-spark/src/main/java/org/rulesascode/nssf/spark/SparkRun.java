package org.rulesascode.nssf.spark;

import java.time.LocalDate;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.Presentation;
import org.rulesascode.nssf.population.RunSummary;

/**
 * A population run on Spark: the per-worker results and the rejected rows as datasets (computed once, kept on the
 * executors until {@link #close()}), and the summary of all rows, merged on the driver. The summary is the population
 * module's {@link RunSummary}, and {@link #summaryJson()} the bytes of its {@code summary.json}: the same as a run of
 * the same lines on one machine.
 */
public final class SparkRun implements AutoCloseable {
    private final SparkSession spark;
    private final JavaRDD<Out> out;
    private final RunSummary summary;
    private final String summaryJson;
    private final EligibilityEngine engine;
    private final LocalDate asOf;
    private final InputFormat format;

    SparkRun(SparkSession spark, JavaRDD<Out> out, RunSummary summary, EligibilityEngine engine, LocalDate asOf, InputFormat format) {
        this.spark = spark;
        this.out = out;
        this.summary = summary;
        this.engine = engine;
        this.asOf = asOf;
        this.format = format;
        this.summaryJson = PopulationRunner.summaryJson(summary, engine, asOf, format);
    }

    /**
     * @return one row per assessed worker: {@code line} (long), {@code id} (string), {@code result} (the worker's line
     *         of {@code results.jsonl}: decisions, amounts, contributions); read it with {@code from_json}
     */
    public Dataset<Row> results() {
        return spark.createDataFrame(out.filter(Out::isResult).map(Out::runRow), Out.RUN_SCHEMA);
    }

    /** @return one row per rejected line, the columns of {@code errors.csv}: line, id, field, problem, allowed */
    public Dataset<Row> errors() {
        return spark.createDataFrame(out.filter(Out::isError).map(Out::errorRow), Out.ERROR_SCHEMA);
    }

    /** @return the summary of every row (rows in = assessed + rejected) */
    public RunSummary summary() {
        return summary;
    }

    /** @return the {@code summary.json} text (UTF-8 when written), the same bytes as a run on one machine */
    public String summaryJson() {
        return summaryJson;
    }

    /** @return the {@code summary.json} text with the estimates of {@code p} ({@code nssf run --scale-to --usd-rate}) */
    public String summaryJson(Presentation p) {
        return PopulationRunner.summaryJson(summary, engine, asOf, format, p);
    }

    /** Releases the results kept on the executors; the datasets cannot be read after. */
    @Override
    public void close() {
        out.unpersist(false);
    }
}
