package org.rulesascode.nssf.rules.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo's key is derived from the DRL ({@link MemoPlan}); these tests pin what it holds for the standard rules (read
 * off the DRL by hand) and show that the lint fails, naming the rule, when a rule reads something the key cannot hold.
 */
class MemoPlanTests {
    static final Map<String, String> STANDARD = RuleBase.standardDrl();
    static final String SPAN_RULES = RuleBase.DRL_FOLDER + "pension/contributions.drl";

    @Test
    void theStandardRulesHaveNoProblem_andTheKeysHoldExactlyWhatTheRulesRead() {
        MemoPlan plan = MemoPlan.of(STANDARD);
        assertThat(plan.problems()).isEmpty();
        // span rules (registration, contributions) compare status, enterprise size and age, and ask whether the month
        // declares the voluntary scheme; the declared wage enters only the contribution functions, the paid flag and
        // the months only the contribution lines built after the rules
        assertThat(plan.properties(SpanFact.class)).containsExactlyInAnyOrder("status", "enterpriseWorkers", "age", "params", "declaresVoluntaryHealthCare");
        assertThat(plan.properties(SpanFact.class)).doesNotContain("wage", "paid", "from", "to");
        // age and size are only compared with parameters: keyed by the side of each threshold
        assertThat(plan.thresholds(SpanFact.class)).containsOnlyKeys("age", "enterpriseWorkers");
        assertThat(plan.thresholds(SpanFact.class).get("enterpriseWorkers")).extracting(MemoPlan.Threshold::expr).containsOnly("params.minEnterpriseWorkers");
        assertThat(plan.thresholds(SpanFact.class).get("age")).extracting(MemoPlan.Threshold::expr)
                .containsOnly("params.pensionAgeLimit", "params.vhcMaxJoinAge");
        assertThat(plan.properties(CoverageFact.class)).contains("status", "employed", "vhcMember", "vhcUnpaidRun", "age", "enterpriseWorkers", "params")
                .doesNotContain("employmentStart", "asOf", "date");
        // UNE-CON-00 reads its worker's coverage fact: only whether unemployment is in force on the as-of date
        assertThat(plan.coverageOfSpan()).containsExactly("params");
        assertThat(plan.coverageOfSpanParams()).containsExactly("unemploymentInForce");
    }

    @Test
    void aSpanRuleReadingMoreOfItsWorkersCoverageFact_putsItInTheSpanKey() {
        String then = "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));";
        // another getter of the snapshot: keyed by its value too
        MemoPlan getter = withRule(rule("PEN-CON-85", "    $s : SpanFact()\n    CoverageFact(owner == $s.owner, params.pensionInForce)", then));
        assertThat(getter.problems()).isEmpty();
        assertThat(getter.coverageOfSpanParams()).containsExactlyInAnyOrder("unemploymentInForce", "pensionInForce");
        // a parameter read by id, or the snapshot passed on: the whole snapshot is keyed
        MemoPlan byId = withRule(rule("PEN-CON-84", "    $s : SpanFact()\n    CoverageFact(owner == $s.owner, params.flag(\"pension.in_force\"))", then));
        assertThat(byId.problems()).isEmpty();
        assertThat(byId.coverageOfSpanParams()).isNull();
        // the coverage fact bound: its consequence could read what the key does not hold
        MemoPlan bound = withRule(rule("PEN-CON-83", "    $s : SpanFact()\n    $c : CoverageFact(owner == $s.owner)", then));
        assertThat(bound.problems()).anySatisfy(p -> assertThat(p).startsWith("PEN-CON-83: a span rule binds its worker's coverage fact"));
        // and the memo keys a span by the value read: the same key on two snapshots that agree on it
        RuleMemo memo = new RuleMemo(MemoPlan.of(STANDARD), true);
        java.util.List<Params> snapshots = RuleSet.standard().timeline().snapshots();
        Params a = snapshots.get(snapshots.size() - 1);
        Params b = snapshots.get(snapshots.size() - 2);
        assertThat(a.isUnemploymentInForce()).isEqualTo(b.isUnemploymentInForce());
        assertThat(memo.sameSnapshot(a, b)).isFalse();
        assertThat(memo.sameCoverageOfSpan(coverage(a), coverage(b))).isTrue();
    }

