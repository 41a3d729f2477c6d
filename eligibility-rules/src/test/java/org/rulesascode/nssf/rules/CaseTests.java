package org.rulesascode.nssf.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.Params;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The analysts' cases: every {@code cases/<scheme>/*.yaml} file under {@code src/test/resources} is a list of
 * cases, each a sentence name, an as-of date, a worker profile and the expected outcomes, amounts and rule ids,
 * with a {@code why:} line giving the hand computation from the rules reference. One dynamic test per case.
 *
 * <pre>{@code
 * - name: "A garment worker earning 852,800 riel in June 2025 pays occupational risk on the 875,000 band"
 *   asOf: 2025-06-30
 *   schemes: [OCCUPATIONAL_RISK]            # optional: the schemes asked for (default all)
 *   profile: {id: c1, birthDate: 1990-01-01, sex: FEMALE, employmentStatus: EMPLOYEE,
 *             enterpriseWorkers: 10, employmentStart: 2020-01-01, sector: GARMENT, wage: 852800,
 *             history: [{from: 2025-06, to: 2025-06, declaredWage: 852800, paid: true,
 *                        schemes: [], enterpriseWorkers: 10, employerId: e1}],
 *             dependants: [{relation: CHILD, birthDate: 2015-03-01, disabled: false, hasIncome: false}]}  # optional
 *   expect:
 *     decisions: {OCCUPATIONAL_RISK: COVERED}             # coverage outcome per scheme
 *     rules: [OR-COV-01, REG-04, OR-CON-01]               # ids among the reasons of the decisions or the lines' rule ids
 *     notRules: [REG-03]                                  # ids that must not appear there
 *     contributions:                                      # lines that must exist with these values
 *       - {month: 2025-06, scheme: OCCUPATIONAL_RISK, contributableWage: 875000, employer: 7000, worker: 0, total: 7000,
 *          rate: 0.008, provisional: false}               # rate and provisional are optional
 *     exactContributions: true                            # the lines above are all the lines
 *     noContribution: [{month: 2025-05, scheme: PENSION}] # no line at all (not in force is never a zero line)
 *     provisional: {HEALTH_CARE: false}                   # the decision's provisional flag
 *     compliance:                                         # compliance findings that must exist (their rule ids count
 *       - {issue: UNPAID_CONTRIBUTIONS, ruleId: CMP-UNP-01, months: "2025-01 to 2025-03", missingContributions: 197250}
 *                                                         #  for rules/notRules); months and missingContributions optional
 *   why: "852,800 is in rank 15 (850,001–900,000) → 875,000 (§3.2); 0.8 % × 875,000 = 7,000 (§4.1)"
 *   disabled: "engine bug: ..."   # optional: the case is reported as skipped with this reason (as @Disabled would)
 * }</pre>
 * Money is a whole number of riel, or {@code {amount: 208, currency: USD, exchangeRate: 4100}}.
 */
