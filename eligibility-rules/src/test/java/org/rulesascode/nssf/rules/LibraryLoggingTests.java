package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.io.File;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The library logs its own messages at DEBUG only: in a fresh JVM with SLF4J's simple logger at DEBUG, building the
 * engine, assessing and applying a reform write DEBUG lines from {@code org.rulesascode} and nothing at INFO or above.
 */
class LibraryLoggingTests {

    /** Runs in the child JVM: normal operation of the library. */
    public static final class Operation {
        public static void main(String[] args) {
            EligibilityEngine engine = EligibilityEngine.standard();
            WorkerProfile p = WorkerProfile.builder("log").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.MALE)
                    .employmentStatus(EmploymentStatus.EMPLOYEE)
                    .period(ContributionPeriod.paid(YearMonth.of(2025, 1), YearMonth.of(2025, 6), Money.khr(852_800))).build();
            AssessmentRequest r = AssessmentRequest.of(p, LocalDate.of(2025, 6, 30));
            engine.assess(r);
            EligibilityEngine reformed = engine.withReform(new Reform("Logging test", "", List.of(new Reform.Change(
                    "pension.contribution.employer_rate", LocalDate.of(2025, 1, 1), new BigDecimal("0.03"), true, "", "")), List.of()));
            reformed.assess(r);
            System.out.println("OPERATION DONE");
        }
    }

    @Test
    void normalOperationLogsNothingAtInfoOrAboveFromTheLibrary() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", cp,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-Dorg.slf4j.simpleLogger.logFile=System.out",
                "-Dorg.slf4j.simpleLogger.showLogName=true", Operation.class.getName())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out).contains("OPERATION DONE");
        List<String> ours = out.lines().filter(l -> l.matches("\\[[^]]*] (TRACE|DEBUG|INFO|WARN|ERROR) org\\.rulesascode\\..*")).toList();
        assertThat(ours).as("the library's DEBUG lines are captured (the check can see them)")
                .anyMatch(l -> l.contains(" DEBUG org.rulesascode.nssf.rules.internal.RuleBase "))
                .anyMatch(l -> l.contains(" DEBUG org.rulesascode.nssf.rules.internal.ReformApplier "));
        assertThat(ours).as("library lines at INFO or above\n%s", out).noneMatch(l -> l.matches("\\[[^]]*] (INFO|WARN|ERROR) .*"));
    }
}
