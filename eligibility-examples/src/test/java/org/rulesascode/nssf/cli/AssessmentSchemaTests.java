package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Detail;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.WorkerProfiles;

/**
 * Assessments the engine really makes, written by NssfJson, are valid against {@code schema/assessment.schema.json}
 * under a real validator (networknt, draft 2020-12): the example profiles on their as-of dates, and a seeded generated
 * population, each explained and outcome-only, some on an earlier as-of date so that they ignore events.
 */
class AssessmentSchemaTests {
    private static final long SEED = Long.getLong("nssf.seed", 20261206L);
    private static final int SIZE = 60;
    private static final String PROFILE = "urn:rulesascode:nssf:worker-profile:0.1";
    private static final String ASSESSMENT = "urn:rulesascode:nssf:assessment:0.1";
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaLoaders(l -> l.schemas(Map.of(PROFILE, NssfJson.profileSchema(), ASSESSMENT, NssfJson.assessmentSchema()))))
            .getSchema(SchemaLocation.of(ASSESSMENT), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());

    private static final EligibilityEngine ENGINE = EligibilityEngine.standard();

    private static List<String> errors(Assessment a) {
        return SCHEMA.validate(NssfJson.write(a), InputFormat.JSON).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    @Test
    void exampleProfiles_assessments_areValid() {
        List<AssessmentRequest> requests = Examples.all().stream().map(e -> AssessmentRequest.of(e.profile(), e.asOf())).toList();
        assertThat(requests).hasSizeGreaterThanOrEqualTo(8);
        for (Detail detail : Detail.values()) {
            List<Assessment> as = ENGINE.assessAll(requests, Locale.ENGLISH, detail);
            for (Assessment a : as) assertThat(errors(a)).as("%s (%s)", a.profileId(), detail).isEmpty();
        }
        // and in Khmer
        for (Assessment a : ENGINE.assessAll(requests, Locale.forLanguageTag("km"))) assertThat(errors(a)).as("%s (km)", a.profileId()).isEmpty();
    }

    @Test
    void generatedPopulation_assessments_areValid_includingIgnoredEvents() {
        List<AssessmentRequest> requests = new ArrayList<>();
        for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(SEED, SIZE)) {
            requests.add(c.request());
            // the same worker the day before her last event: that event (at least) is ignored
            LocalDate last = c.profile().events().stream().map(LifeEvent::date).max(Comparator.naturalOrder()).orElse(null);
            if (last != null && last.minusDays(1).isAfter(AssessmentRequest.FIRST_DATE) && !last.minusDays(1).isBefore(c.profile().birthDate())) {
                requests.add(new AssessmentRequest(c.profile(), last.minusDays(1), null));
            }
        }
        int ignoring = 0;
        for (Detail detail : Detail.values()) {
            List<Assessment> as = ENGINE.assessAll(requests, Locale.ENGLISH, detail);
            for (int i = 0; i < as.size(); i++) {
                Assessment a = as.get(i);
                assertThat(errors(a)).as("seed %d, request %d (%s on %s, %s)", SEED, i, a.profileId(), a.asOf(), detail).isEmpty();
                assertThat(a.ignoredEvents()).as("seed %d, request %d", SEED, i).isEqualTo(requests.get(i).eventsAfterAsOf());
                if (!a.ignoredEvents().isEmpty()) ignoring++;
            }
        }
        assertThat(ignoring).as("seed %d: assessments that ignore an event", SEED).isGreaterThan(SIZE / 4);
    }
}
