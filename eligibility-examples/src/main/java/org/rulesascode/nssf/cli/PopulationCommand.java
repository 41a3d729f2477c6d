package org.rulesascode.nssf.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.population.PopulationGenerator;
import org.rulesascode.nssf.eligibility.InvalidInputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nssf population}: writes a synthetic population calibrated to the published NSSF aggregates. */
@Command(name = "population",
        header = "Writes a synthetic population of NSSF members (JSON lines).",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Writes N synthetic worker profiles, one JSON object per line, calibrated to",
                "the published NSSF aggregates (members by sex, garment-sector share and",
                "minimum wages, childbirths, self-employed and public members; see",
                "eligibility-examples/POPULATION.md). Each has a 36-month history ending with",
                "the month of --until and the life events of the 3 years up to --until.",
                "Same seed and --until, same file, byte for byte.",
                "",
                "Example: nssf population --size 100000 --seed 1 --out workers.jsonl",
                ""})
final class PopulationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--size", required = true, paramLabel = "N", description = "number of workers")
    long size;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the generator (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--until", defaultValue = "2025-06-30", paramLabel = "YYYY-MM-DD",
            description = "end of the histories and events (default: ${DEFAULT-VALUE}); run and compare with --as-of on or after it")
    LocalDate until;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the JSON lines file to write ('-' for standard output)")
    String out;

    @Override
    public Integer call() throws IOException {
        if (size < 1 || size > 100_000_000L) throw new InvalidInputException("--size", "is " + size, "a whole number from 1 to 100,000,000");
        PopulationGenerator g = new PopulationGenerator(seed, until);
        if (out.equals("-")) {
            PrintWriter w = spec.commandLine().getOut();
            g.write(size, w);
            return 0;
        }
        Path file = Path.of(out);
        if (Files.isDirectory(file)) throw new InvalidInputException("--out", "'" + file + "' is a directory", "a file path");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new InvalidInputException("--out", "directory '" + parent + "' does not exist", "a file in an existing directory");
        long t0 = System.nanoTime();
        try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            g.write(size, w);
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "nssf population: %,d workers (seed %d, histories to %s) written to %s in %.1f s%n", size, seed, until, file,
                (System.nanoTime() - t0) / 1e9);
        o.flush();
        return 0;
    }
}
