package org.rulesascode.nssf.eligibility.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The strict YAML reader of reforms: typed values, locations, and an error naming file:line and path for every mistake. */
class NssfReformsTests {

    /** The example of the contract (reform-contract.md), line numbers as in the text. */
    static final String EXAMPLE = """
            name: "Pension ceiling of 2,000,000 riel from 2027"
            description: >
              Raises the ceiling of the pension contributable wage from 1,200,000 to 2,000,000 KHR on 2027-01-01.
            illustrative: false
            parameters:
              pension.contributable_wage.ceiling:
                2027-01-01: 2000000
                2030-01-01: null
              health_care.maternity.qualifying_months:
                2027-01-01: {value: 6, illustrative: true, note: "why"}
              health_care.assumed_wage:
                2027-01-01:
                  brackets:
                    - {upTo: 200000, value: 200000}
                    - {value: 1200000}
              pension.contribution.worker_rate:
                2027-01-01: 0.025
              unemployment.in_force:
                2028-01-01: true
              pension.benefits.transitional.window_start:
                2027-01-01: 2027-06-01
            """;

    private static InvalidInputException error(String yaml) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.parse("r.yaml", yaml, null, false));
        assertThat(e).as("an error for:\n%s", yaml).isNotNull();
        return e;
    }

    @Test
    void example_readsEveryValueTypeWithItsLocation() {
        Reform r = NssfReforms.parse("ceiling.yaml", EXAMPLE, null, false);
        assertThat(r.name()).isEqualTo("Pension ceiling of 2,000,000 riel from 2027");
        assertThat(r.description()).startsWith("Raises the ceiling").endsWith("on 2027-01-01.\n");
        assertThat(r.structural()).isFalse();
        assertThat(r.changes()).containsExactly(
                new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L, false, "", "ceiling.yaml:7"),
                new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2030, 1, 1), null, false, "", "ceiling.yaml:8"),
                new Reform.Change("health_care.maternity.qualifying_months", LocalDate.of(2027, 1, 1), 6L, true, "why", "ceiling.yaml:10"),
                new Reform.Change("health_care.assumed_wage", LocalDate.of(2027, 1, 1),
                        List.of(new Reform.Bracket(200_000L, 200_000), new Reform.Bracket(null, 1_200_000)), false, "", "ceiling.yaml:12"),
                new Reform.Change("pension.contribution.worker_rate", LocalDate.of(2027, 1, 1), new BigDecimal("0.025"), false, "", "ceiling.yaml:17"),
                new Reform.Change("unemployment.in_force", LocalDate.of(2028, 1, 1), true, false, "", "ceiling.yaml:19"),
                new Reform.Change("pension.benefits.transitional.window_start", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 1), false, "",
                        "ceiling.yaml:21"));
    }

    @Test
    void illustrativeReform_marksEveryChangeIllustrative() {
        Reform r = NssfReforms.parse("r.yaml", EXAMPLE.replace("illustrative: false", "illustrative: true"), null, false);
        assertThat(r.changes()).allMatch(Reform.Change::illustrative);
    }

    @Test
    void reformWithoutParameters_isEmpty() {
        assertThat(NssfReforms.parse("r.yaml", "name: Nothing\n", null, false).isEmpty()).isTrue();
        assertThat(NssfReforms.parse("r.yaml", "name: Nothing\nparameters: {}\nrules: []\n", null, false).isEmpty()).isTrue();
        assertThat(NssfReforms.parse("r.yaml", "name: Nothing\nparameters:\n", null, false).isEmpty()).isTrue();
    }

    @Test
    void unknownTopLevelKey_isAnError() {
        InvalidInputException e = error("name: X\nparameter:\n  a.b:\n    2027-01-01: 1\n");
        assertThat(e.field()).isEqualTo("r.yaml:2 parameter");
        assertThat(e.problem()).isEqualTo("is not a known key");
        assertThat(e.allowed()).isEqualTo("the keys name, description, illustrative, parameters, rules");
    }

    @Test
    void unknownKeyOfALongFormValue_isAnError() {
        InvalidInputException e = error("name: X\nparameters:\n  a.b:\n    2027-01-01:\n      value: 1\n      note: n\n      confidence: high\n");
        assertThat(e.field()).isEqualTo("r.yaml:7 parameters.a.b.2027-01-01.confidence");
        assertThat(e.problem()).isEqualTo("is not a known key");
        assertThat(e.allowed()).isEqualTo("the keys value or brackets, and optionally illustrative, note");
    }

    @Test
    void unorderedDates_areAnErrorAtTheLaterLine() {
        InvalidInputException e = error("name: X\nparameters:\n  a.b:\n    2028-01-01: 1\n    2027-01-01: 2\n");
        assertThat(e.field()).isEqualTo("r.yaml:5 parameters.a.b.2027-01-01");
        assertThat(e.problem()).isEqualTo("is not after the previous date 2028-01-01 (line 4)");
        assertThat(e.allowed()).isEqualTo("dates in strictly increasing order within a parameter");
    }

    @Test
    void sameDateTwice_isAnError() {
        InvalidInputException e = error("name: X\nparameters:\n  a.b:\n    2027-01-01: 1\n    2027-01-01: 2\n");
        assertThat(e.field()).isEqualTo("r.yaml:5 parameters.a.b.2027-01-01");
        assertThat(e.problem()).isEqualTo("appears twice (first at line 4)");
    }

    @Test
    void impossibleOrNonIsoDate_isAnError() {
        InvalidInputException e = error("name: X\nparameters:\n  a.b:\n    2027-02-30: 1\n");
        assertThat(e.field()).isEqualTo("r.yaml:4 parameters.a.b.2027-02-30");
        assertThat(e.problem()).isEqualTo("'2027-02-30' is not a date");
        assertThat(error("name: X\nparameters:\n  a.b:\n    1/1/2027: 1\n").problem()).isEqualTo("'1/1/2027' is not a date");
    }

    @Test
    void malformedValues_areErrors() {
        InvalidInputException quoted = error("name: X\nparameters:\n  a.b:\n    2027-01-01: \"2000000\"\n");
        assertThat(quoted.field()).isEqualTo("r.yaml:4 parameters.a.b.2027-01-01");
        assertThat(quoted.problem()).isEqualTo("is the string \"2000000\"");
        assertThat(quoted.allowed()).contains("a whole number, a decimal, true or false, null").endsWith("(numbers unquoted)");
        assertThat(error("name: X\nparameters:\n  a.b:\n    2027-01-01: 2,000,000\n").problem()).isEqualTo("is the string \"2,000,000\"");
        InvalidInputException list = error("name: X\nparameters:\n  a.b:\n    2027-01-01: [1, 2]\n");
        assertThat(list.problem()).isEqualTo("is a list");
        assertThat(list.allowed()).startsWith("a single value; write a scale as {brackets:");
        InvalidInputException both = error("name: X\nparameters:\n  a.b:\n    2027-01-01: {value: 1, brackets: [{value: 1}]}\n");
        assertThat(both.problem()).isEqualTo("has both value and brackets");
        InvalidInputException neither = error("name: X\nparameters:\n  a.b:\n    2027-01-01: {note: x}\n");
        assertThat(neither.field()).isEqualTo("r.yaml:4 parameters.a.b.2027-01-01");
        assertThat(neither.problem()).isEqualTo("has neither value nor brackets");
        InvalidInputException notDates = error("name: X\nparameters:\n  a.b: 5\n");
        assertThat(notDates.field()).isEqualTo("r.yaml:3 parameters.a.b");
        assertThat(notDates.problem()).isEqualTo("is the number 5, not a mapping of dates to values");
        InvalidInputException badId = error("name: X\nparameters:\n  Pension Ceiling:\n    2027-01-01: 5\n");
        assertThat(badId.field()).isEqualTo("r.yaml:3 parameters.Pension Ceiling");
        assertThat(badId.problem()).isEqualTo("is not a parameter id");
        InvalidInputException ill = error("name: X\nparameters:\n  a.b:\n    2027-01-01: {value: 1, illustrative: yes please}\n");
        assertThat(ill.field()).isEqualTo("r.yaml:4 parameters.a.b.2027-01-01.illustrative");
        assertThat(ill.allowed()).isEqualTo("true or false");
    }

    @Test
    void bracketsOutOfOrderOrMalformed_areErrors() {
        String head = "name: X\nparameters:\n  a.b:\n    2027-01-01:\n      brackets:\n";
        InvalidInputException unordered = error(head + "        - {upTo: 500000, value: 1}\n        - {upTo: 400000, value: 2}\n        - {value: 3}\n");
        assertThat(unordered.field()).isEqualTo("r.yaml:7 parameters.a.b.2027-01-01.brackets[1].upTo");
        assertThat(unordered.problem()).isEqualTo("(400000) is not above the previous bracket's (500000)");
        assertThat(unordered.allowed()).isEqualTo("upper bounds in strictly increasing order");
        InvalidInputException closed = error(head + "        - {upTo: 500000, value: 1}\n");
        assertThat(closed.field()).isEqualTo("r.yaml:6 parameters.a.b.2027-01-01.brackets[0].upTo");
        assertThat(closed.problem()).isEqualTo("is 500000 on the last bracket");
        InvalidInputException open = error(head + "        - {value: 1}\n        - {value: 2}\n");
        assertThat(open.field()).isEqualTo("r.yaml:6 parameters.a.b.2027-01-01.brackets[0].upTo");
        assertThat(open.problem()).isEqualTo("is missing on a bracket that is not the last");
        InvalidInputException decimal = error(head + "        - {value: 1.5}\n");
        assertThat(decimal.field()).isEqualTo("r.yaml:6 parameters.a.b.2027-01-01.brackets[0].value");
        assertThat(decimal.problem()).isEqualTo("is the number 1.5");
        InvalidInputException negative = error(head + "        - {value: -1}\n");
        assertThat(negative.field()).isEqualTo("r.yaml:6 parameters.a.b.2027-01-01.brackets[0].value");
        assertThat(negative.problem()).isEqualTo("is negative (-1)");
        InvalidInputException key = error(head + "        - {upto: 5, value: 1}\n        - {value: 2}\n");
        assertThat(key.field()).isEqualTo("r.yaml:6 parameters.a.b.2027-01-01.brackets[0].upto");
        assertThat(key.problem()).isEqualTo("is not a known key");
        assertThat(key.allowed()).isEqualTo("upTo, value");
    }

    @Test
    void rulesWithoutTrust_areRefused() {
        InvalidInputException e = error("name: X\nparameters:\n  a.b:\n    2027-01-01: 1\nrules:\n  - extra.drl\n");
        assertThat(e.field()).isEqualTo("r.yaml:5 rules");
        assertThat(e.problem()).isEqualTo("lists DRL files: a structural reform brings code, and rule files were not trusted");
        assertThat(e.allowed()).contains("--trust-reform-rules").contains("DRL is code that runs with your rights");
    }

    @Test
    void rulesWithTrust_areReadRelativeToTheReformFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("reforms/drl"));
        Files.writeString(dir.resolve("reforms/drl/extra.drl"), "package x;\n");
        Path file = dir.resolve("reforms/r.yaml");
        Files.writeString(file, "name: X\nrules:\n  - drl/extra.drl\n");
        Reform r = NssfReforms.read(file, true);
        assertThat(r.ruleFiles()).containsExactly(new Reform.RuleFile("drl/extra.drl", "package x;\n"));
        assertThat(r.structural()).isTrue();
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.read(file));
        assertThat(refused.field()).isEqualTo(file + ":2 rules");

        Files.writeString(file, "name: X\nrules:\n  - drl/missing.drl\n");
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.read(file, true));
        assertThat(missing.field()).isEqualTo(file + ":3 rules[0]");
        assertThat(missing.problem()).isEqualTo("cannot be read: no such file");
        Files.writeString(file, "name: X\nrules:\n  - drl/extra.txt\n");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.read(file, true)).problem())
                .isEqualTo("(drl/extra.txt) is not a .drl file");
    }

    @Test
    void missingFile_isAnErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> NssfReforms.read(file));
        assertThat(e.field()).isEqualTo(file.toString());
        assertThat(e.problem()).isEqualTo("cannot be read: no such file");
    }

    @Test
    void missingOrBadName_isAnError() {
        InvalidInputException missing = error("description: x\nparameters: {}\n");
        assertThat(missing.field()).isEqualTo("r.yaml:1 name");
        assertThat(missing.problem()).isEqualTo("is missing");
        InvalidInputException number = error("name: 2027\n");
        assertThat(number.field()).isEqualTo("r.yaml:1 name");
        assertThat(number.problem()).isEqualTo("is the number 2027");
        assertThat(error("name: \"  \"\n").problem()).isEqualTo("is blank or too long");
    }

    @Test
    void notYaml_orNotAMapping_orEmpty_areErrors() {
        InvalidInputException syntax = error("name: X\nparameters:\n  a.b:\n    2027-01-01: [1, 2\n");
        assertThat(syntax.field()).matches("r\\.yaml:[45]");
        assertThat(syntax.problem()).startsWith("is not valid YAML: ");
        InvalidInputException list = error("- name: X\n");
        assertThat(list.field()).isEqualTo("r.yaml:1");
        assertThat(list.problem()).isEqualTo("is a list, not a mapping");
        assertThat(error("").problem()).isEqualTo("is empty");
        InvalidInputException twice = error("name: X\nname: Y\n");
        assertThat(twice.field()).isEqualTo("r.yaml:2 name");
        assertThat(twice.problem()).isEqualTo("appears twice (first at line 1)");
        InvalidInputException docs = error("name: X\n---\nname: Y\n");
        assertThat(docs.problem()).isEqualTo("has more content after the reform (a second YAML document)");
    }
}
