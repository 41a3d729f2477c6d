package org.rulesascode.nssf.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.population.CompareSummary;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.Population;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.RunSummary;

/**
 * A population on Apache Spark: the population module's run and comparison ({@link PopulationRunner}) over a
 * {@link Dataset}, with the same per-worker results, the same rejections and the same summary object (and
 * {@code summary.json} bytes) as a run on one machine over the same lines.
 *
 * <p>Every input line keeps its line number, taken from the input order (1 for the first line; for CSV the header
 * is line 1): rows in = assessed + rejected, always, and a rejected row is named by its line. Each executor JVM
 * builds the engines once, on first use, and reuses them across tasks; the reform travels as data (a broadcast
 * copy), never as a built rule base. Each partition yields its rows' results and a partial summary; the driver
 * merges the partial summaries ({@code treeAggregate}).
 *
 * <pre>{@code
 * SparkSession spark = SparkSession.builder().appName("nssf compare").getOrCreate();
 * SparkPopulation workers = SparkPopulation.jsonLines(spark.read().textFile("hdfs:///nssf/workers.jsonl"));
 * try (SparkComparison c = workers.compare(LocalDate.of(2028, 6, 30), Files.readString(Path.of("pension-ceiling-2027.yaml")))) {
 *     c.results().write().parquet("hdfs:///nssf/out/results");
 *     c.errors().write().option("header", true).csv("hdfs:///nssf/out/errors");
 *     Files.writeString(Path.of("summary.json"), c.summaryJson());
 *     System.out.println(c.summary().annualCostDelta() + " riel a year");
 * }
 * }</pre>
 *
 * <p>Immutable; the methods that run a job ({@code run}, {@code compare}) are called on the driver.
 */
public final class SparkPopulation {
    /** Columns of numbered lines: {@code line} (long, 1-based) and {@code text} (the line without its line break). */
    public static final StructType NUMBERED_SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("text", DataTypes.StringType, false);

    /** The columns of a CSV population, in order (those of {@link Population#CSV_HEADER}). */
    public static final List<String> CSV_COLUMNS = List.of(Population.CSV_HEADER.split(","));

    /** The optional last column of a CSV population: the row's weight (how many persons it stands for; empty: 1). */
    public static final String WEIGHT_COLUMN = "weight";

    private final Dataset<Row> lines;
    private final InputFormat format;
    private final boolean weightColumn;

    private SparkPopulation(Dataset<Row> lines, InputFormat format, boolean weightColumn) {
        this.lines = lines;
        this.format = format;
        this.weightColumn = weightColumn;
    }

    /**
     * @param lines a JSON Lines population, one worker profile per element, in file order (e.g.
     *              {@code spark.read().textFile(path)})
     * @return the population, its lines numbered 1, 2, 3… in the dataset's order
     */
    public static SparkPopulation jsonLines(Dataset<String> lines) {
        Objects.requireNonNull(lines, "lines");
        return new SparkPopulation(number(lines, 1), InputFormat.jsonl, false);
    }

    /**
     * @param lines the lines of a CSV population file, its header first (e.g. {@code spark.read().textFile(path)});
     *              each later line is read exactly as the population module reads a CSV file's line
     * @return the population, the header being line 1 and the first worker line 2
     * @throws InvalidInputException (field {@code header}) when the first line is not the CSV header, or the input is empty
     */
    public static SparkPopulation csvLines(Dataset<String> lines) {
        Objects.requireNonNull(lines, "lines");
        Dataset<Row> numbered = number(lines, 1);
        List<Row> first = numbered.filter(numbered.col("line").equalTo(1L)).collectAsList();
        if (first.isEmpty()) throw new InvalidInputException("header", "is missing: the input is empty", Population.CSV_HEADER);
        boolean weights = checkHeader(first.get(0).getString(1));
        return new SparkPopulation(numbered.filter(numbered.col("line").gt(1L)), InputFormat.csv, weights);
    }

