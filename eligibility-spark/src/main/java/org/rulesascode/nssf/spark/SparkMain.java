package org.rulesascode.nssf.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.json.NssfReforms;

/**
 * The driver program for {@code spark-submit}: a population run or a reform comparison of a JSON Lines or CSV file
 * (any path Spark reads: local, {@code hdfs://}, {@code s3a://}), its outputs written under {@code --out}; the reform
 * file is read from the driver's file system.
 *
 * <pre>
 * spark-submit --class org.rulesascode.nssf.spark.SparkMain eligibility-spark-0.1.0-SNAPSHOT-spark.jar \
 *     compare --population hdfs:///nssf/workers.jsonl --reform pension-ceiling-2027.yaml --as-of 2028-06-30 --out hdfs:///nssf/out
 * </pre>
 *
 * Writes {@code summary.json} (the same bytes as {@code nssf run}/{@code nssf compare} on one machine), the results
 * ({@code results/}, JSON, one object per worker) and the rejected rows ({@code errors/}, CSV with a header), and for a
 * comparison {@code report.html}. A mistake in the arguments is one line on the standard error and exit code 2.
 */
public final class SparkMain {
    private SparkMain() { }

    private static final String USAGE = "usage: (run|compare) --population FILE(.jsonl|.csv) --as-of YYYY-MM-DD --out DIR"
            + " [--reform REFORM.yaml (required by compare)] [--trust-reform-rules]";

    /** Runs the command; exits 2 on a user mistake. */
    public static void main(String[] args) throws IOException {
        int code = run(args, System.err);
        if (code != 0) System.exit(code);
    }

    static int run(String[] args, PrintStream err) throws IOException {
        Map<String, String> o;
        String command;
        LocalDate asOf;
        try {
            if (args.length == 0 || !Set.of("run", "compare").contains(args[0])) throw new InvalidInputException("command", "is missing or unknown", USAGE);
            command = args[0];
            o = options(args);
            for (String required : new String[] {"--population", "--as-of", "--out"}) {
                if (!o.containsKey(required)) throw new InvalidInputException(required, "is missing", USAGE);
            }
            if (command.equals("compare") && !o.containsKey("--reform")) throw new InvalidInputException("--reform", "is missing", "a reform YAML file");
            try {
                asOf = LocalDate.parse(o.get("--as-of"));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("--as-of", "'" + o.get("--as-of") + "' is not a date", "a date YYYY-MM-DD");
            }
        } catch (InvalidInputException e) {
            err.println("nssf-spark: " + e.getMessage());
            return 2;
        }
        SparkSession spark = SparkSession.builder().appName("nssf " + command).getOrCreate();
        try {
            // the reform file is read on the driver's own file system (with spark-submit --deploy-mode cluster, ship it with --files)
            Reform reform = o.containsKey("--reform")
                    ? NssfReforms.read(java.nio.file.Path.of(o.get("--reform")), o.containsKey("--trust-reform-rules")) : Reform.none();
            String population = o.get("--population");
            Dataset<String> lines = spark.read().textFile(population);
            SparkPopulation p = population.toLowerCase(Locale.ROOT).endsWith(".csv") ? SparkPopulation.csvLines(lines) : SparkPopulation.jsonLines(lines);
            String out = o.get("--out");
            if (command.equals("run")) {
                try (SparkRun r = p.run(asOf, reform)) {
                    r.results().select("result").write().text(out + "/results");
                    r.errors().write().option("header", true).csv(out + "/errors");
                    write(spark, out + "/summary.json", r.summaryJson());
                    err.printf("nssf-spark: %d rows: %d assessed, %d rejected%n", r.summary().rowsIn(), r.summary().assessed(), r.summary().rejected());
                }
            } else {
                try (SparkComparison c = p.compare(asOf, reform)) {
                    c.results().write().json(out + "/results");
                    c.errors().write().option("header", true).csv(out + "/errors");
                    write(spark, out + "/report.html", c.reportHtml(population));
                    write(spark, out + "/summary.json", c.summaryJson());
                    err.printf("nssf-spark: %d rows: %d assessed, %d rejected; %d with flips; annual cost delta %d riel%n", c.summary().baseline().rowsIn(),
                            c.summary().baseline().assessed(), c.summary().baseline().rejected(), c.summary().personsWithFlips(), c.summary().annualCostDelta());
                }
            }
            return 0;
        } catch (InvalidInputException e) {
            err.println("nssf-spark: " + e.getMessage());
            return 2;
        } finally {
            spark.stop();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        Set<String> known = Set.of("--population", "--as-of", "--out", "--reform");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--trust-reform-rules")) {
                o.put(args[i], "true");
            } else if (known.contains(args[i]) && i + 1 < args.length) {
                o.put(args[i], args[++i]);
            } else {
                throw new InvalidInputException(args[i], known.contains(args[i]) ? "has no value" : "is not an option", USAGE);
            }
        }
        return o;
    }

    private static void write(SparkSession spark, String path, String text) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        Path p = new Path(path);
        FileSystem fs = p.getFileSystem(conf);
        try (OutputStream out = fs.create(p, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
