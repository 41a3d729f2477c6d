package org.rulesascode.nssf.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.ProfileJson;
import org.rulesascode.nssf.testkit.WorkerProfiles;

/**
 * The testkit writes profiles as JSON without Jackson ({@link ProfileJson}); this module has both, so it checks that
 * the testkit's JSON is exactly {@code NssfJson.writeCompact}'s and that {@code NssfJson.readProfile} reads it back to
 * the same profile: a failure report's JSON can be replayed with {@code ./nssf assess}.
 */
class ProfileJsonCompatibilityTests {

    @Test
    void generatedProfilesAreWrittenAsNssfJsonWritesThem_andReadBack() {
        List<WorkerProfile> profiles = new ArrayList<>();
        for (ProfileCase c : WorkerProfiles.any().sample(1, 400)) profiles.add(c.profile());
        for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(2, 400)) profiles.add(c.profile());
        for (ProfileCase c : WorkerProfiles.employees().inSector(Sector.GARMENT).withHistoryMonths(6, 60).sample(3, 200)) profiles.add(c.profile());
        for (WorkerProfile p : profiles) {
            String json = ProfileJson.write(p);
            assertThat(json).isEqualTo(NssfJson.writeCompact(p));
            assertThat(NssfJson.readProfile(json)).isEqualTo(p);
        }
    }

    @Test
    void controlCharactersAndNonAsciiTextAreEscapedAsJacksonEscapesThem() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) all.append(c);
        all.append("\"\\/ é ក \u007f \u2028");
        WorkerProfile p = WorkerProfile.builder("id " + all.toString().substring(1)).birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.MALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(new ContributionPeriod(java.time.YearMonth.of(2024, 1), java.time.YearMonth.of(2024, 2), Money.khr(1), true,
                        java.util.Set.of(), null, all.toString()))
                .build();
        String json = ProfileJson.write(p);
        assertThat(json).isEqualTo(NssfJson.writeCompact(p));
        assertThat(NssfJson.readProfile(json)).isEqualTo(p);
    }

    @Test
    void aGeneratedCaseIsReplayedFromItsJson() throws Exception {
        ProfileCase c = WorkerProfiles.any().withLifeEvents().sample(4, 1).get(0);
        // decimals read exactly, as NssfJson reads them (208.50 stays 208.50)
        com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
                .readTree(c.toJson());
        assertThat(node.path("asOf").asText()).isEqualTo(c.asOf().toString());
        assertThat(NssfJson.readProfile(node.path("profile"))).isEqualTo(c.profile());
    }
}
