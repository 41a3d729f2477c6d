package example;

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
import org.rulesascode.nssf.eligibility.json.NssfJson;

/** The README's quick start, compiled against the installed jars: prints each decision's outcome, then the assessment as JSON. */
public final class Payroll {
    public static void main(String[] args) {
        WorkerProfile sokha = WorkerProfile.builder("sokha")
                .birthDate(LocalDate.of(1996, 3, 14)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(YearMonth.of(2022, 1), YearMonth.of(2025, 5), Money.khr(852_800)))
                .build();
        Assessment assessment = EligibilityEngine.standard().assess(AssessmentRequest.of(sokha, LocalDate.of(2025, 6, 30)));
        for (Decision d : assessment.decisions()) System.out.println(d.scheme() + " " + d.benefit() + ": " + d.outcome());
        System.out.println(NssfJson.write(assessment).length() > 0 ? "json ok" : "json empty");
    }
}