    /**
     * @param rows a CSV population read into columns (e.g. {@code spark.read().option("header", true).csv(path)}): one
     *             column per name of {@link #CSV_COLUMNS}, in any order, and optionally {@link #WEIGHT_COLUMN}; values
     *             as text (other types are written as text: a date as YYYY-MM-DD), null for an empty field
     * @return the population, the rows numbered 2, 3, 4… in the dataset's order (as if the header were line 1)
     * @throws InvalidInputException (field {@code columns}) when a column is missing or not one of the population's
     */
    public static SparkPopulation csv(Dataset<Row> rows) {
        Objects.requireNonNull(rows, "rows");
        List<String> names = Arrays.asList(rows.columns());
        boolean weights = names.contains(WEIGHT_COLUMN);
        for (String n : names) {
            if (!CSV_COLUMNS.contains(n) && !n.equals(WEIGHT_COLUMN)) {
                throw new InvalidInputException("columns", "has the column '" + n + "', which is not a column of a CSV population", Population.CSV_HEADER);
            }
        }
        int[] index = new int[CSV_COLUMNS.size() + (weights ? 1 : 0)];
        for (int i = 0; i < CSV_COLUMNS.size(); i++) {
            index[i] = names.indexOf(CSV_COLUMNS.get(i));
            if (index[i] < 0) throw new InvalidInputException("columns", "lacks the column " + CSV_COLUMNS.get(i), Population.CSV_HEADER);
        }
        if (weights) index[CSV_COLUMNS.size()] = names.indexOf(WEIGHT_COLUMN);
        JavaRDD<Row> numbered = rows.javaRDD().zipWithIndex().map(t -> RowFactory.create(t._2() + 2, csvLine(t._1(), index)));
        return new SparkPopulation(rows.sparkSession().createDataFrame(numbered, NUMBERED_SCHEMA), InputFormat.csv, weights);
    }

    /**
     * @param lines  numbered lines with the columns of {@link #NUMBERED_SCHEMA} (e.g. several files numbered by the
     *               caller), in any order and partitioning
     * @param format the lines' format; for {@code csv}, the lines hold no header
     * @return the population
     * @throws InvalidInputException (field {@code columns}) when the columns are not those of {@link #NUMBERED_SCHEMA}
     */
    public static SparkPopulation numbered(Dataset<Row> lines, InputFormat format) {
        return numbered(lines, format, false);
    }

