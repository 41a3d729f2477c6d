package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.ComplianceFinding;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.ParameterValue;
import org.rulesascode.nssf.eligibility.RuleDescription;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.ParameterUse;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.RuleCoverage;
import org.rulesascode.nssf.testkit.WorkerProfiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nssf verify}: checks of the rule base itself. A temporal sweep of fixed profiles over every month end (gaps
 * and overlaps), the rule coverage of a generated population (every rule seen to apply and to not apply), and the
 * parameter audit (every value with its source and confidence; {@code --provisional}: the provisional values and the
 * decisions that rest on them).
 */
@Command(name = "verify",
        header = "Verifies the rule base: temporal sweep, rule coverage, parameter audit.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Checks the rule base itself. Without a part option, runs the three parts:",
                "  --sweep       assesses the bundled examples and a few built-in profiles on",
                "                every month end from --from to --to; reports a scheme without",
                "                exactly one coverage decision, an event with no benefit",
                "                decision, and the engine's 'rule base gap/overlap' errors",
                "  --coverage    assesses a generated population (--seed, --size) and the",
                "                examples; counts per rule the assessments where it applied",
                "                and where its scheme and benefit were judged without it",
                "  --parameters  every parameter value: date, value, unit, confidence, source",
                "  --provisional every provisional value, and the decisions and lines of the",
                "                population and the examples that rest on it",
                "Exit status 1 when the sweep finds a gap or an overlap, or a rule was not",
                "seen both ways (the rules known not to be, listed with their reason, excepted).",
                ""})
final class VerifyCommand implements Callable<Integer> {

    /** Output format. */
    enum Format { text, json }

    /**
     * Rules no generated population can show both ways under the standard parameters, with the reason: the same as
     * eligibility-rules' lint ({@code CaseTests.UNREACHABLE_RULES}, {@code RuleCoverageTests.ALWAYS_APPLY}). A rule that
     * fires only where a reform turns a switch on names the switch: {@link #staleSwitches} checks it is still off.
     */
    static final Map<String, String> KNOWN;
    /** Rule id → the boolean parameter (false on every date of the standard tree) that a reform turns on for it. */
    static final Map<String, String> SWITCHES;

    static {
        Map<String, String> known = new TreeMap<>();
        known.put("PEN-COV-03", "never applies: pension starts (2022-07) after every employer must register (2018-01)");
        known.put("PEN-COV-04", "never applies: from 2022-07 an unknown enterprise size no longer matters");
        known.put("PEN-CON-03", "never applies: pension contributions start (2022-10) after every employer must register");
        known.put("UNE-COV-00", "always applies: unemployment is not in force on any date");
        known.put("UNE-BEN-00", "always applies: unemployment is not in force on any date");
        known.put("VHC-DEP-03", "never applies here: only for a request that leaves out HEALTH_CARE; the generated requests ask about every scheme (YAML cases cover it)");
        known.put("VHC-DEP-24", "never applies here: only for a request that leaves out HEALTH_CARE; the generated requests ask about every scheme (YAML cases cover it)");
        Map<String, String> switches = new TreeMap<>();
        for (String id : List.of("UNE-COV-01", "UNE-COV-02", "UNE-COV-03", "UNE-COV-04", "UNE-COV-05", "UNE-COV-06",
                "UNE-CON-00", "UNE-CON-01", "UNE-CON-02", "UNE-CON-03")) {
            switches.put(id, "unemployment.in_force");
        }
        for (String id : List.of("VHC-MAT-01", "VHC-MAT-02", "VHC-MAT-03", "VHC-MAT-04", "VHC-MAT-10", "VHC-MAT-11")) {
            switches.put(id, "voluntary_health_care.maternity.covered");
        }
        for (String id : List.of("HC-CBA-13", "HC-CBA-14")) switches.put(id, "health_care.childbirth_allowance.self_employed");
        switches.forEach((id, parameter) -> known.put(id, "never applies: only where a reform turns on " + parameter));
        KNOWN = Collections.unmodifiableMap(known);
        SWITCHES = Collections.unmodifiableMap(switches);
    }

    /** @return the switches of {@link #SWITCHES} that are no longer false on every date (their exceptions are stale) */
    static Set<String> staleSwitches(List<ParameterValue> audit) {
        Set<String> stale = new TreeSet<>();
        for (String parameter : new TreeSet<>(SWITCHES.values())) {
            List<ParameterValue> values = audit.stream().filter(v -> v.id().equals(parameter)).toList();
            if (values.isEmpty() || values.stream().anyMatch(v -> !v.value().equals("false"))) stale.add(parameter);
        }
        return stale;
    }

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--sweep", description = "run the temporal sweep")
    boolean sweep;

