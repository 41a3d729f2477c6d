package org.rulesascode.nssf.cli;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The program {@code nssf bench-start} runs in each fresh JVM: builds the standard engine, makes one decision (a
 * garment worker's contributions for June 2025, as {@code nssf contributions} would) and prints, on one line, the JVM's
 * uptime at that moment, the time the engine and the decision took, and the process's CPU time.
 */
public final class FirstDecision {
    private FirstDecision() { }

    /** @param args none */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        EligibilityEngine engine = EligibilityEngine.standard();
        long t1 = System.nanoTime();
        WorkerProfile p = WorkerProfile.builder("first").birthDate(LocalDate.of(1995, 3, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(YearMonth.of(2025, 6), YearMonth.of(2025, 6), Money.khr(852_800))).build();
        Assessment a = engine.assess(AssessmentRequest.of(p, LocalDate.of(2025, 6, 30)));
        long t2 = System.nanoTime();
        if (a.contributions().isEmpty()) throw new IllegalStateException("no contribution line for June 2025");
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        System.out.printf(java.util.Locale.ROOT, "uptime-ms=%d engine-ms=%d decision-ms=%d cpu-ms=%d%n", uptime, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, cpu / 1_000_000);
    }
}
