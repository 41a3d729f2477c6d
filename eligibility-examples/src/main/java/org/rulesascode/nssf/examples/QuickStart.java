package org.rulesascode.nssf.examples;

import java.time.LocalDate;
import java.time.YearMonth;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/** The README's first example: a garment worker's coverage on 30 June 2025, explained. */
public final class QuickStart {
    private QuickStart() { }

    public static void main(String[] args) {
        WorkerProfile sokha = WorkerProfile.builder("sokha")
                .birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(YearMonth.of(2022, 1), YearMonth.of(2025, 5), Money.khr(852_800)))
                .build();

        Assessment assessment = EligibilityEngine.standard().assess(AssessmentRequest.of(sokha, LocalDate.of(2025, 6, 30)));

        for (Decision d : assessment.decisions()) {
            System.out.println(d.scheme() + ": " + d.outcome());
            d.reasons().forEach(r -> System.out.println("    " + r.status() + "  " + r.message()));
        }
    }
}
