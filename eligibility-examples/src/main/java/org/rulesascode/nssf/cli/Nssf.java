package org.rulesascode.nssf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code nssf} command: explained NSSF eligibility and contribution decisions from the command line.
 *
 * <p>This is the only place of the library that prints. Every subcommand writes to
 * {@code spec.commandLine().getOut()/getErr()}, so tests can run {@link #commandLine(Supplier, boolean)}
 * in-process and capture both. Exit codes: 0 ok, 2 user mistake (one line on stderr), 1 internal error.
 */
@Command(name = "nssf",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        description = {
                "Explained decisions about Cambodia's National Social Security Fund (NSSF):",
                "who is covered by which scheme, and what must be contributed, month by",
                "month. Run 'nssf demo' to see worked examples, 'nssf help <command>' for",
                "a command's options, 'nssf serve' for the web page and REST API.",
                ""},
        subcommands = {CommandLine.HelpCommand.class, ServeCommand.class, ContributionsCommand.class, AssessCommand.class, DemoCommand.class, SchemaCommand.class,
                BenchCommand.class, BenchStartCommand.class, PopulationCommand.class, RunCommand.class, CompareCommand.class, BenchCompareCommand.class, BenchPopulationCommand.class, BenchMemoCommand.class, VerifyCommand.class},
        footer = {"", "Exit status: 0 ok, 2 invalid input, 1 internal error (set NSSF_DEBUG=1 for the stack trace)."})
public final class Nssf implements Callable<Integer> {

    /** Exit status of a user mistake. */
    public static final int EXIT_USAGE = 2;
    /** Exit status of an internal error. */
    public static final int EXIT_INTERNAL = 1;

    @Spec
    CommandSpec spec;

    private final Supplier<EligibilityEngine> engines;

    /** A command over the standard engine. */
    public Nssf() {
        this(EligibilityEngine::standard);
    }

    /** @param engines gives the engine to use; called when a subcommand needs it (building it is slow) */
    public Nssf(Supplier<EligibilityEngine> engines) {
        this.engines = Objects.requireNonNull(engines, "engines");
    }

    /** @return the engine, built on first use */
    EligibilityEngine engine() {
        return engines.get();
    }

    @Override
    public Integer call() {
        throw new InvalidInputException("command", "is missing", String.join(", ", spec.subcommands().keySet()) + "; see nssf --help");
    }

    /** @return the command line over the standard engine, with the stack trace printed when NSSF_DEBUG is set */
    public static CommandLine commandLine() {
        return commandLine(EligibilityEngine::standard, debugRequested());
    }

    /**
     * @param engines gives the engine
     * @param debug   print stack traces of internal errors
     * @return the configured command line: converters, error handlers, case-insensitive enum values
     */
    public static CommandLine commandLine(Supplier<EligibilityEngine> engines, boolean debug) {
        CommandLine cl = new CommandLine(new Nssf(engines));
        cl.registerConverter(YearMonth.class, new Converters.MonthConverter());
        cl.registerConverter(LocalDate.class, new Converters.DateConverter());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(new Errors.ParameterHandler());
        cl.setExecutionExceptionHandler(new Errors.ExecutionHandler(debug));
        return cl;
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        CommandLine cl = commandLine();
        PrintWriter out = utf8(System.out);
        PrintWriter err = utf8(System.err);
        cl.setOut(out);
        cl.setErr(err);
        int status;
        try {
            status = cl.execute(args);
        } catch (Throwable t) { // errors (e.g. ExceptionInInitializerError) escape picocli's handler
            status = Errors.internal(t, err, debugRequested());
        }
        out.flush();
        err.flush();
        System.exit(status);
    }

    static boolean debugRequested() {
        String v = System.getenv("NSSF_DEBUG");
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    private static PrintWriter utf8(PrintStream stream) {
        // UTF-8 whatever the platform default: JSON is UTF-8, and Khmer messages must survive a POSIX locale
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** Prints the version of this build (from a resource filtered at build time). */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                    "nssf " + version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }

        static String version() {
            Properties p = new Properties();
            try (InputStream in = Nssf.class.getResourceAsStream("version.properties")) {
                if (in != null) p.load(in);
            } catch (IOException e) {
                return "unknown";
            }
            return p.getProperty("version", "unknown");
        }
    }
}
