package org.rulesascode.nssf.cli;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Compiler directives for the population commands (README, Performance): with the memo of rule outcomes, Drools
 * judges only the few situations it has not seen before, and compiling its classes with the JVM's optimising compiler
 * (C2), again and again as rare paths turn up, costs more than it saves; {@code compiler-directives.json} leaves them
 * to the quick C1 compiler. Added while the command runs through the JVM's diagnostic command
 * ({@code Compiler.directives_add}, as {@code jcmd} would), on a daemon thread so that start-up does not wait; a JVM
 * without it simply keeps its defaults. Only {@code run} and {@code compare} without {@code --compliance} add them (with
 * compliance the memo is off and Drools judges every fact). {@code NSSF_JIT=0} in the environment turns them off.
 */
final class JitDirectives {
    private JitDirectives() { }

    static void add() {
        if ("0".equals(System.getenv("NSSF_JIT"))) return;
        Thread t = new Thread(() -> addNow(), "nssf-jit-directives");
        t.setDaemon(true);
        t.start();
    }

    /** @return what the JVM answered ("1 compiler directives added"), or null when they could not be added */
    static String addNow() {
        Path file = null;
        try (InputStream in = JitDirectives.class.getResourceAsStream("compiler-directives.json")) {
            if (in == null) return null;
            file = Files.createTempFile("nssf-compiler-directives", ".json");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd", new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()})).strip();
        } catch (Exception | LinkageError e) {
            return null; // a JVM without the command, or a read-only temporary folder: the JIT keeps its defaults
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (Exception e) {
                    // left in the temporary folder
                }
            }
        }
    }
}
