package org.rulesascode.nssf.spark;

import java.io.Serializable;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.rulesascode.nssf.population.RowError;

/**
 * One element of a partition's output: a worker's result, a rejected row, or the partition's partial summary (last).
 * Kept (persisted) between the pass that assesses and the datasets and summary read from it, so nothing is assessed
 * twice.
 */
record Out(Kind kind, long line, String id, String a, String b, String c, String d, int n, Serializable summary) implements Serializable {
    private static final long serialVersionUID = 1L;

    enum Kind { RESULT, ERROR, SUMMARY }

    /** Columns of the errors dataset: those of {@code errors.csv}. */
    static final StructType ERROR_SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("field", DataTypes.StringType, false)
            .add("problem", DataTypes.StringType, false)
            .add("allowed", DataTypes.StringType, false);

    /** Columns of a run's results: the worker's line, id and {@code results.jsonl} line. */
    static final StructType RUN_SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("result", DataTypes.StringType, false);

    /** Columns of a comparison's results. */
    static final StructType COMPARE_SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("flipCount", DataTypes.IntegerType, false)
            .add("flips", DataTypes.StringType, false)
            .add("baseline", DataTypes.StringType, false)
            .add("reform", DataTypes.StringType, false);

    static Out run(long line, String id, String json) {
        return new Out(Kind.RESULT, line, id, json, null, null, null, 0, null);
    }

    static Out compared(long line, String id, int flipCount, String flips, String baseline, String reform) {
        return new Out(Kind.RESULT, line, id, flips, baseline, reform, null, flipCount, null);
    }

    static Out error(RowError e) {
        return new Out(Kind.ERROR, e.line(), e.id(), e.field(), e.problem(), e.allowed(), null, 0, null);
    }

    static Out summary(Serializable s) {
        return new Out(Kind.SUMMARY, 0, null, null, null, null, null, 0, s);
    }

    boolean isResult() {
        return kind == Kind.RESULT;
    }

    boolean isError() {
        return kind == Kind.ERROR;
    }

    Row runRow() {
        return RowFactory.create(line, id, a);
    }

    Row compareRow() {
        return RowFactory.create(line, id, n, a, b, c);
    }

    Row errorRow() {
        return RowFactory.create(line, id, a, b, c);
    }
}
