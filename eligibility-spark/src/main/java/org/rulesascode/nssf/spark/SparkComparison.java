package org.rulesascode.nssf.spark;

import java.time.LocalDate;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.population.CompareSummary;
import org.rulesascode.nssf.population.HtmlReport;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.Presentation;

/**
 * A reform comparison on Spark: per worker both results and what changes (computed once, kept on the executors until
 * {@link #close()}), the rejected rows, and the summary of all rows merged on the driver: the population module's
 * {@link CompareSummary}, {@link #summaryJson()} the bytes of its {@code summary.json} (the same as
 * {@code nssf compare} over the same lines) and {@link #reportHtml(String)} its report.
 */
public final class SparkComparison implements AutoCloseable {
    private final SparkSession spark;
    private final JavaRDD<Out> out;
    private final CompareSummary summary;
    private final String summaryJson;
    private final EligibilityEngine baseline;
    private final EligibilityEngine reformed;
    private final Reform reform;
    private final LocalDate asOf;
    private final String baselineVersion;
    private final String reformVersion;

    private final InputFormat format;

    SparkComparison(SparkSession spark, JavaRDD<Out> out, CompareSummary summary, EligibilityEngine baseline, EligibilityEngine reformed,
                    LocalDate asOf, InputFormat format) {
        this.spark = spark;
        this.out = out;
        this.summary = summary;
        this.baseline = baseline;
        this.reformed = reformed;
        this.summaryJson = PopulationRunner.summaryJson(summary, baseline, reformed, asOf, format);
        this.reform = reformed.reform();
        this.asOf = asOf;
        this.baselineVersion = baseline.ruleSetVersion();
        this.reformVersion = reformed.ruleSetVersion();
        this.format = format;
    }

    /**
     * @return one row per worker assessed both ways: {@code line} (long), {@code id}, {@code flipCount} (int: 0 when
     *         nothing changes for the worker), {@code flips} (a JSON array of the changes, each with its kind, scheme,
     *         benefit, outcomes, amounts, values, delta and the rules and parameters that caused it), {@code baseline}
     *         and {@code reform} (the worker's {@code results.jsonl} line under each)
     */
    public Dataset<Row> results() {
        return spark.createDataFrame(out.filter(Out::isResult).map(Out::compareRow), Out.COMPARE_SCHEMA);
    }

    /** @return one row per rejected line, the columns of {@code errors.csv}: line, id, field, problem, allowed */
    public Dataset<Row> errors() {
        return spark.createDataFrame(out.filter(Out::isError).map(Out::errorRow), Out.ERROR_SCHEMA);
    }

    /** @return the summary of every row (rows in = assessed + rejected) */
    public CompareSummary summary() {
        return summary;
    }

    /** @return the {@code summary.json} text, the same bytes as {@code nssf compare} on one machine */
    public String summaryJson() {
        return summaryJson;
    }

    /**
     * @param p estimates scaled to a population size and amounts in US dollars too ({@code nssf compare --scale-to --usd-rate})
     * @return the {@code summary.json} text with the estimates of {@code p}, as {@code nssf compare} writes it
     */
    public String summaryJson(Presentation p) {
        return PopulationRunner.summaryJson(summary, baseline, reformed, asOf, format, p);
    }

    /**
     * @param populationName how the report names the population (e.g. the input path)
     * @return the comparison's self-contained HTML report (as {@code report.html} of {@code nssf compare})
     */
    public String reportHtml(String populationName) {
        return reportHtml(populationName, Presentation.NONE);
    }

    /** As {@link #reportHtml(String)}, with the estimates and dollar amounts of {@code p}. */
    public String reportHtml(String populationName, Presentation p) {
        return HtmlReport.render(summary, reform, asOf, baselineVersion, reformVersion, populationName, p);
    }

    /** Releases the results kept on the executors; the datasets cannot be read after. */
    @Override
    public void close() {
        out.unpersist(false);
    }
}
