package org.rulesascode.nssf.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registration deadlines around 1 January 2018, when Prakas 448 applied: a new enterprise had 45 days to register
 * under Prakas 021/08 (2008) and 30 days from 2018; a new employee 3 days, known for sure only from 2018 (assumed,
 * provisional, before). Seen on a late-registration finding: a worker of an enterprise of 10 (obliged to register
 * before and after 2018) hired on the day before, of and after 1 January 2018 and declared only three months later.
 */
class RegistrationDeadlineTests {
    static final EligibilityEngine ENGINE = EligibilityEngine.standard();

    @ParameterizedTest(name = "hired {0}: enterprise {1} days, employee {2} days ({3})")
    @CsvSource({
            "2017-12-31, 45, 3, PROVISIONAL",
            "2018-01-01, 30, 3, CONFIRMED",
            "2018-01-02, 30, 3, CONFIRMED"})
    void lateRegistration_hiredAround2018_deadlinesOfThatMonth(LocalDate hired, String enterpriseDays, String employeeDays, Confidence employeeConfidence) {
        YearMonth firstDeclared = YearMonth.from(hired).plusMonths(3);
        WorkerProfile p = WorkerProfile.builder("late").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).employmentStart(hired).enterpriseWorkers(10)
                .period(ContributionPeriod.paid(firstDeclared, firstDeclared.plusMonths(2), Money.khr(600_000))).build();
        Assessment a = ENGINE.assess(AssessmentRequest.of(p, firstDeclared.plusMonths(2).atEndOfMonth()), Locale.ENGLISH);

        ComplianceFinding late = a.compliance().stream()
                .filter(f -> f.ruleId().equals("CMP-REG-01") && f.months().startsWith(YearMonth.from(hired).toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no late registration from " + hired + " in " + a.compliance()));
        ParameterUse enterprise = use(late, "registration.enterprise_deadline_days");
        ParameterUse employee = use(late, "registration.employee_deadline_days");
        assertThat(enterprise.value()).as("enterprise deadline").isEqualTo(enterpriseDays);
        assertThat(enterprise.confidence()).isEqualTo(Confidence.CONFIRMED);
        assertThat(employee.value()).as("employee deadline").isEqualTo(employeeDays);
        assertThat(employee.confidence()).isEqualTo(employeeConfidence);
        assertThat(late.message()).contains("within " + employeeDays + " days");
    }

    static ParameterUse use(ComplianceFinding f, String id) {
        return f.parameters().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among the parameters of " + f.ruleId() + ": " + f.parameters()));
    }
}