class CaseTests {
    private static final EligibilityEngine ENGINE = EligibilityEngine.standard();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The reason of an {@link #UNREACHABLE_RULES} entry that a reform switch (a boolean parameter, named after it) turns on. */
    static final String REFORM_SWITCH = "reform switch, false under the standard parameters: ";

    /**
     * Rules that no profile can make fire with the current parameters, so no case can name them. Each entry says
     * why; {@link #unreachableRules_stayUnreachableWithTheCurrentParameters()} checks the reason still holds.
     */
    static final Map<String, String> UNREACHABLE_RULES = Map.ofEntries(
            Map.entry("PEN-COV-03", "pension in force only from 2022-07-01, when every employer with one worker must register (registration threshold 1 from 2018-01-01): the registration criterion is never NOT_MET"),
            Map.entry("PEN-COV-04", "pension in force only from 2022-07-01, when the registration threshold is 1: an unknown enterprise size no longer matters, the criterion is never UNKNOWN"),
            Map.entry("PEN-CON-03", "pension contributions only from 2022-10, when the registration threshold is 1: the registration criterion of a month is never NOT_MET or UNKNOWN"),
            // Reform switches: rules that fire only where a reform turns a switch on (false on every date of the standard
            // parameters, which ReformSwitchTests checks); ReformSwitchTests covers each with switched-on parameters.
            Map.entry("UNE-COV-01", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-COV-02", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-COV-03", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-COV-04", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-COV-05", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-COV-06", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-CON-00", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-CON-01", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-CON-02", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("UNE-CON-03", REFORM_SWITCH + "unemployment.in_force"),
            Map.entry("VHC-MAT-01", REFORM_SWITCH + "voluntary_health_care.maternity.covered"),
            Map.entry("VHC-MAT-02", REFORM_SWITCH + "voluntary_health_care.maternity.covered"),
            Map.entry("VHC-MAT-03", REFORM_SWITCH + "voluntary_health_care.maternity.covered"),
            Map.entry("VHC-MAT-04", REFORM_SWITCH + "voluntary_health_care.maternity.covered"),
            Map.entry("VHC-MAT-10", REFORM_SWITCH + "voluntary_health_care.maternity.covered"),
            Map.entry("VHC-MAT-11", REFORM_SWITCH + "voluntary_health_care.maternity.covered"),
            Map.entry("HC-CBA-13", REFORM_SWITCH + "health_care.childbirth_allowance.self_employed"),
            Map.entry("HC-CBA-14", REFORM_SWITCH + "health_care.childbirth_allowance.self_employed"));

    private static final Set<String> CASE_KEYS = Set.of("name", "asOf", "schemes", "profile", "expect", "why", "disabled");
    private static final Set<String> PROFILE_KEYS = Set.of("id", "birthDate", "sex", "employmentStatus", "sector", "wage",
            "employmentStart", "enterpriseWorkers", "history", "events", "dependants");
    private static final Set<String> EVENT_KEYS = Set.of("type", "date", "babies", "pregnancyWeeks", "notifiedOn", "commuting",
            "incapacityDays", "permanentDegreePercent", "days", "workRelated", "survivors");
    private static final Set<String> BENEFIT_KEYS = Set.of("benefit", "scheme", "eventDate", "outcome", "amount", "period", "durationDays",
            "estimate", "provisional", "provisionalIncludes", "provisionalExcludes");
    private static final Set<String> PERIOD_KEYS = Set.of("from", "to", "declaredWage", "paid", "schemes", "enterpriseWorkers", "employerId");
    private static final Set<String> EXPECT_KEYS = Set.of("decisions", "rules", "notRules", "contributions", "exactContributions",
            "noContribution", "provisional", "benefits", "compliance");
    private static final Set<String> COMPLIANCE_KEYS = Set.of("issue", "ruleId", "months", "missingContributions");
    private static final Set<String> LINE_KEYS = Set.of("month", "scheme", "contributableWage", "rate", "employer", "worker", "total",
            "paid", "provisional");
    private static final Set<String> NO_LINE_KEYS = Set.of("month", "scheme");

    // ------------------------------------------------------------------ the cases

    @TestFactory
    Stream<DynamicNode> cases() {
        Map<String, List<Case>> byFile = loadAll();
        List<DynamicNode> files = new ArrayList<>();
        byFile.forEach((file, cases) -> files.add(DynamicContainer.dynamicContainer(file,
                cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), c.source(), () -> {
                    if (c.disabled() != null) throw new TestAbortedException("disabled: " + c.disabled());
                    run(c);
                })))));
        return files.stream();
    }

    @Test
    void everyRuleIdOfTheRuleBase_isNamedByACase() {
        Set<String> named = namedRuleIds();
        Set<String> missing = new TreeSet<>();
        for (String id : drlRuleIds()) {
            if (!named.contains(id) && !UNREACHABLE_RULES.containsKey(id)) missing.add(id);
        }
        assertTrue(missing.isEmpty(), "rule ids of the DRL that no case names in expect.rules: " + missing
                + "\nAdd a case under src/test/resources/cases/ where each applies.");
        Set<String> stale = new TreeSet<>(UNREACHABLE_RULES.keySet());
        stale.retainAll(named);
        assertTrue(stale.isEmpty(), "rules listed as unreachable are named by a case; remove them from UNREACHABLE_RULES: " + stale);
        Set<String> gone = new TreeSet<>(UNREACHABLE_RULES.keySet());
        gone.removeAll(drlRuleIds());
        assertTrue(gone.isEmpty(), "rules listed as unreachable are not in the DRL: " + gone);
    }

    @Test
    void everyRuleIdNamedByACase_existsInTheRuleBase() {
        Set<String> unknown = new TreeSet<>(namedRuleIds());
        unknown.removeAll(drlRuleIds());
        assertTrue(unknown.isEmpty(), "cases name rule ids that are not in the DRL: " + unknown);
    }

    @Test
    void everyCase_hasAUniqueSentenceName() {
        Map<String, String> seen = new HashMap<>();
        List<String> dup = new ArrayList<>();
        int n = 0;
        for (List<Case> cs : loadAll().values()) {
            for (Case c : cs) {
                n++;
                String previous = seen.put(c.name(), c.file());
                if (previous != null) dup.add("'" + c.name() + "' in " + previous + " and " + c.file());
            }
        }
        assertTrue(dup.isEmpty(), "case names must be unique: " + dup);
        assertTrue(n >= 40, "expected at least 40 cases, found " + n);
    }

    /** The reason each rule of {@link #UNREACHABLE_RULES} cannot fire: pension only where every employer must register. */
    @Test
    void unreachableRules_stayUnreachableWithTheCurrentParameters() {
        for (Params p : RuleSet.standard().timeline().snapshots()) {
            if (p.isPensionInForce() || p.getPensionEmployerRate() != null) {
                assertEquals(1L, p.getMinEnterpriseWorkers(), "from " + p.getFrom()
                        + " the pension is in force and the registration threshold is above 1: PEN-COV-03, PEN-COV-04 and "
                        + "PEN-CON-03 can now fire; write cases for them and remove them from UNREACHABLE_RULES");
            }
        }
    }

    // ------------------------------------------------------------------ running one case

    private static void run(Case c) {
        Assessment a;
        try {
            a = ENGINE.assess(new AssessmentRequest(c.profile(), c.asOf(), c.schemes()));
        } catch (RuntimeException e) {
            throw new AssertionFailedError("Case \"" + c.name() + "\" (" + c.file() + "): the engine threw " + e, e);
        }
        List<String> problems = new ArrayList<>();
        Expect x = c.expect();
        x.decisions().forEach((scheme, outcome) -> {
            Decision d = a.coverage(scheme);
            if (d == null) problems.add(scheme + ": expected " + outcome + ", no decision");
            else if (d.outcome() != outcome) problems.add(scheme + ": expected " + outcome + ", was " + d.outcome());
        });
        x.provisional().forEach((scheme, flag) -> {
            Decision d = a.coverage(scheme);
            if (d != null && d.provisional() != flag) {
                problems.add(scheme + ": expected provisional=" + flag + ", was " + d.provisional() + " " + d.provisionalParameters());
            }
        });
        Set<String> ids = new LinkedHashSet<>();
        for (Decision d : a.decisions()) for (Reason r : d.reasons()) ids.add(r.ruleId());
        for (ContributionLine l : a.contributions()) ids.add(l.ruleId());
        for (ComplianceFinding f : a.compliance()) ids.add(f.ruleId());
        for (String id : x.rules()) if (!ids.contains(id)) problems.add("rule " + id + " expected among the reasons or lines, absent");
        for (String id : x.notRules()) if (ids.contains(id)) problems.add("rule " + id + " not expected, present");
        for (LineExpect e : x.contributions()) {
            List<ContributionLine> found = a.contributions().stream()
                    .filter(l -> l.month().equals(e.month()) && l.scheme() == e.scheme()).toList();
            if (found.size() != 1) {
                problems.add(e.month() + " " + e.scheme() + ": expected one line, found " + found.size());
                continue;
            }
            ContributionLine l = found.get(0);
            String at = e.month() + " " + e.scheme() + " ";
            check(problems, at + "contributableWage", e.contributableWage(), l.contributableWage());
            check(problems, at + "employer", e.employer(), l.employer());
            check(problems, at + "worker", e.worker(), l.worker());
            check(problems, at + "total", e.total(), l.total());
            check(problems, at + "paid", e.paid(), l.paid());
            check(problems, at + "provisional", e.provisional(), l.provisional());
            if (e.rate() != null && (l.rate() == null || e.rate().compareTo(l.rate()) != 0)) {
                problems.add(at + "rate: expected " + e.rate().toPlainString() + ", was " + (l.rate() == null ? "null" : l.rate().toPlainString()));
            }
        }
        if (x.exactContributions()) {
            for (ContributionLine l : a.contributions()) {
                boolean expected = x.contributions().stream().anyMatch(e -> e.month().equals(l.month()) && e.scheme() == l.scheme());
                if (!expected) problems.add("unexpected line " + l.month() + " " + l.scheme());
            }
        }
        for (JsonNode b : x.benefits()) {
            Benefit benefit = Benefit.valueOf(b.get("benefit").asText());
            List<Decision> ds = a.decisions().stream().filter(d -> d.benefit() == benefit)
                    .filter(d -> !b.hasNonNull("scheme") || d.scheme().name().equals(b.get("scheme").asText()))
                    .filter(d -> !b.hasNonNull("eventDate") || String.valueOf(d.eventDate()).equals(b.get("eventDate").asText())).toList();
            if (ds.size() != 1) {
                problems.add(benefit + ": expected one decision, found " + ds.size());
                continue;
            }
            Decision d = ds.get(0);
            String at = benefit + " ";
            if (!d.outcome().name().equals(b.get("outcome").asText())) problems.add(at + "outcome: expected " + b.get("outcome").asText() + ", was " + d.outcome());
            if (b.has("amount")) {
                Long actual = d.entitlement() == null ? null : d.entitlement().amount();
                Long expected = b.get("amount").isNull() ? null : b.get("amount").longValue();
                if (!java.util.Objects.equals(expected, actual)) problems.add(at + "amount: expected " + expected + ", was " + actual);
            }
            if (b.hasNonNull("period") && (d.entitlement() == null || !b.get("period").asText().equals(String.valueOf(d.entitlement().period())))) {
                problems.add(at + "period: expected " + b.get("period").asText() + ", was " + (d.entitlement() == null ? null : d.entitlement().period()));
            }
            if (b.hasNonNull("durationDays") && (d.entitlement() == null || !java.util.Objects.equals(b.get("durationDays").intValue(), d.entitlement().durationDays()))) {
                problems.add(at + "durationDays: expected " + b.get("durationDays").intValue() + ", was " + (d.entitlement() == null ? null : d.entitlement().durationDays()));
            }
            if (b.hasNonNull("estimate") && (d.entitlement() == null || d.entitlement().estimate() != b.get("estimate").booleanValue())) {
                problems.add(at + "estimate: expected " + b.get("estimate").booleanValue());
            }
            if (b.hasNonNull("provisional") && d.provisional() != b.get("provisional").booleanValue()) {
                problems.add(at + "provisional: expected " + b.get("provisional").booleanValue() + ", was " + d.provisional() + " " + d.provisionalParameters());
            }
            // which parameters make the decision provisional: named ones must (or must not) be among them
            if (b.hasNonNull("provisionalIncludes")) {
                for (JsonNode p : b.get("provisionalIncludes")) {
                    if (!d.provisionalParameters().contains(p.asText())) problems.add(at + "provisional parameters: expected " + p.asText() + " among " + d.provisionalParameters());
                }
            }
            if (b.hasNonNull("provisionalExcludes")) {
                for (JsonNode p : b.get("provisionalExcludes")) {
                    if (d.provisionalParameters().contains(p.asText())) problems.add(at + "provisional parameters: expected no " + p.asText() + " among " + d.provisionalParameters());
                }
            }
        }
        for (JsonNode e : x.compliance()) {
            List<ComplianceFinding> fs = a.compliance().stream().filter(f -> f.issue().name().equals(e.get("issue").asText())
                    && f.ruleId().equals(e.get("ruleId").asText()) && (!e.hasNonNull("months") || f.months().equals(e.get("months").asText()))).toList();
            if (fs.size() != 1) {
                problems.add("compliance " + e + ": expected one finding, found " + fs.size() + " among "
                        + a.compliance().stream().map(f -> f.issue() + " " + f.ruleId() + " [" + f.months() + "] " + f.missingContributions()).toList());
            } else if (e.has("missingContributions")) {
                Long expected = e.get("missingContributions").isNull() ? null : e.get("missingContributions").longValue();
                if (!java.util.Objects.equals(expected, fs.get(0).missingContributions())) {
                    problems.add("compliance " + e.get("ruleId").asText() + " missingContributions: expected " + expected + ", was "
                            + fs.get(0).missingContributions() + "; costs: " + fs.get(0).costs());
                }
            }
        }
        for (Map.Entry<YearMonth, Scheme> n : x.noContribution()) {
            if (a.contributions().stream().anyMatch(l -> l.month().equals(n.getKey()) && l.scheme() == n.getValue())) {
                problems.add(n.getKey() + " " + n.getValue() + ": expected no line (not even a zero line), found one");
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder("Case \"").append(c.name()).append("\" (").append(c.file()).append(") failed:");
            for (String p : problems) sb.append("\n  - ").append(p);
            sb.append("\n  why: ").append(c.why());
            sb.append("\nActual decisions on ").append(a.asOf()).append(':');
            for (Decision d : a.decisions()) {
                sb.append("\n  ").append(d.scheme()).append(' ').append(d.outcome()).append(d.provisional() ? " (provisional " + d.provisionalParameters() + ")" : "");
                for (Reason r : d.reasons()) sb.append("\n      ").append(r.ruleId()).append(' ').append(r.status()).append(": ").append(r.message());
            }
            sb.append("\nActual contribution lines:");
            if (a.contributions().isEmpty()) sb.append(" none");
            for (ContributionLine l : a.contributions()) {
                sb.append("\n  ").append(l.month()).append(' ').append(l.scheme()).append(" base ").append(l.contributableWage())
                        .append(" rate ").append(l.rate() == null ? "flat" : l.rate().toPlainString())
                        .append(" employer ").append(l.employer()).append(" worker ").append(l.worker()).append(" total ").append(l.total())
                        .append(l.provisional() ? " provisional" : "").append(" [").append(l.ruleId()).append(']');
            }
            System.err.println(sb);
            throw new AssertionFailedError(sb.toString());
        }
    }

    private static void check(List<String> problems, String what, Object expected, Object actual) {
        if (expected != null && !expected.equals(actual)) problems.add(what + ": expected " + expected + ", was " + actual);
    }

    // ------------------------------------------------------------------ the case model

    record Case(String file, URI source, String name, LocalDate asOf, Set<Scheme> schemes, WorkerProfile profile, Expect expect, String why,
                String disabled) { }

    record Expect(Map<Scheme, Outcome> decisions, List<String> rules, List<String> notRules, List<LineExpect> contributions,
                  boolean exactContributions, List<Map.Entry<YearMonth, Scheme>> noContribution, Map<Scheme, Boolean> provisional, List<JsonNode> benefits,
                  List<JsonNode> compliance) { }

    record LineExpect(YearMonth month, Scheme scheme, Long contributableWage, BigDecimal rate, Long employer, Long worker, Long total,
                      Boolean paid, Boolean provisional) { }

    // ------------------------------------------------------------------ loading

    private static Path root(String folder) {
        URL url = CaseTests.class.getClassLoader().getResource(folder);
        if (url == null) throw new IllegalStateException("class-path folder " + folder + " not found");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return relative file name (cases/&lt;scheme&gt;/&lt;file&gt;.yaml) → its cases, sorted by file */
    static Map<String, List<Case>> loadAll() {
        Path root = root("cases");
        Map<String, List<Case>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") && root.relativize(p).getNameCount() == 2).sorted().toList()) {
                String rel = "cases/" + root.relativize(f).toString().replace('\\', '/');
                out.put(rel, load(rel, f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new IllegalStateException("no case files under " + root);
        return out;
    }

    private static List<Case> load(String rel, Path file) throws IOException {
        JsonNode doc = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (doc == null || !doc.isArray()) throw new IllegalStateException(rel + ": a case file is a YAML list of cases");
        List<Case> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : doc) {
            String where = rel + " case " + (i + 1);
            try {
                out.add(caseOf(rel, file.toUri(), n, i));
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + (n.hasNonNull("name") ? " (\"" + n.get("name").asText() + "\")" : "") + ": " + e.getMessage(), e);
            }
            i++;
        }
        return out;
    }

    private static Case caseOf(String rel, URI uri, JsonNode n, int index) {
        keys(n, CASE_KEYS, "case");
        String name = text(n, "name", true);
        String why = text(n, "why", true);
        LocalDate asOf = LocalDate.parse(text(n, "asOf", true));
        Set<Scheme> schemes = EnumSet.noneOf(Scheme.class);
        for (JsonNode s : list(n, "schemes")) schemes.add(Scheme.valueOf(s.asText()));
        WorkerProfile profile = profile(req(n, "profile"), "case-" + (index + 1));
        String disabled = text(n, "disabled", false);
        if (disabled != null && disabled.isBlank()) throw new IllegalArgumentException("'disabled' needs a reason");
        return new Case(rel, uri, name, asOf, schemes, profile, expect(req(n, "expect")), why, disabled);
    }

    private static WorkerProfile profile(JsonNode n, String defaultId) {
        keys(n, PROFILE_KEYS, "profile");
        WorkerProfile.Builder b = WorkerProfile.builder(n.hasNonNull("id") ? n.get("id").asText() : defaultId)
                .birthDate(LocalDate.parse(text(n, "birthDate", true)))
                .sex(Sex.valueOf(text(n, "sex", true)))
                .employmentStatus(EmploymentStatus.valueOf(text(n, "employmentStatus", true)));
        if (n.hasNonNull("sector")) b.sector(Sector.valueOf(n.get("sector").asText()));
        if (n.hasNonNull("wage")) b.wage(money(n.get("wage")));
        if (n.hasNonNull("employmentStart")) b.employmentStart(LocalDate.parse(n.get("employmentStart").asText()));
        if (n.hasNonNull("enterpriseWorkers")) b.enterpriseWorkers(n.get("enterpriseWorkers").intValue());
        for (JsonNode e : list(n, "events")) b.event(event(e));
        for (Person d : persons(n, "dependants", "dependant")) b.dependant(d);
        for (JsonNode p : list(n, "history")) {
            keys(p, PERIOD_KEYS, "history period");
            Set<Scheme> schemes = EnumSet.noneOf(Scheme.class);
            for (JsonNode s : list(p, "schemes")) schemes.add(Scheme.valueOf(s.asText()));
            b.period(new ContributionPeriod(YearMonth.parse(text(p, "from", true)), YearMonth.parse(text(p, "to", true)),
                    money(req(p, "declaredWage")), !p.has("paid") || p.get("paid").booleanValue(), schemes,
                    p.hasNonNull("enterpriseWorkers") ? p.get("enterpriseWorkers").intValue() : null,
                    p.hasNonNull("employerId") ? p.get("employerId").asText() : null));
        }
        return b.build();
    }

    private static LifeEvent event(JsonNode e) {
        keys(e, EVENT_KEYS, "event");
        LocalDate date = LocalDate.parse(text(e, "date", true));
        Integer pw = e.hasNonNull("pregnancyWeeks") ? e.get("pregnancyWeeks").intValue() : null;
        return switch (text(e, "type", true)) {
            case "CHILDBIRTH" -> new Childbirth(date, e.hasNonNull("babies") ? e.get("babies").intValue() : 1, pw,
                    e.hasNonNull("notifiedOn") ? LocalDate.parse(e.get("notifiedOn").asText()) : null);
            case "SICKNESS" -> new Sickness(date, e.get("days").intValue());
            case "WORK_INJURY" -> new WorkInjury(date, e.hasNonNull("commuting") && e.get("commuting").booleanValue(),
                    e.hasNonNull("incapacityDays") ? e.get("incapacityDays").intValue() : null,
                    e.hasNonNull("permanentDegreePercent") ? e.get("permanentDegreePercent").intValue() : null);
            case "DEATH" -> new Death(date, e.hasNonNull("workRelated") && e.get("workRelated").booleanValue(), survivors(e));
            case "RETIREMENT_CLAIM" -> new RetirementClaim(date);
            case "INVALIDITY" -> new InvalidityClaim(date);
            default -> throw new IllegalArgumentException("unknown event type " + e.get("type"));
        };
    }

    private static List<Person> survivors(JsonNode e) {
        return persons(e, "survivors", "survivor");
    }

    /** The persons of the list {@code key} (survivors of a death, dependants of a profile). */
    private static List<Person> persons(JsonNode e, String key, String what) {
        List<Person> out = new ArrayList<>();
        for (JsonNode p : list(e, key)) {
            keys(p, Set.of("relation", "birthDate", "disabled", "hasIncome"), what);
            out.add(new Person(Relation.valueOf(text(p, "relation", true)),
                    p.hasNonNull("birthDate") ? LocalDate.parse(p.get("birthDate").asText()) : null,
                    p.hasNonNull("disabled") && p.get("disabled").booleanValue(),
                    p.hasNonNull("hasIncome") && p.get("hasIncome").booleanValue()));
        }
        return out;
    }

    /** A whole number of riel, or {amount, currency, exchangeRate}. */
    private static Money money(JsonNode n) {
        if (n.isIntegralNumber()) return Money.khr(n.longValue());
        if (n.isObject()) {
            keys(n, Set.of("amount", "currency", "exchangeRate"), "money");
            BigDecimal amount = new BigDecimal(req(n, "amount").asText());
            Currency cur = n.hasNonNull("currency") ? Currency.valueOf(n.get("currency").asText()) : Currency.KHR;
            BigDecimal rate = n.hasNonNull("exchangeRate") ? new BigDecimal(n.get("exchangeRate").asText()) : null;
            return new Money(amount, cur, rate);
        }
        throw new IllegalArgumentException("money must be a whole number of riel or {amount, currency, exchangeRate}: " + n);
    }

    private static Expect expect(JsonNode n) {
        keys(n, EXPECT_KEYS, "expect");
        Map<Scheme, Outcome> decisions = new EnumMap<>(Scheme.class);
        if (n.hasNonNull("decisions")) n.get("decisions").fields().forEachRemaining(e -> decisions.put(Scheme.valueOf(e.getKey()), Outcome.valueOf(e.getValue().asText())));
        Map<Scheme, Boolean> provisional = new EnumMap<>(Scheme.class);
        if (n.hasNonNull("provisional")) n.get("provisional").fields().forEachRemaining(e -> provisional.put(Scheme.valueOf(e.getKey()), bool(e.getValue())));
        List<String> rules = list(n, "rules").stream().map(JsonNode::asText).toList();
        List<String> notRules = list(n, "notRules").stream().map(JsonNode::asText).toList();
        List<LineExpect> lines = new ArrayList<>();
        for (JsonNode l : list(n, "contributions")) {
            keys(l, LINE_KEYS, "contribution");
            lines.add(new LineExpect(YearMonth.parse(text(l, "month", true)), Scheme.valueOf(text(l, "scheme", true)),
                    whole(l, "contributableWage"), l.hasNonNull("rate") ? new BigDecimal(l.get("rate").asText()) : null,
                    whole(l, "employer"), whole(l, "worker"), whole(l, "total"),
                    l.hasNonNull("paid") ? bool(l.get("paid")) : null, l.hasNonNull("provisional") ? bool(l.get("provisional")) : null));
        }
        List<Map.Entry<YearMonth, Scheme>> none = new ArrayList<>();
        for (JsonNode l : list(n, "noContribution")) {
            keys(l, NO_LINE_KEYS, "noContribution");
            none.add(Map.entry(YearMonth.parse(text(l, "month", true)), Scheme.valueOf(text(l, "scheme", true))));
        }
        boolean exact = n.hasNonNull("exactContributions") && bool(n.get("exactContributions"));
        List<JsonNode> benefits = new ArrayList<>();
        for (JsonNode b : list(n, "benefits")) {
            keys(b, BENEFIT_KEYS, "benefit");
            req(b, "benefit");
            req(b, "outcome");
            benefits.add(b);
        }
        List<JsonNode> compliance = new ArrayList<>();
        for (JsonNode f : list(n, "compliance")) {
            keys(f, COMPLIANCE_KEYS, "compliance");
            req(f, "issue");
            req(f, "ruleId");
            compliance.add(f);
        }
        if (decisions.isEmpty() && rules.isEmpty() && lines.isEmpty() && none.isEmpty() && !exact && benefits.isEmpty() && compliance.isEmpty()) {
            throw new IllegalArgumentException("expect asserts nothing");
        }
        return new Expect(decisions, rules, notRules, lines, exact, none, provisional, benefits, compliance);
    }

    private static Long whole(JsonNode n, String key) {
        if (!n.hasNonNull(key)) return null;
        JsonNode v = n.get(key);
        if (!v.isIntegralNumber()) throw new IllegalArgumentException(key + " must be a whole number of riel: " + v);
        return v.longValue();
    }

    private static boolean bool(JsonNode v) {
        if (!v.isBoolean()) throw new IllegalArgumentException("expected true or false: " + v);
        return v.booleanValue();
    }

    private static void keys(JsonNode n, Set<String> allowed, String what) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException(what + " must be a mapping");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) throw new IllegalArgumentException("unknown key '" + k + "' in " + what + "; allowed: " + new TreeSet<>(allowed));
        }
    }

    private static JsonNode req(JsonNode n, String key) {
        if (!n.hasNonNull(key)) throw new IllegalArgumentException("missing '" + key + "'");
        return n.get(key);
    }

    private static String text(JsonNode n, String key, boolean required) {
        if (!n.hasNonNull(key)) {
            if (required) throw new IllegalArgumentException("missing '" + key + "'");
            return null;
        }
        String s = n.get(key).asText();
        if (required && s.isBlank()) throw new IllegalArgumentException("'" + key + "' is blank");
        return s;
    }

    private static List<JsonNode> list(JsonNode n, String key) {
        if (!n.hasNonNull(key)) return List.of();
        JsonNode v = n.get(key);
        if (!v.isArray()) throw new IllegalArgumentException("'" + key + "' must be a list");
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    // ------------------------------------------------------------------ rule ids

    private static final Pattern RULE_ID = Pattern.compile("@id\\(\"([A-Z0-9-]+)\"\\)");

    /** @return every {@code @id("...")} of the standard DRL files */
    static Set<String> drlRuleIds() {
        Set<String> ids = new TreeSet<>();
        for (String text : org.rulesascode.nssf.rules.internal.RuleBase.standardDrl().values()) {
            Matcher m = RULE_ID.matcher(text);
            while (m.find()) ids.add(m.group(1));
        }
        if (ids.isEmpty()) throw new IllegalStateException("no @id in the standard DRL");
        return ids;
    }

    private static Set<String> namedRuleIds() {
        return loadAll().values().stream().flatMap(List::stream).flatMap(c -> c.expect().rules().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Guards {@link #cases()} from a silently empty walk. */
    @Test
    void caseFiles_coverEveryScheme() {
        Set<String> dirs = loadAll().keySet().stream().map(f -> f.split("/")[1]).collect(Collectors.toCollection(TreeSet::new));
        Set<String> wanted = new TreeSet<>(List.of("occupational_risk", "health_care", "pension", "voluntary_health_care", "unemployment", "registration"));
        if (!dirs.containsAll(wanted)) fail("case folders missing: " + wanted.stream().filter(w -> !dirs.contains(w)).toList());
    }
}
