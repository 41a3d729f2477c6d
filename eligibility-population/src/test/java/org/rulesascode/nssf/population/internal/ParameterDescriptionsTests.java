package org.rulesascode.nssf.population.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports show a parameter's description beside its id (read from the engine's parameter audit). */
class ParameterDescriptionsTests {
    @Test
    void theDescriptionOfAReformedParameterIsFound_andAnUnknownIdHasNone() {
        // the words of the parameter file's description (the pension scheme's ceiling of the contributable wage)
        assertThat(ParameterDescriptions.of("pension.contributable_wage.ceiling")).startsWith("Ceiling of the pension contributable wage");
        assertThat(ParameterDescriptions.of("health_care.maternity.qualifying_months")).isNotBlank();
        assertThat(ParameterDescriptions.of("no.such.parameter")).isNull();
        assertThat(ParameterDescriptions.of(null)).isNull();
    }
}
