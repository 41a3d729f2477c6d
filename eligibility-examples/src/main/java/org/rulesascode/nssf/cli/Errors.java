package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.rulesascode.nssf.eligibility.InvalidInputException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr. A user mistake (exit 2) reads
 * {@code nssf: <field>: <problem> (allowed: <allowed>)}; an internal error (exit 1) names the exception and
 * points to {@code NSSF_DEBUG=1}.
 */
public final class Errors {
    private Errors() { }

    /** Longest line printed for a user mistake, in characters. */
    static final int MAX_LINE = 500;

    /** @return the one line for a user mistake, at most {@link #MAX_LINE} characters (long parts are cut in the middle of none) */
    static String line(String field, String problem, String allowed) {
        String f = oneLine(field);
        String p = oneLine(problem);
        String a = allowed == null || allowed.isBlank() ? "" : oneLine(allowed);
        int overhead = "nssf: ".length() + ": ".length() + (a.isEmpty() ? 0 : " (allowed: )".length());
        int[] len = fit(MAX_LINE - overhead, f.length(), p.length(), a.length());
        String l = "nssf: " + cut(f, len[0]) + ": " + cut(p, len[1]);
        return a.isEmpty() ? l : l + " (allowed: " + cut(a, len[2]) + ")";
    }

    /** Shares {@code budget} characters among parts of these lengths: short parts keep all, long ones share the rest. */
    static int[] fit(int budget, int... lengths) {
        int[] out = new int[lengths.length];
        int left = budget;
        int open = lengths.length;
        boolean[] done = new boolean[lengths.length];
        boolean changed = true;
        while (changed && open > 0) {
            changed = false;
            int share = left / open;
            for (int i = 0; i < lengths.length; i++) {
                if (!done[i] && lengths[i] <= share) {
                    out[i] = lengths[i];
                    left -= lengths[i];
                    done[i] = true;
                    open--;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < lengths.length; i++) if (!done[i]) out[i] = left / Math.max(1, open);
        return out;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    public static String line(InvalidInputException e) {
        return line(e.field(), e.problem(), e.allowed());
    }

    /** @return a copy of {@code e} whose field is renamed by {@code names} (API record field → CLI option) */
    public static InvalidInputException rename(InvalidInputException e, Map<String, String> names) {
        String to = names.get(e.field());
        if (to == null) return e;
        InvalidInputException r = new InvalidInputException(to, e.problem(), e.allowed());
        r.initCause(e);
        return r;
    }

    /** Prints an internal error; the stack trace only when debugging. @return exit status 1 */
    static int internal(Throwable t, PrintWriter err, boolean debug) {
        Throwable root = unwrap(t);
        String msg = root.getMessage();
        err.println(cut("nssf: internal error: " + root.getClass().getSimpleName() + (msg == null ? "" : ": " + oneLine(msg)), MAX_LINE));
        if (debug) {
            t.printStackTrace(err);
        } else {
            err.println("run with NSSF_DEBUG=1 for the stack trace");
        }
        err.flush();
        return Nssf.EXIT_INTERNAL;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof ExceptionInInitializerError || c instanceof InvocationTargetException
                || c instanceof CommandLine.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        // cut before the regular expression: a message may quote a huge input
        String t = s.length() > 4 * MAX_LINE ? s.substring(0, 4 * MAX_LINE) : s;
        return t.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Picocli's parse errors: unknown option or command, bad value, missing option. */
    static final class ParameterHandler implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(describe(ex));
            err.flush();
            return Nssf.EXIT_USAGE;
        }

        static String describe(ParameterException ex) {
            CommandSpec cmd = ex.getCommandLine().getCommandSpec();
            if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
                String arg = u.getUnmatched().get(0);
                if (arg.startsWith("-")) {
                    String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    return line(option, "is not an option of '" + cmd.qualifiedName() + "'", optionNames(cmd));
                }
                if (!cmd.subcommands().isEmpty()) {
                    return line(arg, "is not a command", String.join(", ", cmd.subcommands().keySet()));
                }
                return line(arg, "is an unexpected argument of '" + cmd.qualifiedName() + "'", positionals(cmd));
            }
            if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
                ArgSpec a = m.getMissing().get(0);
                return line(name(a), "is missing", allowed(a));
            }
            if (ex instanceof OverwrittenOptionException o && o.getOverwritten() != null) {
                return line(name(o.getOverwritten()), "is given more than once", "one value");
            }
            ArgSpec a = ex.getArgSpec();
            if (a != null) {
                String value = ex.getValue();
                String problem;
                Class<?> type = elementType(a);
                if (ex.getCause() instanceof TypeConversionException t && (type == YearMonth.class || type == LocalDate.class)) {
                    problem = t.getMessage(); // our own converters: "'2025-13' is not a month YYYY-MM"
                } else if (value != null) {
                    problem = "'" + value + "' is not " + (isEnum(a) ? "one of the allowed values" : "valid");
                } else {
                    problem = "needs a value";
                }
                return line(name(a), problem, allowed(a));
            }
            return line(cmd.qualifiedName(), ex.getMessage(), "see '" + cmd.qualifiedName() + " --help'");
        }

        private static String name(ArgSpec a) {
            if (a instanceof OptionSpec o) return o.longestName();
            if (a instanceof PositionalParamSpec p) return p.paramLabel().replaceAll("[<>]", "").toLowerCase(java.util.Locale.ROOT);
            return a.paramLabel();
        }

        private static boolean isEnum(ArgSpec a) {
            return elementType(a).isEnum();
        }

        private static Class<?> elementType(ArgSpec a) {
            Class<?>[] aux = a.auxiliaryTypes();
            boolean multi = Collection.class.isAssignableFrom(a.type()) || a.type().isArray();
            return multi && aux != null && aux.length > 0 ? aux[0] : a.type();
        }

        /** What a value of this option may be, from its type. */
        static String allowed(ArgSpec a) {
            Class<?> t = elementType(a);
            boolean list = Collection.class.isAssignableFrom(a.type()) || a.type().isArray();
            String one;
            if (t.isEnum()) {
                one = Arrays.stream(t.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            } else if (t == YearMonth.class) {
                one = "a month YYYY-MM from 2008-01 to 2060-12";
            } else if (t == LocalDate.class) {
                one = "a date YYYY-MM-DD";
            } else if (t == BigDecimal.class) {
                one = "a number, e.g. 852800";
            } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
                one = "a whole number";
            } else if (t == Path.class) {
                one = "a path to a readable JSON file";
            } else {
                one = a.paramLabel();
            }
            return list ? "a comma-separated list of " + (t.isEnum() ? "" : "values: ") + one : one;
        }

        private static String optionNames(CommandSpec cmd) {
            List<String> names = cmd.options().stream().filter(o -> !o.hidden()).map(OptionSpec::longestName).toList();
            return String.join(", ", names);
        }

        private static String positionals(CommandSpec cmd) {
            if (cmd.positionalParameters().isEmpty()) return "options only, see '" + cmd.qualifiedName() + " --help'";
            return cmd.positionalParameters().stream().map(PositionalParamSpec::paramLabel).collect(Collectors.joining(" "))
                    + " and options, see '" + cmd.qualifiedName() + " --help'";
        }
    }

    /** Exceptions thrown by a subcommand: {@link InvalidInputException} is the user's, anything else ours. */
    static final class ExecutionHandler implements IExecutionExceptionHandler {
        private final boolean debug;

        ExecutionHandler(boolean debug) {
            this.debug = debug;
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            if (ex instanceof InvalidInputException e) {
                err.println(line(e));
                err.flush();
                return Nssf.EXIT_USAGE;
            }
            return internal(ex, err, debug);
        }
    }
}