    private static CoverageFact coverage(Params p) {
        return new CoverageFact(org.rulesascode.nssf.eligibility.EmploymentStatus.EMPLOYEE, 20, 30, p, java.time.LocalDate.of(2028, 6, 30),
                java.time.LocalDate.of(2020, 1, 1), 0, false);
    }

    @Test
    void theEventKindsWhoseRulesReadContributions_areThePensionEvents() {
        // read off the DRL by hand: only the pension benefit rules (old age, invalidity, survivors) collect contribution
        // findings, each on an event of one kind; sickness, childbirth and injury rules read the event's own history
        assertThat(MemoPlan.of(STANDARD).contributionEventKinds()).containsExactlyInAnyOrder("RETIREMENT_CLAIM", "INVALIDITY", "DEATH");
        // a rule that starts reading them on a sickness adds its kind; on an event of no one kind, every kind
        String onSickness = rule("PEN-CON-89", "    $e : EventFact(kind == EventKind.SICKNESS)\n"
                + "    $c : java.util.List() from collect( ContributionFinding(span.owner == $e.owner) )",
                "    insert(Finding.note(kcontext, $e, CriterionStatus.MET, null));");
        assertThat(withRule(onSickness).contributionEventKinds()).contains("SICKNESS", "DEATH");
        String onAny = rule("PEN-CON-88", "    $e : EventFact(workRelated)\n"
                + "    $c : java.util.List() from collect( ContributionFinding(span.owner == $e.owner) )",
                "    insert(Finding.note(kcontext, $e, CriterionStatus.MET, null));");
        assertThat(withRule(onAny).contributionEventKinds()).isNull();
        String twoKinds = rule("PEN-CON-87", "    $e : EventFact(kind == EventKind.SICKNESS || kind == EventKind.CHILDBIRTH)\n"
                + "    ContributionFinding(span.owner == $e.owner)",
                "    insert(Finding.note(kcontext, $e, CriterionStatus.MET, null));");
        assertThat(withRule(twoKinds).contributionEventKinds()).isNull();
        String notJoined = rule("PEN-CON-86", "    $e : EventFact(kind == EventKind.SICKNESS)\n    ContributionFinding()",
                "    insert(Finding.note(kcontext, $e, CriterionStatus.MET, null));");
        assertThat(withRule(notJoined).contributionEventKinds()).isNull();
    }

