package org.rulesascode.nssf.spark;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.population.CompareSummary;
import org.rulesascode.nssf.population.Comparison;
import org.rulesascode.nssf.population.InputFormat;
import org.rulesascode.nssf.population.PersonResult;
import org.rulesascode.nssf.population.PopulationRunner;
import org.rulesascode.nssf.population.ResultSink;
import org.rulesascode.nssf.population.Row;
import org.rulesascode.nssf.population.RowError;
import org.rulesascode.nssf.population.RunSummary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Runs (or compares) one partition of numbered lines with the population module's runner, a chunk of rows at a time
 * (memory bounded by the chunk, not the partition), and yields each row's result or rejection and, last, the
 * partition's partial summary. The engines come from this JVM's {@link Engines}; only the reform's data and the
 * as-of date travel with the task.
 */
final class PartitionRunner implements FlatMapFunction<Iterator<org.apache.spark.sql.Row>, Out> {
    private static final long serialVersionUID = 1L;

    /** Rows handed to the runner at a time (a few of its batches). */
    static final int CHUNK = 2048;

    private static final ObjectMapper FLIPS = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Broadcast<ReformData> reform;
    private final boolean compare;
    private final LocalDate asOf;
    private final InputFormat format;
    private final boolean weightColumn;

    /**
     * @param reform  the reform (broadcast); for a run, the engine's reform (empty for the standard engine)
     * @param compare true to compare the standard engine with the reform's, false to run the reform's engine
     * @param weightColumn CSV lines end with the optional weight column
     */
    PartitionRunner(Broadcast<ReformData> reform, boolean compare, LocalDate asOf, InputFormat format, boolean weightColumn) {
        this.reform = reform;
        this.compare = compare;
        this.asOf = asOf;
        this.format = format;
        this.weightColumn = weightColumn;
    }

    @Override
    public Iterator<Out> call(Iterator<org.apache.spark.sql.Row> lines) {
        EligibilityEngine engine = Engines.of(reform.value());
        EligibilityEngine baseline = compare ? Engines.baseline() : null;
        RunSummary runTotal = compare ? null : new RunSummary();
        CompareSummary compareTotal = compare ? new CompareSummary() : null;
        return new Iterator<>() {
            private final ArrayDeque<Out> buffer = new ArrayDeque<>();
            private boolean summaryGiven;

            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && lines.hasNext()) chunk();
                if (buffer.isEmpty() && !summaryGiven) {
                    buffer.add(Out.summary(compare ? compareTotal : runTotal));
                    summaryGiven = true;
                }
                return !buffer.isEmpty();
            }

            @Override
            public Out next() {
                if (!hasNext()) throw new NoSuchElementException();
                return buffer.poll();
            }

            private void chunk() {
                List<Row> rows = new ArrayList<>(CHUNK);
                while (rows.size() < CHUNK && lines.hasNext()) {
                    org.apache.spark.sql.Row r = lines.next();
                    rows.add(Row.text(r.getLong(0), r.getString(1), format, weightColumn));
                }
                try {
                    if (compare) {
                        compareTotal.merge(PopulationRunner.compare(baseline, engine, rows.iterator(), asOf, 1, new ResultSink() {
                            @Override
                            public void compared(PersonResult b, PersonResult r, List<Comparison.Flip> flips) {
                                buffer.add(Out.compared(b.line(), b.id(), flips.size(), flipsJson(flips), b.toJsonLine(), r.toJsonLine()));
                            }

                            @Override
                            public void rejected(RowError e) {
                                buffer.add(Out.error(e));
                            }
                        }));
                    } else {
                        runTotal.merge(PopulationRunner.run(engine, rows.iterator(), asOf, 1, new ResultSink() {
                            @Override
                            public void assessed(PersonResult r) {
                                buffer.add(Out.run(r.line(), r.id(), r.toJsonLine()));
                            }

                            @Override
                            public void rejected(RowError e) {
                                buffer.add(Out.error(e));
                            }
                        }));
                    }
                } catch (InterruptedException e) { // the task was killed
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        };
    }

    static String flipsJson(List<Comparison.Flip> flips) {
        try {
            return FLIPS.writeValueAsString(flips);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
