package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EmploymentStatus;

/** The benchmark's generator: seeded, valid, and spread over what it claims. */
class SyntheticProfilesTests {

    @Test
    void generate_sameSeed_sameRequests() {
        assertThat(SyntheticProfiles.generate(500, 42)).isEqualTo(SyntheticProfiles.generate(500, 42));
        assertThat(SyntheticProfiles.generate(50, 42)).isNotEqualTo(SyntheticProfiles.generate(50, 43));
    }

    @Test
    void generate_spreadsOverStatusesAgesDatesAndHistories() {
        AssessmentRequest[] rs = SyntheticProfiles.generate(5_000, 1);
        Set<EmploymentStatus> statuses = EnumSet.noneOf(EmploymentStatus.class);
        for (AssessmentRequest r : rs) {
            statuses.add(r.profile().employmentStatus());
            assertThat(r.asOf()).isBetween(LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31));
            int age = r.profile().birthDate().until(r.asOf()).getYears();
            assertThat(age).isBetween(18, 70);
            assertThat(r.profile().history().stream().mapToInt(p -> p.months()).sum()).isEqualTo(36);
            r.profile().history().forEach(p -> assertThat(p.declaredWage().toRiel()).isBetween(200_000L, 2_000_000L));
        }
        assertThat(statuses).containsExactlyInAnyOrder(EmploymentStatus.values());
        assertThat(Arrays.stream(rs).filter(r -> !r.profile().events().isEmpty()).count()).isGreaterThan(500);
    }
}
