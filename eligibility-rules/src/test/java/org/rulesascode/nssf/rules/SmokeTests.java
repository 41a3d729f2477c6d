package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.*;

import java.time.LocalDate;
import java.time.YearMonth;

class SmokeTests {
    @Test
    void smoke() {
        long t0 = System.nanoTime();
        EligibilityEngine e = EligibilityEngine.standard();
        System.out.println("build ms " + (System.nanoTime() - t0) / 1e6);
        WorkerProfile p = WorkerProfile.builder("x").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(YearMonth.of(2025, 6), YearMonth.of(2025, 6), Money.khr(852800))).build();
        Assessment a = e.assess(AssessmentRequest.of(p, LocalDate.of(2025, 6, 30)));
        a.contributions().forEach(System.out::println);
        a.decisions().forEach(d -> { System.out.println(d.scheme() + " " + d.outcome() + " prov=" + d.provisionalParameters());
            d.reasons().forEach(r -> System.out.println("   " + r.ruleId() + " " + r.status() + " " + r.message() + " | " + r.distance())); });
    }
}
