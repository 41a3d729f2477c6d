package org.rulesascode.nssf.cli;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code nssf bench-start}: the time from a fresh JVM to the first decision, over several fresh JVMs, for the rules
 * compiled at build time, the same with a class-data sharing archive, and the DRL compiled at run time.
 */
@Command(name = "bench-start",
        header = "Measures start-up: fresh JVM to first decision.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Starts a new JVM for each run (the class path of this command), builds the",
                "standard engine, makes one decision and exits. Reports, per mode, the median",
                "over the runs of: the process's wall time (start to exit), the JVM's uptime",
                "at the first decision, and the process's CPU time (on a busy machine the CPU",
                "time is the steadier figure).",
                "",
                "Modes: model (the rules compiled at build time, the default engine), cds (the",
                "same with an AppCDS archive made by a first, untimed run), drl (the DRL",
                "compiled at run time, as before; -Dnssf.rules.kiebase=drl).",
                ""})
final class BenchStartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", paramLabel = "N", description = "fresh JVMs per mode (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--modes", defaultValue = "model,cds,drl", split = ",", paramLabel = "MODE",
            description = "modes to measure: model, cds, drl (default: ${DEFAULT-VALUE})")
    List<String> modes;

    @Option(names = "--java-opt", paramLabel = "OPT", description = "an option for the measured JVMs (repeatable; default: -XX:+UseParallelGC -XX:InlineSmallCode=1000 -XX:FreqInlineSize=150, as ./nssf)")
    List<String> javaOpts;

    private static final Pattern LINE = Pattern.compile("uptime-ms=(\\d+) engine-ms=(\\d+) decision-ms=(\\d+) cpu-ms=(-?\\d+)");

    /** One run: wall time of the process, JVM uptime at the first decision, engine build, decision and CPU, in ms. */
    record Run(long wall, long uptime, long engine, long decision, long cpu) { }

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 100) throw new InvalidInputException("--runs", "is " + runs, "a whole number from 1 to 100");
        for (String m : modes) {
            if (!List.of("model", "cds", "drl").contains(m)) throw new InvalidInputException("--modes", "contains '" + m + "'", "model, cds, drl");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<String> opts = javaOpts == null || javaOpts.isEmpty() ? List.of("-XX:+UseParallelGC", "-XX:InlineSmallCode=1000", "-XX:FreqInlineSize=150") : javaOpts;
        out.printf(Locale.ROOT, "nssf bench-start: %d fresh JVMs per mode (%s), %d processors; medians (min-max)%n",
                runs, String.join(" ", opts), Runtime.getRuntime().availableProcessors());
        out.flush();
        Path tmp = Files.createTempDirectory("nssf-bench-start");
        try {
            for (String mode : modes) {
                List<String> jvm = new ArrayList<>(opts);
                if (mode.equals("drl")) jvm.add("-Dnssf.rules.kiebase=drl");
                if (mode.equals("cds")) {
                    Path archive = tmp.resolve("nssf.jsa");
                    List<String> dump = new ArrayList<>(jvm);
                    dump.add("-XX:ArchiveClassesAtExit=" + archive);
                    run(dump);
                    if (!Files.isRegularFile(archive)) throw new IllegalStateException("the JVM wrote no class-data archive " + archive);
                    jvm.add("-XX:SharedArchiveFile=" + archive);
                }
                List<Run> results = new ArrayList<>();
                for (int i = 0; i < runs; i++) results.add(run(jvm));
                out.printf(Locale.ROOT, "  %-5s  wall %s s   first decision at %s s of uptime (engine %s s, decision %s s)   CPU %s s%n", mode,
                        stat(results, Run::wall), stat(results, Run::uptime), stat(results, Run::engine), stat(results, Run::decision),
                        stat(results, Run::cpu));
                out.flush();
            }
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static Run run(List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(FirstDecision.class.getName());
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("the measured JVM did not finish in 10 minutes");
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        Matcher m = LINE.matcher(text);
        if (p.exitValue() != 0 || !m.find()) throw new IllegalStateException("the measured JVM failed (exit " + p.exitValue() + "): " + text.strip());
        return new Run(wall, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
    }

    /** @return "median (min-max)" of one figure over the runs, in seconds */
    static String stat(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
        long[] v = runs.stream().mapToLong(f).sorted().toArray();
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", median / 1000.0, v[0] / 1000.0, v[v.length - 1] / 1000.0);
    }
}