    @Option(names = "--coverage", description = "run the rule coverage of a generated population")
    boolean coverage;

    @Option(names = "--parameters", description = "list every parameter value with its source and confidence")
    boolean parameters;

    @Option(names = "--provisional", description = "list the provisional values and the decisions that rest on them")
    boolean provisional;

    @Option(names = "--seed", defaultValue = "20250630", paramLabel = "SEED", description = "seed of the generated population (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", defaultValue = "4000", paramLabel = "N", description = "workers in the generated population: 40 %% of every kind, 40 %% with life events, 20 %% garment employees (default: ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--from", defaultValue = "2008-01", paramLabel = "YYYY-MM", description = "first month of the sweep (default: ${DEFAULT-VALUE})")
    YearMonth from;

    @Option(names = "--to", defaultValue = "2060-12", paramLabel = "YYYY-MM", description = "last month of the sweep (default: ${DEFAULT-VALUE})")
    YearMonth to;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "output: text (default) or json")
    Format format;

    @Override
    public Integer call() {
        check();
        boolean all = !sweep && !coverage && !parameters && !provisional;
        EligibilityEngine engine = nssf.engine();
        // the sweep works on any engine; the other parts read the rule base's description (EligibilityEngine.rules, parameterAudit)
        if (engine.rules().isEmpty() && (all || coverage || parameters || provisional)) {
            throw new IllegalStateException("nssf verify --coverage, --parameters and --provisional need an engine that describes its rules "
                    + "and parameters (eligibility-rules), not " + engine.getClass().getName());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        PrintWriter out = spec.commandLine().getOut();
        boolean failed = false;
        List<Population.Member> population = (all || coverage || provisional) ? Population.of(seed, size) : List.of();
        if (all || sweep) {
            List<ProblemRun> problems = sweep(engine);
            failed |= !problems.isEmpty();
            if (format == Format.json) json.put("sweep", Map.of("from", from.toString(), "to", to.toString(), "problems", problems));
            else printSweep(out, problems);
        }
        if (all || coverage) {
            RuleCoverage cov = coverage(engine, population);
            Set<String> stale = staleSwitches(engine.parameterAudit());
            // an exception whose switch is now on (in some period) no longer excuses its rules
            List<RuleCoverage.Count> missing = cov.notBothWays(id -> KNOWN.containsKey(id) && (!SWITCHES.containsKey(id) || !stale.contains(SWITCHES.get(id))));
            failed |= !missing.isEmpty();
            if (format == Format.json) json.put("coverage", coverageJson(cov, missing));
            else printCoverage(out, cov, missing);
        }
        if (all || parameters) {
            if (format == Format.json) json.put("parameters", engine.parameterAudit());
            else printParameters(out, engine.parameterAudit());
        }
        if (provisional) {
            Map<String, Map<String, Integer>> uses = provisionalUses(engine, population);
            List<ParameterValue> values = engine.parameterAudit().stream()
                    .filter(v -> v.confidence() == Confidence.PROVISIONAL).toList();
            if (format == Format.json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (ParameterValue v : values) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("value", v);
                    m.put("usedBy", uses.getOrDefault(key(v.id(), v.from()), Map.of()));
                    list.add(m);
                }
                json.put("provisional", Map.of("assessments", population.size(), "values", list));
            } else {
                printProvisional(out, values, uses, population.size());
            }
        }
        if (format == Format.json) out.print(NssfJson.write(json));
        out.flush();
        return failed ? 1 : 0;
    }

    private void check() {
        if (size < 0 || size > 10_000_000) throw new InvalidInputException("--size", "is " + size, "a whole number from 0 to 10,000,000");
        String months = "a month YYYY-MM from " + ContributionPeriod.FIRST_MONTH + " to " + ContributionPeriod.LAST_MONTH;
        if (from.isBefore(ContributionPeriod.FIRST_MONTH) || from.isAfter(ContributionPeriod.LAST_MONTH)) {
            throw new InvalidInputException("--from", "is " + from, months);
        }
        if (to.isBefore(ContributionPeriod.FIRST_MONTH) || to.isAfter(ContributionPeriod.LAST_MONTH)) {
            throw new InvalidInputException("--to", "is " + to, months);
        }
        if (to.isBefore(from)) throw new InvalidInputException("--to", "(" + to + ") is before --from (" + from + ")", "a month not before --from");
    }

    // ------------------------------------------------------------------ (a) the temporal sweep

    /** The profiles of the sweep: the bundled examples, then built-in ones at the places where the law turns. */
    static List<WorkerProfile> sweepProfiles() {
        List<WorkerProfile> out = new ArrayList<>();
        for (Examples.Example e : Examples.all()) out.add(e.profile());
        YearMonth first = ContributionPeriod.FIRST_MONTH;
        YearMonth last = ContributionPeriod.LAST_MONTH;
        Money wage = Money.khr(1_500_000);
        Money low = Money.khr(180_000);
        // an employee of an enterprise of 5 (below the pre-2018 threshold), turning 60 as the pension scheme starts
        out.add(builtIn("employee-5-sixty-in-2022", LocalDate.of(1962, 7, 15), EmploymentStatus.EMPLOYEE, 5, null,
                new ContributionPeriod(first, last, wage, true, Set.of(), null, null)));
        // an employee whose size is unknown, born on 29 February, paid in dollars then unpaid
        out.add(builtIn("employee-leap-day", LocalDate.of(1964, 2, 29), EmploymentStatus.EMPLOYEE, null, null,
                new ContributionPeriod(first, YearMonth.of(2019, 12), Money.usd(new BigDecimal("320.50"), new BigDecimal("4100")), true, Set.of(), null, null),
                new ContributionPeriod(YearMonth.of(2020, 3), last, wage, false, Set.of(), null, null)));
        // employment starting in 2030
        out.add(builtIn("employee-starting-2030", LocalDate.of(1990, 10, 10), EmploymentStatus.EMPLOYEE, null, LocalDate.of(2030, 6, 15),
                new ContributionPeriod(YearMonth.of(2030, 6), last, wage, true, Set.of(), null, null)));
        out.add(builtIn("public-employee", LocalDate.of(1970, 3, 3), EmploymentStatus.PUBLIC_EMPLOYEE, null, null,
                new ContributionPeriod(first, last, wage, true, Set.of(), null, null)));
        // self-employed, turning 60 on the day the nationwide voluntary scheme starts
        out.add(builtIn("self-employed-sixty-on-2023-11-14", LocalDate.of(1963, 11, 14), EmploymentStatus.SELF_EMPLOYED, null, null,
                new ContributionPeriod(YearMonth.of(2023, 1), last, low, true, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), null, null)));
        out.add(builtIn("informal", LocalDate.of(1985, 8, 20), EmploymentStatus.INFORMAL, 3, null,
                new ContributionPeriod(first, last, low, true, Set.of(), 3, null)));
        return out;
    }

    private static WorkerProfile builtIn(String id, LocalDate birth, EmploymentStatus status, Integer workers, LocalDate start,
                                         ContributionPeriod... history) {
        return WorkerProfile.builder(id).birthDate(birth).sex(Sex.FEMALE).employmentStatus(status)
                .sector(status == EmploymentStatus.PUBLIC_EMPLOYEE ? Sector.PUBLIC_ADMINISTRATION : Sector.GARMENT)
                .enterpriseWorkers(workers).employmentStart(start).history(List.of(history)).build();
    }

    /** One problem of the sweep: a profile, a month end, what is wrong. */
    record Problem(String profile, LocalDate date, String problem) { }

    /**
     * The same problem of one profile on a run of month ends.
     *
     * @param profile the profile's id
     * @param problem what is wrong
     * @param first   the first month end it shows
     * @param last    the last month end it shows
     * @param count   on how many month ends
     */
    record ProblemRun(String profile, String problem, LocalDate first, LocalDate last, int count) {
        String line() {
            return count == 1 ? profile + " on " + first + ": " + problem
                    : profile + ": " + problem + " (" + count + " month ends, " + first + " to " + last + ")";
        }
    }

    /** @return the problems found, the same problem of a profile grouped over its month ends, sorted */
    List<ProblemRun> sweep(EligibilityEngine engine) {
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        sweepProfiles().parallelStream().forEach(p -> {
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                LocalDate d = m.atEndOfMonth();
                if (d.isBefore(p.birthDate())) continue;
                Assessment a;
                try {
                    a = engine.assess(AssessmentRequest.of(p, d));
                } catch (IllegalStateException e) {
                    problems.add(new Problem(p.id(), d, e.getMessage()));
                    continue;
                }
                for (Scheme s : Scheme.values()) {
                    long n = a.decisionsFor(s).stream().filter(x -> x.benefit() == Benefit.COVERAGE).count();
                    if (n == 0) problems.add(new Problem(p.id(), d, "gap: no coverage decision for " + s));
                    if (n > 1) problems.add(new Problem(p.id(), d, "overlap: " + n + " coverage decisions for " + s));
                }
                for (LifeEvent e : p.events()) {
                    if (e.date().isAfter(d)) continue;
                    if (a.decisions().stream().noneMatch(x -> e.date().equals(x.eventDate()))) {
                        problems.add(new Problem(p.id(), d, "gap: no benefit decision for the " + e.getClass().getSimpleName() + " of " + e.date()));
                    }
                }
            }
        });
        Map<String, List<Problem>> byKind = new TreeMap<>();
        for (Problem p : problems) byKind.computeIfAbsent(p.profile() + "\u0000" + p.problem(), k -> new ArrayList<>()).add(p);
        List<ProblemRun> runs = new ArrayList<>();
        byKind.values().forEach(ps -> {
            ps.sort(java.util.Comparator.comparing(Problem::date));
            runs.add(new ProblemRun(ps.get(0).profile(), ps.get(0).problem(), ps.get(0).date(), ps.get(ps.size() - 1).date(), ps.size()));
        });
        runs.sort(java.util.Comparator.comparing(ProblemRun::profile).thenComparing(ProblemRun::first).thenComparing(ProblemRun::problem));
        return runs;
    }

    private void printSweep(PrintWriter out, List<ProblemRun> problems) {
        List<WorkerProfile> profiles = sweepProfiles();
        out.printf(Locale.ROOT, "Temporal sweep: %d profiles (the %d examples and %d built-in), every month end from %s to %s%n",
                profiles.size(), Examples.all().size(), profiles.size() - Examples.all().size(), from, to);
        if (problems.isEmpty()) {
            out.println("  no gap, no overlap");
        } else {
            out.printf(Locale.ROOT, "  %d problems (month ends: %d):%n", problems.size(), problems.stream().mapToInt(ProblemRun::count).sum());
            for (ProblemRun p : problems.subList(0, Math.min(problems.size(), 100))) out.println("  - " + p.line());
            if (problems.size() > 100) out.printf(Locale.ROOT, "  ... and %d more%n", problems.size() - 100);
        }
        out.println();
    }

    // ------------------------------------------------------------------ (b) rule coverage

    /**
     * A generated population: 40 % workers of every kind ({@link WorkerProfiles#any()}), 40 % with life events, 20 %
     * garment employees with 6 to 60 months of history around the minimum wage and life events; then the examples.
     */
    static final class Population {
        record Member(String label, AssessmentRequest request) { }

        static List<Member> of(long seed, int size) {
            List<Member> out = new ArrayList<>();
            int any = size * 2 / 5;
            int events = size * 2 / 5;
            int garment = size - any - events;
            for (ProfileCase c : WorkerProfiles.any().sample(seed, any)) out.add(new Member("generated", c.request()));
            for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(seed, events)) out.add(new Member("generated with events", c.request()));
            for (ProfileCase c : WorkerProfiles.employees().inSector(Sector.GARMENT).withHistoryMonths(6, 60).withLifeEvents().sample(seed, garment)) {
                out.add(new Member("generated garment worker", c.request()));
            }
            for (Examples.Example e : Examples.all()) out.add(new Member("examples/" + e.file(), AssessmentRequest.of(e.profile(), e.asOf())));
            return out;
        }
    }

    private static RuleCoverage coverage(EligibilityEngine engine, List<Population.Member> population) {
        List<RuleCoverage.Rule> rules = new ArrayList<>();
        for (RuleDescription r : engine.rules()) rules.add(new RuleCoverage.Rule(r.id(), r.scheme(), r.benefit().name()));
        RuleCoverage cov = new RuleCoverage(rules);
        population.parallelStream().forEach(m -> cov.add(engine.assess(m.request())));
        return cov;
    }

    private Map<String, Object> coverageJson(RuleCoverage cov, List<RuleCoverage.Count> missing) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("assessments", cov.assessments());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (RuleCoverage.Count c : cov.counts()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", c.rule().id());
            r.put("scheme", c.rule().scheme());
            r.put("benefit", c.rule().benefit());
            r.put("applied", c.applied());
            r.put("notApplied", c.notApplied());
            r.put("known", KNOWN.get(c.rule().id()));
            rules.add(r);
        }
        m.put("rules", rules);
        m.put("notBothWays", missing.stream().map(c -> c.rule().id()).toList());
        return m;
    }

    private void printCoverage(PrintWriter out, RuleCoverage cov, List<RuleCoverage.Count> missing) {
        List<RuleCoverage.Count> counts = cov.counts();
        long both = counts.stream().filter(RuleCoverage.Count::bothWays).count();
        out.printf(Locale.ROOT, "Rule coverage: %d assessments (%d generated workers, seed %d, and the examples)%n", cov.assessments(), size, seed);
        out.print(indent(cov.table()));
        out.printf(Locale.ROOT, "  %d rules: %d seen to apply and to not apply, %d known exceptions, %d not seen both ways%n",
                counts.size(), both, counts.stream().filter(c -> !c.bothWays() && KNOWN.containsKey(c.rule().id())).count(), missing.size());
        for (Map.Entry<String, String> k : KNOWN.entrySet()) out.printf(Locale.ROOT, "  known: %-11s %s%n", k.getKey(), k.getValue());
        for (String p : staleSwitches(nssf.engine().parameterAudit())) {
            out.printf(Locale.ROOT, "  STALE EXCEPTION: %s is no longer off on every date: its rules must be seen both ways%n", p);
        }
        for (RuleCoverage.Count c : missing) {
            out.printf(Locale.ROOT, "  NOT SEEN BOTH WAYS: %s (applied %d, not applied %d)%n", c.rule().id(), c.applied(), c.notApplied());
        }
        out.println();
    }

    // ------------------------------------------------------------------ (c) parameters

    private static void printParameters(PrintWriter out, List<ParameterValue> values) {
        out.printf(Locale.ROOT, "Parameters: %d values of %d parameters%n", values.size(),
                values.stream().map(ParameterValue::id).distinct().count());
        out.printf(Locale.ROOT, "  %-58s %-10s %-30s %-7s %-11s %s%n", "parameter", "from", "value", "unit", "confidence", "source");
        for (ParameterValue v : values) {
            out.printf(Locale.ROOT, "  %-58s %-10s %-30s %-7s %-11s %s%n", v.id(), v.from(), v.value(), v.unit(),
                    v.confidence().name().toLowerCase(Locale.ROOT), source(v));
        }
        out.println();
    }

    private static String source(ParameterValue v) {
        return v.source().article().isEmpty() ? v.source().instrument() : v.source().instrument() + ", " + v.source().article();
    }

    private static String key(String id, LocalDate from) {
        return id + "|" + from;
    }

    /** @return per provisional value (id|from), the number of decisions (by "SCHEME BENEFIT") and lines (by "SCHEME lines") using it */
    private static Map<String, Map<String, Integer>> provisionalUses(EligibilityEngine engine, List<Population.Member> population) {
        Map<String, Map<String, Integer>> uses = new TreeMap<>();
        population.parallelStream().forEach(m -> {
            Assessment a = engine.assess(m.request());
            Map<String, Set<String>> local = new TreeMap<>();
            for (Decision d : a.decisions()) {
                for (Reason r : d.reasons()) for (ParameterUse u : r.parameters()) {
                    if (u.provisional()) local.computeIfAbsent(key(u.id(), u.effectiveFrom()), k -> new TreeSet<>()).add(d.scheme() + " " + d.benefit());
                }
            }
            for (ContributionLine l : a.contributions()) {
                for (ParameterUse u : l.parameters()) {
                    if (u.provisional()) local.computeIfAbsent(key(u.id(), u.effectiveFrom()), k -> new TreeSet<>()).add(l.scheme() + " contribution lines");
                }
            }
            for (ComplianceFinding f : a.compliance()) {
                for (ParameterUse u : f.parameters()) {
                    if (u.provisional()) local.computeIfAbsent(key(u.id(), u.effectiveFrom()), k -> new TreeSet<>()).add("compliance " + f.issue());
                }
            }
            synchronized (uses) {
                local.forEach((k, what) -> what.forEach(w -> uses.computeIfAbsent(k, x -> new TreeMap<>()).merge(w, 1, Integer::sum)));
            }
        });
        return uses;
    }

    private static void printProvisional(PrintWriter out, List<ParameterValue> values,
                                         Map<String, Map<String, Integer>> uses, int assessments) {
        out.printf(Locale.ROOT, "Provisional values: %d; what rests on each, in %d assessments (the generated population and the examples)%n",
                values.size(), assessments);
        for (ParameterValue v : values) {
            out.printf(Locale.ROOT, "  %s from %s = %s %s (%s)%n", v.id(), v.from(), v.value(), v.unit(), source(v));
            if (v.note() != null && !v.note().isBlank()) out.println("      why provisional: " + v.note().strip());
            Map<String, Integer> u = uses.getOrDefault(key(v.id(), v.from()), Map.of());
            if (u.isEmpty()) out.println("      used by: nothing in these assessments");
            u.forEach((what, n) -> out.printf(Locale.ROOT, "      used by: %-50s in %d assessments%n", what, n));
        }
        out.println();
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) sb.append("  ").append(line).append('\n');
        return sb.toString();
    }
}
