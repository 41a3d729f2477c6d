package org.rulesascode.nssf.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/**
 * A measurement, not a test of speed (nothing is asserted about time): the CPU time per row of the fast path of
 * {@link NssfJson#readProfile(String)} and of the strict reader alone, on the first 20,000 lines of a population
 * file, after a warm-up. Not part of the test suite (its name is not a test's), and skipped unless a file is given:
 * {@code mvn -B -o -pl eligibility-json -am test -Dtest=ProfileReadingBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnssf.bench.profiles=/tmp/pop.jsonl} (the figures are in
 * {@code eligibility-json/target/surefire-reports/*ProfileReadingBench-output.txt}). A population file comes from
 * {@code ./nssf population --size 20000 --seed 11 --until 2028-06-30 --out FILE}.
 */
@EnabledIfSystemProperty(named = "nssf.bench.profiles", matches = ".+")
class ProfileReadingBench {
    private static final int ROWS = 20_000;

    /** The thread's CPU time from the ThreadMXBean, reached by reflection: the module does not read java.management. */
    private static long threadCpuNanos() {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            Object bean = factory.getMethod("getThreadMXBean").invoke(null);
            return (long) Class.forName("java.lang.management.ThreadMXBean").getMethod("getCurrentThreadCpuTime").invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no thread CPU time: " + e, e);
        }
    }

    @Test
    void cpuTimePerRowOfBothReaders() throws IOException {
        Path file = Path.of(System.getProperty("nssf.bench.profiles"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; lines.size() < ROWS && (line = in.readLine()) != null; ) if (!line.isBlank()) lines.add(line);
        }
        long bytes = lines.stream().mapToLong(String::length).sum();
        int fast = 0;
        for (String line : lines) {
            WorkerProfile f = FastProfileReader.read(line);
            if (f != null) {
                fast++;
                assertThat(f).isEqualTo(NssfJson.readProfileStrict(line));
            }
        }
        for (int warm = 0; warm < 3; warm++) {
            run(lines, NssfJson::readProfile);
            run(lines, NssfJson::readProfileStrict);
            tokens(lines);
        }
        double[][] fastRounds = new double[5][];
        double[][] strictRounds = new double[5][];
        double[] tokenTimes = new double[5];
        for (int round = 0; round < 5; round++) {
            fastRounds[round] = run(lines, NssfJson::readProfile);
            strictRounds[round] = run(lines, NssfJson::readProfileStrict);
            tokenTimes[round] = tokens(lines);
        }
        java.util.Arrays.sort(tokenTimes);
        System.out.printf("%s: %d rows (%d characters on average), fast path taken for %d%n", file, lines.size(),
                bytes / lines.size(), fast);
        report("readProfile (fast path first)", fastRounds);
        report("readProfileStrict", strictRounds);
        System.out.printf("%-30s %.2f µs thread CPU per row (median of 5 rounds; min %.2f, max %.2f)%n", "tokens only (parser's floor)",
                tokenTimes[2], tokenTimes[0], tokenTimes[4]);
        assertThat(fast).isEqualTo(lines.size());
    }

    /** @return µs of this thread's CPU per row to run the streaming parser over every token, building nothing */
    private static double tokens(List<String> lines) throws IOException {
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(NssfJson.CONSTRAINTS).build();
        long count = 0;
        long t0 = threadCpuNanos();
        for (String line : lines) {
            try (com.fasterxml.jackson.core.JsonParser p = factory.createParser(line)) {
                while (p.nextToken() != null) count++;
            }
        }
        long t1 = threadCpuNanos();
        assertThat(count).isGreaterThan(lines.size());
        return (t1 - t0) / 1_000.0 / lines.size();
    }

    /** Prints the median and range of each measure over the rounds. */
    private static void report(String what, double[][] rounds) {
        String[] measures = {"µs thread CPU", "µs process CPU (GC and JIT threads included)", "bytes allocated"};
        for (int m = 0; m < measures.length; m++) {
            double[] v = new double[rounds.length];
            for (int r = 0; r < rounds.length; r++) v[r] = rounds[r][m];
            java.util.Arrays.sort(v);
            System.out.printf("%-30s %.2f %s per row (median of %d rounds; min %.2f, max %.2f)%n", m == 0 ? what : "", v[v.length / 2],
                    measures[m], v.length, v[0], v[v.length - 1]);
        }
    }

    /** @return per row: µs of this thread's CPU, µs of the process's CPU, bytes this thread allocated */
    private static double[] run(List<String> lines, Function<String, WorkerProfile> read) {
        long sink = 0;
        long a0 = allocatedBytes();
        long p0 = processCpuNanos();
        long t0 = threadCpuNanos();
        for (String line : lines) sink += read.apply(line).history().size();
        long t1 = threadCpuNanos();
        long p1 = processCpuNanos();
        long a1 = allocatedBytes();
        assertThat(sink).isGreaterThanOrEqualTo(0);
        int n = lines.size();
        return new double[] {(t1 - t0) / 1_000.0 / n, (p1 - p0) / 1_000.0 / n, (a1 - a0) / (double) n};
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
    }

    /** Bytes this thread allocated (the JDK's com.sun.management extension), or 0 where it is missing. */
    private static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes").invoke(bean);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return 0;
        }
    }
}