    /**
     * As {@link #numbered(Dataset, InputFormat)}; with {@code weightColumn}, CSV lines end with the optional
     * {@link #WEIGHT_COLUMN} (ignored for JSON Lines, whose lines carry a weight as a top-level {@code "weight"}).
     */
    public static SparkPopulation numbered(Dataset<Row> lines, InputFormat format, boolean weightColumn) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(format, "format");
        StructField[] fs = lines.schema().fields();
        if (fs.length != 2 || !fs[0].name().equals("line") || !fs[0].dataType().equals(DataTypes.LongType)
                || !fs[1].name().equals("text") || !fs[1].dataType().equals(DataTypes.StringType)) {
            throw new InvalidInputException("columns", "are " + lines.schema().simpleString(), "line (long, 1-based), text (string)");
        }
        return new SparkPopulation(lines, format, weightColumn);
    }

    /** @return the numbered lines (columns of {@link #NUMBERED_SCHEMA}); for a CSV population, without the header */
    public Dataset<Row> lines() {
        return lines;
    }

    /** @return the format of the lines */
    public InputFormat format() {
        return format;
    }

    /** @return true when the CSV lines end with the {@link #WEIGHT_COLUMN} */
    public boolean weightColumn() {
        return weightColumn;
    }

    /** As {@link #run(LocalDate, Reform)} with the standard rules and parameters. */
    public SparkRun run(LocalDate asOf) {
        return run(asOf, Reform.none());
    }

    /**
     * Assesses every worker on {@code asOf} with the engine of {@code reform}, the rows partitioned as the dataset is.
     * Runs one Spark job (the assessment, kept for {@link SparkRun#results()} and {@link SparkRun#errors()}) before
     * returning; close the result to release what it keeps.
     *
     * @param reform the reform to apply, or {@link Reform#none()} for the standard rules
     * @throws InvalidInputException when the as-of date is outside the rule base's range or the reform does not fit
     *                               the parameter tree (checked on the driver, before any task)
     */
    public SparkRun run(LocalDate asOf, Reform reform) {
        checkAsOf(asOf);
        ReformData data = ReformData.of(reform);
        EligibilityEngine engine = Engines.of(data); // on the driver: checks the reform before any task, and names the rule set
        JavaRDD<Out> out = assess(data, false, asOf);
        try {
            RunSummary s = out.treeAggregate(new RunSummary(),
                    (acc, o) -> o.kind() == Out.Kind.SUMMARY ? acc.merge((RunSummary) o.summary()) : acc, RunSummary::merge);
            return new SparkRun(lines.sparkSession(), out, s, engine, asOf, format);
        } catch (RuntimeException e) {
            out.unpersist(false);
            throw e;
        }
    }

    /**
     * Compares the standard rules with {@code reform}: every worker assessed on {@code asOf} both ways. Runs one
     * Spark job before returning (kept for {@link SparkComparison#results()} and {@link SparkComparison#errors()});
     * close the result to release it.
     *
     * @throws InvalidInputException when the as-of date is outside the rule base's range or the reform does not fit
     *                               the parameter tree (checked on the driver, before any task)
     */
    public SparkComparison compare(LocalDate asOf, Reform reform) {
        checkAsOf(asOf);
        ReformData data = ReformData.of(reform);
        EligibilityEngine baseline = Engines.baseline();
        EligibilityEngine reformed = Engines.of(data);
        JavaRDD<Out> out = assess(data, true, asOf);
        try {
            CompareSummary s = out.treeAggregate(new CompareSummary(),
                    (acc, o) -> o.kind() == Out.Kind.SUMMARY ? acc.merge((CompareSummary) o.summary()) : acc, CompareSummary::merge);
            return new SparkComparison(lines.sparkSession(), out, s, baseline, reformed, asOf, format);
        } catch (RuntimeException e) {
            out.unpersist(false);
            throw e;
        }
    }

    /**
     * As {@link #compare(LocalDate, Reform)} with a parameter-only reform written in YAML (the format of
     * {@code nssf compare --reform}); a reform with {@code rules:} needs {@link NssfReforms#read(java.nio.file.Path, boolean)}
     * and the {@code Reform} overload.
     *
     * @throws InvalidInputException naming {@code reform:line} and the YAML path of the first mistake
     */
    public SparkComparison compare(LocalDate asOf, String reformYaml) {
        return compare(asOf, NssfReforms.parse("reform", reformYaml, null, false));
    }

    private JavaRDD<Out> assess(ReformData data, boolean compare, LocalDate asOf) {
        SparkSession spark = lines.sparkSession();
        Broadcast<ReformData> reform = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(data);
        return lines.javaRDD().mapPartitions(new PartitionRunner(reform, compare, asOf, format, weightColumn)).persist(StorageLevel.MEMORY_AND_DISK());
    }

    private static void checkAsOf(LocalDate asOf) {
        String allowed = "a date from " + AssessmentRequest.FIRST_DATE + " to " + AssessmentRequest.LAST_DATE;
        if (asOf == null) throw new InvalidInputException("asOf", "is missing", allowed);
        if (asOf.isBefore(AssessmentRequest.FIRST_DATE) || asOf.isAfter(AssessmentRequest.LAST_DATE)) {
            throw new InvalidInputException("asOf", "is " + asOf + ", outside the range the rule base covers", allowed);
        }
    }

    /** @return the lines numbered from {@code first} in the dataset's order, a byte-order mark removed from the first */
    private static Dataset<Row> number(Dataset<String> lines, long first) {
        JavaRDD<Row> numbered = lines.javaRDD().zipWithIndex().map(t -> {
            String text = t._1();
            if (t._2() == 0 && text != null && text.startsWith("\uFEFF")) text = text.substring(1);
            return RowFactory.create(t._2() + first, text == null ? "" : text);
        });
        return lines.sparkSession().createDataFrame(numbered, NUMBERED_SCHEMA);
    }

    /** @return true when the header ends with the optional weight column */
    private static boolean checkHeader(String header) {
        List<String> names = new ArrayList<>();
        for (String n : header.split(",", -1)) {
            String s = n.strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1).strip();
            names.add(s);
        }
        boolean weights = names.size() == CSV_COLUMNS.size() + 1 && names.get(CSV_COLUMNS.size()).equals(WEIGHT_COLUMN);
        if (!(weights ? names.subList(0, CSV_COLUMNS.size()) : names).equals(CSV_COLUMNS)) {
            throw new InvalidInputException("header", "is '" + header + "', not the header of a CSV population", Population.CSV_HEADER
                    + " (optionally followed by ," + WEIGHT_COLUMN + ")");
        }
        return weights;
    }

    /** @return the fields of {@code r} at {@code index} as one CSV record (RFC 4180 quoting), null as an empty field */
    static String csvLine(Row r, int[] index) {
        StringBuilder sb = new StringBuilder(160);
        for (int i = 0; i < index.length; i++) {
            if (i > 0) sb.append(',');
            Object v = r.get(index[i]);
            String s = v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0) sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            else sb.append(s);
        }
        return sb.toString();
    }
}