    @Test
    void theEventMemoServesThePensionEvents_onlyWhileTheirRulesReadTheWholePensionContributions() {
        MemoPlan standard = MemoPlan.of(STANDARD);
        assertThat(standard.contributionEventProblems()).isEmpty();
        assertThat(new RuleMemo(standard, true).contributionEventsEnabled()).isTrue();
        String then = "    insert(PensionCalc.outcome(kcontext, $e, $c, Outcome.ELIGIBLE));";
        // the whole pension contributions, collected: the form the memo computes again on a later worker's own
        String whole = rule("PEN-OA-97", "    $e : EventFact(kind == EventKind.RETIREMENT_CLAIM)\n"
                + "    $c : java.util.List() from collect( ContributionFinding(span.owner == $e.owner, PensionCalc.isPension(this)) )", then);
        assertThat(withRule(whole).contributionEventProblems()).isEmpty();
        // a condition on the contributions themselves, or contributions not collected whole: not accounted for
        String paidOnly = rule("PEN-OA-96", "    $e : EventFact(kind == EventKind.RETIREMENT_CLAIM)\n"
                + "    $c : java.util.List() from collect( ContributionFinding(span.owner == $e.owner, PensionCalc.isPension(this), span.paid) )", then);
        assertThat(withRule(paidOnly).contributionEventProblems()).anySatisfy(p -> assertThat(p).startsWith("PEN-OA-96: reads contributions other than"));
        String one = rule("PEN-OA-95", "    $e : EventFact(kind == EventKind.RETIREMENT_CLAIM)\n"
                + "    ContributionFinding(span.owner == $e.owner, PensionCalc.isPension(this))", "    insert(Finding.note(kcontext, $e, CriterionStatus.MET, null));");
        assertThat(withRule(one).contributionEventProblems()).anySatisfy(p -> assertThat(p).startsWith("PEN-OA-95: reads contributions other than"));
        // a calculation on the list that the memo does not read as one value
        String call = rule("PEN-OA-94", "    $e : EventFact(kind == EventKind.RETIREMENT_CLAIM)\n"
                + "    $c : java.util.List(PensionCalc.months($e, this).size() > 3) from collect( ContributionFinding(span.owner == $e.owner, PensionCalc.isPension(this)) )", then);
        assertThat(withRule(call).contributionEventProblems()).anySatisfy(p -> assertThat(p).startsWith("PEN-OA-94: a condition calls PensionCalc.months"));
        assertThat(withRule(call).eventMemoProblems()).as("the other events are still served").isEmpty();
    }

    /** The standard DRL with one more rule in the pension contributions file. */
    private static MemoPlan withRule(String rule) {
        Map<String, String> drl = new TreeMap<>(STANDARD);
        drl.put(SPAN_RULES, drl.get(SPAN_RULES) + "\n" + rule + "\n");
        return MemoPlan.of(drl);
    }

    private static String rule(String id, String when, String then) {
        return "rule \"" + id + " test\"\n    @id(\"" + id + "\") @scheme(\"PENSION\") @benefit(\"COVERAGE\") @cites(\"prakas-170-2022\")\nwhen\n" + when + "\nthen\n" + then + "\nend";
    }

