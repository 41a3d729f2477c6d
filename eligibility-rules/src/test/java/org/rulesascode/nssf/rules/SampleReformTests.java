package org.rulesascode.nssf.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.rules.DroolsEligibilityEngine;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.Assessor;
import org.rulesascode.nssf.rules.internal.LegalCatalogue;
import org.rulesascode.nssf.rules.internal.Messages;
import org.rulesascode.nssf.rules.internal.ParamTimeline;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.ParameterTree;
import org.rulesascode.nssf.rules.internal.ResourceFiles;
import org.rulesascode.nssf.rules.internal.RuleBase;
import org.rulesascode.nssf.rules.internal.RuleSet;
import org.rulesascode.nssf.rules.internal.Scale;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample reforms of {@code eligibility-examples/reforms/}: each file's YAML follows the reform format (the
 * contract's: name, description, optional illustrative, parameters by id and date, short or long form), names only
 * parameters of the standard tree with values of the right type, and marks every illustrative value with a note
 * saying it is illustrative and not from any law. Read with plain Jackson YAML here; the reform reader of
 * eligibility-json can replace {@link #read(Path)} once it is merged.
 *
 * <p>Then the four reforms are applied together (they set different parameters) to an in-memory copy of the
 * parameter tree, a reform's value replacing the standard values from its date on, and the worked examples of the
 * folder's README are checked by hand against the reformed rule set and the standard one.
 */
class SampleReformTests {
    static final Path FOLDER = Path.of("..", "eligibility-examples", "reforms");
    static final List<String> SAMPLES = List.of("pension-ceiling-2027.yaml", "maternity-qualifying-6-months.yaml",
            "self-employed-maternity.yaml", "unemployment-on.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    static final Set<String> TOP_KEYS = Set.of("name", "description", "illustrative", "parameters", "rules");
    static final Set<String> LONG_KEYS = Set.of("value", "brackets", "illustrative", "note");
    static final Set<String> WHOLE_UNITS = Set.of("KHR", "month", "day", "week", "year", "count");
    static final ParameterTree TREE = ParameterTree.parse(ResourceFiles.read("parameters", ".yaml"),
            LegalCatalogue.parse(ResourceFiles.read("legal-sources", ".yaml")));

    /** One dated value of a sample reform. */
    record Change(String file, String parameterId, LocalDate from, JsonNode value, boolean illustrative, String note) { }

    /** A sample reform as read here. */
    record Sample(String file, String name, String description, boolean illustrative, List<Change> changes) { }

    // ------------------------------------------------------------------ structure and types

    @Test
    void theFolderHoldsTheFourSampleReformsAndAReadmeNamingEach() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(FOLDER)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).forEach(files::add);
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(SAMPLES);
        String readme = Files.readString(FOLDER.resolve("README.md"), StandardCharsets.UTF_8);
        for (String f : SAMPLES) assertThat(readme).as("README names %s", f).contains(f);
    }

    @Test
    void everySampleReform_namesExistingParameters_withValuesOfTheirUnit_inIncreasingDates() {
        List<String> problems = new ArrayList<>();
        int values = 0;
        for (String f : SAMPLES) {
            Sample s = read(FOLDER.resolve(f));
            assertThat(s.changes()).as("%s sets at least one parameter", f).isNotEmpty();
            Map<String, LocalDate> last = new TreeMap<>();
            for (Change c : s.changes()) {
                values++;
                String at = f + " " + c.parameterId() + " " + c.from();
                if (!TREE.contains(c.parameterId())) {
                    problems.add(at + ": no such parameter in the standard tree");
                    continue;
                }
                LocalDate previous = last.put(c.parameterId(), c.from());
                if (previous != null && !c.from().isAfter(previous)) problems.add(at + ": not after " + previous);
                String unit = TREE.get(c.parameterId()).unit();
                String wrong = typeProblem(unit, c.value());
                if (wrong != null) problems.add(at + ": " + wrong + " (unit " + unit + ")");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(values).isEqualTo(10);
    }

    @Test
    void everyIllustrativeValue_saysSoAndThatItIsNotFromAnyLaw() {
        List<String> problems = new ArrayList<>();
        int illustrative = 0;
        for (String f : SAMPLES) {
            Sample s = read(FOLDER.resolve(f));
            for (Change c : s.changes()) {
                if (!c.illustrative()) continue;
                illustrative++;
                String note = c.note() == null ? "" : c.note().toLowerCase(Locale.ROOT);
                if (!note.contains("illustrative") || !note.contains("not from any law")) {
                    problems.add(f + " " + c.parameterId() + " " + c.from() + ": the note must say the value is illustrative and not from any law: " + c.note());
                }
            }
        }
        assertThat(problems).isEmpty();
        // unemployment-on is illustrative as a whole (5 values); self-employed-maternity has one illustrative wage
        assertThat(illustrative).isEqualTo(6);
        assertThat(read(FOLDER.resolve("unemployment-on.yaml")).illustrative()).isTrue();
        assertThat(read(FOLDER.resolve("pension-ceiling-2027.yaml")).illustrative()).isFalse();
    }

    /** @return what is wrong with a value for a parameter of this unit, or null */
    static String typeProblem(String unit, JsonNode v) {
        if (v == null || v.isNull()) return null; // null ends a value: allowed for every unit
        switch (unit) {
            case "boolean":
                return v.isBoolean() ? null : "a flag needs true or false, not " + v;
            case "rate":
                if (!v.isNumber()) return "a rate needs a number, not " + v;
                return v.decimalValue().signum() < 0 || v.decimalValue().compareTo(BigDecimal.ONE) > 0 ? "a rate is a fraction from 0 to 1, not " + v : null;
            case "USD":
                return v.isNumber() && v.decimalValue().signum() >= 0 ? null : "a USD amount needs a number >= 0, not " + v;
            case "date":
                try {
                    LocalDate.parse(v.asText());
                    return v.isTextual() ? null : "a date needs an ISO date, not " + v;
                } catch (DateTimeParseException e) {
                    return "a date needs an ISO date, not " + v;
                }
            case "scale":
                if (!v.isArray() || v.isEmpty()) return "a scale needs a non-empty list of brackets";
                for (int i = 0; i < v.size(); i++) {
                    JsonNode b = v.get(i);
                    boolean lastBracket = i == v.size() - 1;
                    if (!b.path("value").canConvertToExactIntegral()) return "bracket " + i + " needs a whole value";
                    if (lastBracket == b.hasNonNull("upTo")) return "only the last bracket has no upTo (bracket " + i + ")";
                }
                return null;
            default:
                if (WHOLE_UNITS.contains(unit)) {
                    return v.isIntegralNumber() && v.longValue() >= 0 ? null : "a whole number >= 0 is needed, not " + v;
                }
                return "unknown unit";
        }
    }

    /** Reads one sample reform with plain Jackson YAML, failing with the file and the key on any departure from the format. */
    static Sample read(Path file) {
        String f = file.getFileName().toString();
        JsonNode doc;
        try {
            doc = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(f + ": cannot read: " + e.getMessage(), e);
        }
        assertThat(doc != null && doc.isObject()).as("%s is a YAML mapping", f).isTrue();
        for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            assertThat(TOP_KEYS).as("%s: top-level key '%s'", f, k).contains(k);
        }
        assertThat(doc.path("name").isTextual() && !doc.path("name").asText().isBlank()).as("%s: name", f).isTrue();
        assertThat(doc.path("description").isTextual() && !doc.path("description").asText().isBlank()).as("%s: description", f).isTrue();
        assertThat(doc.has("rules")).as("%s: a sample is a parameter reform, without rules", f).isFalse();
        boolean illustrative = false;
        if (doc.has("illustrative")) {
            assertThat(doc.get("illustrative").isBoolean()).as("%s: illustrative is true or false", f).isTrue();
            illustrative = doc.get("illustrative").booleanValue();
        }
        JsonNode parameters = doc.path("parameters");
        assertThat(parameters.isObject() && !parameters.isEmpty()).as("%s: parameters is a non-empty mapping", f).isTrue();
        List<Change> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            String id = p.getKey();
            assertThat(id).as("%s: parameter id", f).matches("[a-z0-9_]+(\\.[a-z0-9_]+)*");
            assertThat(p.getValue().isObject() && !p.getValue().isEmpty()).as("%s %s: a mapping of dates", f, id).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> dates = p.getValue().fields(); dates.hasNext(); ) {
                Map.Entry<String, JsonNode> d = dates.next();
                LocalDate from;
                try {
                    from = LocalDate.parse(d.getKey());
                } catch (DateTimeParseException e) {
                    throw new AssertionError(f + " " + id + ": '" + d.getKey() + "' is not an ISO date");
                }
                JsonNode v = d.getValue();
                JsonNode value = v;
                boolean valueIllustrative = illustrative;
                String note = null;
                if (v.isObject()) {
                    for (Iterator<String> ks = v.fieldNames(); ks.hasNext(); ) {
                        String k = ks.next();
                        assertThat(LONG_KEYS).as("%s %s %s: key '%s'", f, id, from, k).contains(k);
                    }
                    assertThat(v.has("value") ^ v.has("brackets")).as("%s %s %s: value or brackets", f, id, from).isTrue();
                    value = v.has("value") ? v.get("value") : v.get("brackets");
                    if (v.has("illustrative")) {
                        assertThat(v.get("illustrative").isBoolean()).as("%s %s %s: illustrative is true or false", f, id, from).isTrue();
                        valueIllustrative = valueIllustrative || v.get("illustrative").booleanValue();
                    }
                    if (v.has("note")) note = v.get("note").asText();
                } else {
                    assertThat(v.isValueNode()).as("%s %s %s: a value, or {value, illustrative, note}", f, id, from).isTrue();
                }
                changes.add(new Change(f, id, from, value, valueIllustrative, note));
            }
        }
        return new Sample(f, doc.get("name").asText(), doc.get("description").asText(), illustrative, changes);
    }

    // ------------------------------------------------------------------ the README's worked examples

    static final EligibilityEngine BASELINE = new DroolsEligibilityEngine();

    /** The standard engine with one sample reform, read and validated by the reform reader and engine users call. */
    static EligibilityEngine reformed(String file) {
        return BASELINE.withReform(NssfReforms.read(FOLDER.resolve(file)));
    }

    @Test
    void everySampleReform_isReadAndAcceptedByTheEngine() {
        for (String f : SAMPLES) {
            EligibilityEngine e = reformed(f);
            assertThat(e.reform().changes()).as(f).isNotEmpty();
            assertThat(e.ruleSetVersion()).as(f).isNotEqualTo(BASELINE.ruleSetVersion());
        }
    }

    /**
     * Pension ceiling 2,000,000 from 2027-01: a wage of 1,500,000 in January 2027 is contributable in full,
     * 1,500,000 × 2 % = 30,000 from each party, 60,000 in all (4 % until 2027-09, §6.1), instead of 1,200,000 × 2 % =
     * 24,000 each, 48,000 (§3.1); a wage of 2,500,000 is clamped to 2,000,000 → 40,000 each, 80,000. December 2026
     * is before the reform: 48,000 in both.
     */
    @Test
    void pensionCeiling_readmeExample() {
        WorkerProfile p = employee(1_500_000, YearMonth.of(2026, 12), YearMonth.of(2027, 1));
        AssessmentRequest r = AssessmentRequest.of(p, LocalDate.of(2027, 1, 31));
        ContributionLine reformed = line(reformed("pension-ceiling-2027.yaml").assess(r, Locale.ENGLISH), YearMonth.of(2027, 1), Scheme.PENSION);
        ContributionLine base = line(BASELINE.assess(r, Locale.ENGLISH), YearMonth.of(2027, 1), Scheme.PENSION);
        assertThat(List.of(reformed.contributableWage(), reformed.employer(), reformed.worker(), reformed.total()))
                .containsExactly(1_500_000L, 30_000L, 30_000L, 60_000L);
        assertThat(List.of(base.contributableWage(), base.employer(), base.worker(), base.total()))
                .containsExactly(1_200_000L, 24_000L, 24_000L, 48_000L);
        ContributionLine december = line(reformed("pension-ceiling-2027.yaml").assess(r, Locale.ENGLISH), YearMonth.of(2026, 12), Scheme.PENSION);
        assertThat(december.total()).isEqualTo(48_000L);
        ContributionLine high = line(reformed("pension-ceiling-2027.yaml").assess(AssessmentRequest.of(employee(2_500_000, YearMonth.of(2027, 1), YearMonth.of(2027, 1)),
                LocalDate.of(2027, 1, 31)), Locale.ENGLISH), YearMonth.of(2027, 1), Scheme.PENSION);
        assertThat(List.of(high.contributableWage(), high.total())).containsExactly(2_000_000L, 80_000L);
    }

    /**
     * 6 qualifying months from 2027: an employee paid from December 2026 to May 2027 (852,800 KHR) gives birth on
     * 15 June 2027: 6 paid months in the 12 before June < 9 → no maternity allowance in the law read (§12 row 4a); with
     * the reform 6 ≥ 6 → eligible. Daily wage (§12 row 4b): average 852,800 → rank 15, 875,000 (§3.2); ÷ 30 =
     * 29,166.67; × 70 % = 20,416.67 → 20,417 a day for 90 days.
     */
    @Test
    void maternityQualifyingSixMonths_readmeExample() {
        WorkerProfile p = employee(852_800, YearMonth.of(2026, 12), YearMonth.of(2027, 5)).toBuilder()
                .employmentStart(LocalDate.of(2026, 12, 1))
                .event(new Childbirth(LocalDate.of(2027, 6, 15), 1, 39, LocalDate.of(2027, 2, 1))).build();
        AssessmentRequest r = AssessmentRequest.of(p, LocalDate.of(2027, 6, 30));
        Decision base = benefit(BASELINE.assess(r, Locale.ENGLISH), Benefit.MATERNITY_ALLOWANCE);
        assertThat(base.outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(ids(base)).contains("HC-MAT-04");
        Decision reformed = benefit(reformed("maternity-qualifying-6-months.yaml").assess(r, Locale.ENGLISH), Benefit.MATERNITY_ALLOWANCE);
        assertThat(reformed.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(ids(reformed)).contains("HC-MAT-03", "HC-MAT-10");
        assertThat(reformed.entitlement().amount()).isEqualTo(20_417L);
        assertThat(reformed.entitlement().durationDays()).isEqualTo(90);
    }

    /**
     * Self-employed maternity from 2027: a member who paid the voluntary contribution from June 2026 to May 2027 gives
     * birth on 10 June 2027 (39 weeks, NSSF notified 1 February 2027): 12 consecutive paid months ≥ 2, no abandonment
     * → maternity allowance 600,000 ÷ 30 × 70 % = 14,000 a day for 90 days (1,260,000; provisional: the reference wage
     * is illustrative) and the childbirth allowance of 800,000 (§5.3, one baby); in the law read, neither.
     */
    @Test
    void selfEmployedMaternity_readmeExample() {
        WorkerProfile p = WorkerProfile.builder("srey").birthDate(LocalDate.of(1990, 7, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.SELF_EMPLOYED)
                .period(voluntary(YearMonth.of(2026, 6), YearMonth.of(2027, 5)))
                .event(new Childbirth(LocalDate.of(2027, 6, 10), 1, 39, LocalDate.of(2027, 2, 1))).build();
        AssessmentRequest r = AssessmentRequest.of(p, LocalDate.of(2027, 6, 30));
        Assessment base = BASELINE.assess(r, Locale.ENGLISH);
        assertThat(benefit(base, Benefit.MATERNITY_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        assertThat(benefit(base, Benefit.CHILDBIRTH_ALLOWANCE).outcome()).isEqualTo(Outcome.NOT_ELIGIBLE);
        Assessment reformed = reformed("self-employed-maternity.yaml").assess(r, Locale.ENGLISH);
        Decision maternity = benefit(reformed, Benefit.MATERNITY_ALLOWANCE);
        assertThat(maternity.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(maternity.entitlement().amount()).isEqualTo(14_000L);
        assertThat(maternity.entitlement().durationDays()).isEqualTo(90);
        assertThat(maternity.provisionalParameters()).contains("voluntary_health_care.maternity.reference_wage");
        Decision childbirth = benefit(reformed, Benefit.CHILDBIRTH_ALLOWANCE);
        assertThat(childbirth.outcome()).isEqualTo(Outcome.ELIGIBLE);
        assertThat(childbirth.entitlement().amount()).isEqualTo(800_000L);
    }

    /**
     * Unemployment switched on in 2027: an employee declaring 852,800 KHR is covered from 2027-01-01 and pays
     * 852,800 × 0.5 % = 4,264, her employer 4,264, 8,528 a month (provisional: illustrative values); in the law read the
     * scheme is not in force and there is no line (§7).
     */
    @Test
    void unemploymentOn_readmeExample() {
        AssessmentRequest r = AssessmentRequest.of(employee(852_800, YearMonth.of(2026, 12), YearMonth.of(2027, 1)), LocalDate.of(2027, 1, 31));
        Assessment base = BASELINE.assess(r, Locale.ENGLISH);
        assertThat(base.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.NOT_IN_FORCE);
        assertThat(base.contributions()).noneMatch(l -> l.scheme() == Scheme.UNEMPLOYMENT);
        Assessment reformed = reformed("unemployment-on.yaml").assess(r, Locale.ENGLISH);
        assertThat(reformed.coverage(Scheme.UNEMPLOYMENT).outcome()).isEqualTo(Outcome.COVERED);
        assertThat(reformed.coverage(Scheme.UNEMPLOYMENT).provisional()).isTrue();
        ContributionLine l = line(reformed, YearMonth.of(2027, 1), Scheme.UNEMPLOYMENT);
        assertThat(List.of(l.contributableWage(), l.employer(), l.worker(), l.total())).containsExactly(852_800L, 4_264L, 4_264L, 8_528L);
        assertThat(l.provisional()).isTrue();
        assertThat(reformed.contributions().stream().filter(x -> x.scheme() == Scheme.UNEMPLOYMENT).map(ContributionLine::month).toList())
                .containsExactly(YearMonth.of(2027, 1));
    }

    static WorkerProfile employee(long wage, YearMonth from, YearMonth to) {
        return WorkerProfile.builder("vanna").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .period(ContributionPeriod.paid(from, to, Money.khr(wage))).build();
    }

    static Decision benefit(Assessment a, Benefit b) {
        List<Decision> ds = a.decisions().stream().filter(d -> d.benefit() == b).toList();
        assertThat(ds).as("%s decisions", b).hasSize(1);
        return ds.get(0);
    }

    static Set<String> ids(Decision d) {
        Set<String> out = new java.util.LinkedHashSet<>();
        for (org.rulesascode.nssf.eligibility.Reason r : d.reasons()) out.add(r.ruleId());
        return out;
    }

    static ContributionPeriod voluntary(YearMonth from, YearMonth to) {
        return new ContributionPeriod(from, to, Money.khr(0), true, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null);
    }

    static ContributionLine line(Assessment a, YearMonth m, Scheme s) {
        List<ContributionLine> ls = a.contributions().stream().filter(l -> l.scheme() == s && l.month().equals(m)).toList();
        assertThat(ls).as("%s line of %s", s, m).hasSize(1);
        return ls.get(0);
    }
}
