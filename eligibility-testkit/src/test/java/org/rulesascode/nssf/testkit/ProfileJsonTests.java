package org.rulesascode.nssf.testkit;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The testkit's JSON of a profile. The expected text below is what {@code NssfJson.writeCompact} of
 * {@code eligibility-json} wrote for the same profile (the reference format); the examples module checks on
 * generated profiles that both agree and that {@code NssfJson.readProfile} reads it back.
 */
class ProfileJsonTests {

    @Test
    void everyKindOfFieldIsWrittenAsNssfJsonWritesIt() {
        WorkerProfile p = WorkerProfile.builder("x\"\n\u0001é\t").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE).sector(Sector.GARMENT).employmentStart(LocalDate.of(2020, 1, 1))
                .wage(Money.usd(new BigDecimal("208.50"), new BigDecimal("4100")))
                .period(new ContributionPeriod(YearMonth.of(2024, 1), YearMonth.of(2025, 5), Money.khr(2_000_000), false,
                        EnumSet.of(Scheme.PENSION, Scheme.HEALTH_CARE), 5, "E1"))
                .event(new Childbirth(LocalDate.of(2025, 6, 2), 1, 39, null)).event(new Sickness(LocalDate.of(2025, 3, 2), 10))
                .event(new WorkInjury(LocalDate.of(2025, 4, 2), false, 40, null))
                .event(new Death(LocalDate.of(2025, 7, 1), true, List.of(new Person(Relation.SPOUSE, null, false, true))))
                .event(new RetirementClaim(LocalDate.of(2025, 6, 5)))
                .dependant(new Person(Relation.CHILD, LocalDate.of(2020, 1, 1), true, false)).build();
        String expected = "{\"id\":\"x\\\"\\n\\u0001é\\t\",\"birthDate\":\"1990-01-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\","
                + "\"sector\":\"GARMENT\",\"wage\":{\"amount\":208.50,\"currency\":\"USD\",\"exchangeRate\":4100},\"employmentStart\":\"2020-01-01\","
                + "\"enterpriseWorkers\":null,\"history\":[{\"from\":\"2024-01\",\"to\":\"2025-05\",\"declaredWage\":{\"amount\":2000000,"
                + "\"currency\":\"KHR\",\"exchangeRate\":null},\"paid\":false,\"schemes\":[\"HEALTH_CARE\",\"PENSION\"],\"enterpriseWorkers\":5,"
                + "\"employerId\":\"E1\"}],\"events\":[{\"type\":\"CHILDBIRTH\",\"date\":\"2025-06-02\",\"babies\":1,\"pregnancyWeeks\":39,"
                + "\"notifiedOn\":null},{\"type\":\"SICKNESS\",\"date\":\"2025-03-02\",\"days\":10},{\"type\":\"WORK_INJURY\",\"date\":\"2025-04-02\","
                + "\"commuting\":false,\"incapacityDays\":40,\"permanentDegreePercent\":null},{\"type\":\"DEATH\",\"date\":\"2025-07-01\","
                + "\"workRelated\":true,\"survivors\":[{\"relation\":\"SPOUSE\",\"birthDate\":null,\"disabled\":false,\"hasIncome\":true}]},"
                + "{\"type\":\"RETIREMENT_CLAIM\",\"date\":\"2025-06-05\"}],\"dependants\":[{\"relation\":\"CHILD\",\"birthDate\":\"2020-01-01\","
                + "\"disabled\":true,\"hasIncome\":false}]}";
        assertThat(ProfileJson.write(p)).isEqualTo(expected);
    }

    @Test
    void aCaseIsItsAsOfDateAndItsProfile() {
        WorkerProfile p = WorkerProfile.builder("p").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.MALE)
                .employmentStatus(EmploymentStatus.SELF_EMPLOYED).build();
        assertThat(new ProfileCase(p, LocalDate.of(2025, 6, 30)).toJson()).isEqualTo("{\"asOf\":\"2025-06-30\",\"profile\":{\"id\":\"p\","
                + "\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\",\"employmentStatus\":\"SELF_EMPLOYED\",\"sector\":\"OTHER\",\"wage\":null,"
                + "\"employmentStart\":null,\"enterpriseWorkers\":null,\"history\":[],\"events\":[],\"dependants\":[]}}");
    }
}