    @Test
    void aRuleThatStartsReadingTheWageInAConditionPutsTheWageInTheKey() {
        MemoPlan plan = withRule(rule("PEN-CON-98", "    $s : SpanFact(wage > params.pensionFloor)", "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));"));
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.thresholds(SpanFact.class)).containsKey("wage"); // compared with a parameter: by its side
        MemoPlan raw = withRule(rule("PEN-CON-98", "    $s : SpanFact(wage % 2 == 0)", "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));"));
        assertThat(raw.properties(SpanFact.class)).contains("wage");
        assertThat(raw.thresholds(SpanFact.class)).doesNotContainKey("wage"); // read otherwise: by its value
    }

    @Test
    void theLintFails_namingTheRule_forEveryReadTheKeyCannotHold() {
        Map<String, String> cases = Map.of(
                "a consequence passing the fact to an unknown function",
                rule("PEN-CON-91", "    $s : SpanFact()", "    insert(PensionCalc.something(kcontext, $s));"),
                "a consequence reading a property through a local",
                rule("PEN-CON-92", "    $s : SpanFact()", "    SpanFact x = $s;\n    insert(Finding.note(kcontext, x, CriterionStatus.MET, null));"),
                "a constraint calling a method of the fact",
                rule("PEN-CON-93", "    $s : SpanFact(months() != null)", "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));"),
                "a finding not tied to the rule's fact",
                rule("PEN-CON-94", "    $s : SpanFact()\n    Finding(topic == \"REG\")", "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));"),
                "two spans joined",
                rule("PEN-CON-95", "    $s : SpanFact()\n    $t : SpanFact(owner == $s.owner, this != $s)", "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));"),
                "a second fact of another worker",
                rule("PEN-CON-96", "    $s : SpanFact()\n    CoverageFact(params.pensionInForce)", "    insert(Finding.note(kcontext, $s, CriterionStatus.MET, null));"),
                "a modify",
                rule("PEN-CON-97", "    $s : SpanFact()", "    modify($s) { };"),
                "an event rule reading findings about a span",
                rule("PEN-CON-99", "    $e : EventFact()\n    Finding(subject.owner == $e.owner)", "    insert(Finding.note(kcontext, $e, CriterionStatus.MET, null));"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String id = c.getValue().substring(6, 16);
            List<String> problems = withRule(c.getValue()).problems();
            assertThat(problems).as(c.getKey()).isNotEmpty();
            assertThat(problems).as(c.getKey()).allMatch(p -> p.startsWith(id + ":"));
        }
    }

    @Test
    void aPlanWithAProblemTurnsTheMemoOff() {
        MemoPlan plan = withRule(rule("PEN-CON-91", "    $s : SpanFact()", "    insert(PensionCalc.something(kcontext, $s));"));
        assertThat(new RuleMemo(plan, true).enabled()).isFalse();
        assertThat(new RuleMemo(MemoPlan.of(STANDARD), true).enabled()).isTrue();
        assertThat(new RuleMemo(MemoPlan.of(STANDARD), false).enabled()).isFalse();
    }

    @Test
    void thresholdSides_byHand() {
        // x >= 8 and x < 8 cut at 8; x > 59 and x <= 59 at 60; x == 3 at 3 and 4; x >= 7.5 at 8 (the same cut)
        List<MemoPlan.Threshold> ts = List.of(new MemoPlan.Threshold(">=", "8"), new MemoPlan.Threshold("<", "8"),
                new MemoPlan.Threshold(">", "59"), new MemoPlan.Threshold("<=", "59"), new MemoPlan.Threshold("==", "3"));
        long[] cuts = MemoPlan.cuts(ts, RuleSet.standard().timeline().snapshots().get(0));
        assertThat(cuts).containsExactly(3, 4, 8, 60);
        // sides: below 3 | 3 | 4..7 | 8..59 | 60 and above
        assertThat(List.of(MemoPlan.side(-5, cuts), MemoPlan.side(0, cuts), MemoPlan.side(2, cuts))).containsOnly(0);
        assertThat(MemoPlan.side(3, cuts)).isEqualTo(1);
        assertThat(MemoPlan.side(4, cuts)).isEqualTo(MemoPlan.side(7, cuts)).isEqualTo(2);
        assertThat(MemoPlan.side(8, cuts)).isEqualTo(MemoPlan.side(59, cuts)).isEqualTo(3);
        assertThat(MemoPlan.side(60, cuts)).isEqualTo(MemoPlan.side(1000, cuts)).isEqualTo(4);
    }

    @Test
    void aThresholdReadsTheParameterOfTheSnapshot() {
        Params p2017 = RuleSet.standard().timeline().at(java.time.LocalDate.of(2017, 6, 1));
        Params p2019 = RuleSet.standard().timeline().at(java.time.LocalDate.of(2019, 6, 1));
        // registration: at least 8 workers before 2018, at least 1 from 2018 (Prakas 448)
        assertThat(MemoPlan.threshold("params.minEnterpriseWorkers", p2017)).isEqualByComparingTo("8");
        assertThat(MemoPlan.threshold("params.minEnterpriseWorkers", p2019)).isEqualByComparingTo("1");
        MemoPlan.Threshold t = new MemoPlan.Threshold(">=", "params.minEnterpriseWorkers");
        long[] cuts2017 = MemoPlan.cuts(List.of(t), p2017);
        assertThat(MemoPlan.side(7, cuts2017)).isNotEqualTo(MemoPlan.side(8, cuts2017));
        long[] cuts2019 = MemoPlan.cuts(List.of(t), p2019);
        assertThat(MemoPlan.side(7, cuts2019)).isEqualTo(MemoPlan.side(8, cuts2019));
    }

    // ------------------------------------------------------------------ the event memo

    @Test
    void theEventMemoAccountsForEveryStandardEventRule_andKeysTheEnterpriseSizeByTheRegistrationThreshold() {
        MemoPlan plan = MemoPlan.of(STANDARD);
        assertThat(plan.eventMemoProblems()).isEmpty();
        // read off the DRL by hand: the registration rules (on any Subject) compare the enterprise size with the
        // registration threshold only; no event rule reads it otherwise
        assertThat(plan.eventThresholds()).containsKey("enterpriseWorkers");
        assertThat(plan.eventThresholds().get("enterpriseWorkers")).extracting(MemoPlan.Threshold::expr).containsOnly("params.minEnterpriseWorkers");
        assertThat(new RuleMemo(plan, true).eventsEnabled()).isTrue();
    }

    @Test
    void theEventLintFails_namingTheRule_forEveryReadTheEventMemoCannotAccountFor() {
        String then = "    insert(Finding.criterion(kcontext, $e, CriterionStatus.MET));";
        // a calculation in a condition that the memo does not read as one value (its reads inside would be keyed raw)
        MemoPlan call = withRule(rule("HC-SIC-97", "    $e : EventFact(kind == EventKind.SICKNESS, HealthCareCalc.dailyWage(this, null) != null)", then));
        assertThat(call.eventMemoProblems()).singleElement().asString().startsWith("HC-SIC-97: a condition calls HealthCareCalc.dailyWage");
        assertThat(new RuleMemo(call, true).eventsEnabled()).isFalse();
        assertThat(new RuleMemo(call, true).enabled()).as("the first-phase memo still serves").isTrue();
        // an amount the memo cannot compute again
        MemoPlan amount = withRule(rule("HC-SIC-96", "    $e : EventFact(kind == EventKind.SICKNESS)",
                "    insert(HealthCareCalc.dailyWage($e, null));"));
        assertThat(amount.eventMemoProblems()).singleElement().asString().startsWith("HC-SIC-96: the consequence calls HealthCareCalc.dailyWage");
        // a consequence reading the fact itself
        MemoPlan reads = withRule(rule("HC-SIC-95", "    $e : EventFact(kind == EventKind.WORK_INJURY)",
                "    if ($e.getEnterpriseWorkers() > 50) insert(Finding.criterion(kcontext, $e, CriterionStatus.MET));"));
        assertThat(reads.eventMemoProblems()).anySatisfy(p -> assertThat(p).startsWith("HC-SIC-95: the consequence reads $e.getEnterpriseWorkers()"));
        // a condition reading the enterprise size other than against a threshold: keyed by value, no problem
        MemoPlan raw = withRule(rule("HC-SIC-94", "    $e : EventFact(kind == EventKind.SICKNESS, enterpriseWorkers memberOf java.util.List.of(3, 5))", then));
        assertThat(raw.eventMemoProblems()).isEmpty();
        assertThat(raw.eventThresholds()).doesNotContainKey("enterpriseWorkers");
        // the rules of a kind whose rules read contributions are judged apart: a problem there turns the memo off for
        // those events only
        MemoPlan pension = withRule(rule("PEN-OLD-97", "    $e : EventFact(kind == EventKind.RETIREMENT_CLAIM, HealthCareCalc.dailyWage(this, null) != null)", then));
        assertThat(pension.eventMemoProblems()).isEmpty();
        assertThat(pension.contributionEventProblems()).singleElement().asString().startsWith("PEN-OLD-97: a condition calls HealthCareCalc.dailyWage");
        assertThat(new RuleMemo(pension, true).eventsEnabled()).isTrue();
        assertThat(new RuleMemo(pension, true).contributionEventsEnabled()).isFalse();
        // but an event rule of no one kind is
        MemoPlan anyKind = withRule(rule("HC-ANY-97", "    $e : EventFact(HealthCareCalc.dailyWage(this, null) != null)", then));
        assertThat(anyKind.eventMemoProblems()).singleElement().asString().startsWith("HC-ANY-97: a condition calls HealthCareCalc.dailyWage");
    }
}
