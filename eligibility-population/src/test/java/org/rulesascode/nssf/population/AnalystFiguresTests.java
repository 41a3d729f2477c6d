package org.rulesascode.nssf.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.population.internal.CsvProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an analyst reads (issue 9, part 4): cost per payer, better and worse off per person, a scheme switched on
 * counted once, the warning when histories end before the reform, estimates scaled from the sample with its size,
 * amounts for people, and compliance by sector. Expected figures are worked out by hand in the comments.
 */
class AnalystFiguresTests {

    @TempDir
    Path dir;

    static PersonResult.DecisionResult decision(Benefit b, Outcome o, Long value) {
        return new PersonResult.DecisionResult(Scheme.HEALTH_CARE, b, LocalDate.of(2025, 3, 1), o, value != null, value, value == null ? null : AmountPeriod.ONCE,
                null, false, false, value, true);
    }

    static PersonResult person(String id, Sector sector, String wageBand, List<PersonResult.DecisionResult> ds, long contributions) {
        return new PersonResult(1, id, Sex.FEMALE, EmploymentStatus.EMPLOYEE, sector, "25-34", wageBand, YearMonth.of(2025, 6), ds,
                contributions == 0 ? Map.of() : Map.of(Scheme.PENSION, new PersonResult.Contributions(contributions, contributions / 2, contributions / 2,
                        contributions, contributions / 2, contributions / 2)), null);
    }

    static Comparison.Flip flip(Benefit b, Comparison.Change c, Outcome bo, Outcome ro, Long delta) {
        return new Comparison.Flip(Comparison.Flip.DECISION, Scheme.HEALTH_CARE, b, LocalDate.of(2025, 3, 1), c, bo, ro, null, null, null, null, null, delta,
                true, "", "", false);
    }

    @Test
    void annualCost_isAddedUpPerPayer_neverMixed() {
        // one person: childbirth allowance 400,000 (State), employer's maternity pay 1,200,000 (employer), maternity allowance 900,000 (NSSF)
        RunSummary s = new RunSummary();
        s.add(person("a", Sector.GARMENT, Valuation.WAGE_BANDS.get(1), List.of(decision(Benefit.CHILDBIRTH_ALLOWANCE, Outcome.ELIGIBLE, 400_000L),
                decision(Benefit.EMPLOYER_MATERNITY_PAY, Outcome.ELIGIBLE, 1_200_000L), decision(Benefit.MATERNITY_ALLOWANCE, Outcome.ELIGIBLE, 900_000L)), 0));
        assertThat(s.annualCost(Payer.STATE)).isEqualTo(400_000L);
        assertThat(s.annualCost(Payer.EMPLOYER)).isEqualTo(1_200_000L);
        assertThat(s.annualCost(Payer.NSSF)).isEqualTo(900_000L);
        assertThat(Payer.of(Benefit.COVERAGE)).isNull();
    }

    @Test
    void betterAndWorseOff_countEveryPersonWhoseAmountOrContributionsChange_notOnlyOutcomeFlips() {
        CompareSummary s = new CompareSummary();
        String band = Valuation.WAGE_BANDS.get(2);
        // a: her allowance doubles (same outcome, +400,000): better off, no gainer
        s.add(person("a", Sector.GARMENT, band, List.of(), 0), person("a", Sector.GARMENT, band, List.of(), 0),
                List.of(flip(Benefit.MATERNITY_ALLOWANCE, Comparison.Change.AMOUNT_UP, Outcome.ELIGIBLE, Outcome.ELIGIBLE, 400_000L)));
        // b: pays more (contributions 100,000 → 160,000) and nothing else: paying more, neither better nor worse off
        s.add(person("b", Sector.CONSTRUCTION, band, List.of(), 100_000), person("b", Sector.CONSTRUCTION, band, List.of(), 160_000),
                List.of(new Comparison.Flip(Comparison.Flip.CONTRIBUTIONS, Scheme.PENSION, null, null, Comparison.Change.AMOUNT_UP, null, null,
                        100_000L, 160_000L, null, 100_000L, 160_000L, 60_000L, true, "", "", false)));
        // c: a scheme switched on gives her a decision "not covered" (and e: "not in force" becomes "not covered"): no change for them
        s.add(person("c", Sector.GARMENT, band, List.of(), 0), person("c", Sector.GARMENT, band, List.of(), 0),
                List.of(new Comparison.Flip(Comparison.Flip.DECISION, Scheme.UNEMPLOYMENT, Benefit.COVERAGE, null, Comparison.Change.OTHER, null,
                        Outcome.NOT_COVERED, null, null, null, null, null, 0L, false, "", "", false)));
        s.add(person("e", Sector.GARMENT, band, List.of(), 0), person("e", Sector.GARMENT, band, List.of(), 0),
                List.of(flip(Benefit.COVERAGE, Comparison.Change.OTHER, Outcome.NOT_IN_FORCE, Outcome.NOT_COVERED, 0L)));
        // d: loses a benefit worth 300,000: worse off and a loser
        s.add(person("d", Sector.GARMENT, band, List.of(), 0), person("d", Sector.GARMENT, band, List.of(), 0),
                List.of(flip(Benefit.SICKNESS_ALLOWANCE, Comparison.Change.LOSS, Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE, -300_000L)));
        CompareSummary.Group all = s.all();
        assertThat(all.persons()).isEqualTo(5);
        assertThat(all.personsWithFlips()).isEqualTo(5);
        assertThat(all.personsChanged()).as("a, b and d; not c nor e").isEqualTo(3);
        assertThat(all.betterOff()).isEqualTo(1);
        assertThat(all.worseOff()).isEqualTo(1);
        assertThat(all.payingMore()).isEqualTo(1);
        assertThat(all.payingLess()).isZero();
        assertThat(all.gainers()).isZero();
        assertThat(all.losers()).isEqualTo(1);
        assertThat(s.withoutEffect()).containsExactly(Map.entry(Scheme.HEALTH_CARE, 1L), Map.entry(Scheme.UNEMPLOYMENT, 1L));
        assertThat(s.breakdowns().get("wageBand")).containsOnlyKeys(band);
        assertThat(s.breakdowns().get("wageBand").get(band).payingMore()).isEqualTo(1);
        Reform none = Reform.none();
        assertThat(s.warnings(none, LocalDate.of(2025, 6, 30))).hasSize(2).last().asString()
                .contains("The scheme UNEMPLOYMENT is switched on or off: 1 decision changes", "one change of the rules");
    }

    @Test
    void aReformAfterTheHistories_isAWarning_notSilentlyNoChange() {
        CompareSummary s = new CompareSummary();
        PersonResult p = person("a", Sector.GARMENT, Valuation.WAGE_BANDS.get(1), List.of(), 0);
        s.add(p, p, List.of());
        Reform later = new Reform("later", "", List.of(new Reform.Change("pension.contributable_wage.ceiling", LocalDate.of(2027, 1, 1), 2_000_000L,
                false, "", "")), List.of());
        assertThat(s.warnings(later, LocalDate.of(2028, 6, 30))).singleElement().asString()
                .contains("end in 2025-06, before the reform's first date 2027-01-01");
        assertThat(s.warnings(later, LocalDate.of(2025, 6, 30))).hasSize(2).first().asString().contains("before the reform's first date");
    }

    @Test
    void presentation_scalesFromTheSample_andWritesAmountsForPeople() {
        Presentation p = new Presentation(4_335_501L, 4_000L);
        // 3 of 1,000 → 3 × 4,335,501 / 1,000 = 13,006.503 → 13,007
        assertThat(p.scaled(3, 1_000)).isEqualTo(13_007L);
        assertThat(p.scaled(-3, 1_000)).isEqualTo(-13_007L);
        assertThat(Presentation.NONE.scaled(3, 1_000)).isNull();
        // 1,234,567,890 riel = 1.23 billion; at 4,000 riel per dollar 308,641.97… → US$ 308,642
        assertThat(p.riel(1_234_567_890L)).isEqualTo("1.23 billion riel (US$ 308,642)");
        assertThat(Presentation.NONE.riel(45_650_000L)).isEqualTo("45.7 million riel");
        assertThat(Presentation.NONE.signedRiel(-812_000L)).isEqualTo("-812,000 riel");
        assertThat(Presentation.NONE.signedRiel(250_000_000_000L)).isEqualTo("+250 billion riel");
        assertThatThrownBy(() -> new Presentation(0L, null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("--scale-to");
    }

    @Test
    void run_withCompliance_countsWorkersBelowTheMinimumWage_andUnpaidMonths_bySector() throws Exception {
        // garment minimum wage in 2024-2025 is above 150 USD (rules reference, prakas 2023/2024): "low" is below it;
        // "unpaid" declares a normal wage but did not pay; "ok" is neither
        Path file = dir.resolve("c.csv");
        Files.writeString(file, CsvProfiles.HEADER + "\n"
                + "low,1995-01-15,FEMALE,EMPLOYEE,GARMENT,2024-01-08,900,2024-01,2025-06,150,USD,4100,true,\n"
                + "unpaid,1990-01-15,MALE,EMPLOYEE,CONSTRUCTION,2024-01-08,60,2024-01,2025-06,1500000,KHR,,false,\n"
                + "ok,1990-01-15,MALE,EMPLOYEE,CONSTRUCTION,2024-01-08,60,2024-01,2025-06,1500000,KHR,,true,\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("compliance");
        EligibilityEngine engine = EligibilityEngine.standard();
        RunSummary s = PopulationRunner.run(engine, new PopulationRunner.Options(LocalDate.of(2025, 6, 30), file, InputFormat.csv, out, 1, null,
                true, new Presentation(300L, null)));
        assertThat(s.assessed()).isEqualTo(3);
        assertThat(s.compliance().get(Sector.GARMENT).wageBelowMinimum()).isEqualTo(1);
        assertThat(s.compliance().get(Sector.CONSTRUCTION).unpaidContributions()).isEqualTo(1);
        assertThat(s.compliance().get(Sector.CONSTRUCTION).missingContributions()).isPositive();
        JsonNode j = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertThat(j.at("/compliance/all/workers").asLong()).isEqualTo(3);
        assertThat(j.at("/compliance/all/wageBelowMinimum").asLong()).isEqualTo(1);
        // scaled from 3 to 300: × 100
        assertThat(j.at("/scaling/sampleSize").asLong()).isEqualTo(3);
        assertThat(j.at("/scaling/estimates/workersBelowMinimumWage").asLong()).isEqualTo(100);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertThat(csv.get(0)).endsWith(",wageBelowMinimum,unpaidContributions,lateRegistration,missingContributions,benefitsLost");
        assertThat(csv.get(1)).startsWith("2,low,FEMALE,EMPLOYEE,GARMENT,25-34,").contains(",true,false,");
        // without --compliance: no compliance figures and empty columns
        Path plain = dir.resolve("plain");
        PopulationRunner.run(engine, new PopulationRunner.Options(LocalDate.of(2025, 6, 30), file, InputFormat.csv, plain, 1, null));
        assertThat(new ObjectMapper().readTree(plain.resolve("summary.json").toFile()).has("compliance")).isFalse();
        assertThat(Files.readAllLines(plain.resolve("results.csv")).get(1)).endsWith(",,,,,");
    }

    @Test
    void run_withCompliance_totalsWhatTheBreachesCostInBenefits_bySector() throws Exception {
        // A garment worker who gave birth on 2025-06-02 and left February-May 2025 unpaid: 8 paid months of the 12 before
        // the birth (June 2024 to January 2025) fall short of the 9 the maternity allowance needs; paid, she would have
        // had 12: 852,800 declared → 875,000 band → 29,166.67 a day × 70 % = 20,417 a day for 90 days = 1,837,530 riel.
        // Her employer's maternity pay depends on her service, not on contributions: no change. A second worker with
        // the same history but no event loses no benefit.
        org.rulesascode.nssf.eligibility.WorkerProfile.Builder b = org.rulesascode.nssf.eligibility.WorkerProfile.builder("m")
                .birthDate(LocalDate.of(1996, 3, 14)).sex(org.rulesascode.nssf.eligibility.Sex.FEMALE)
                .employmentStatus(org.rulesascode.nssf.eligibility.EmploymentStatus.EMPLOYEE).sector(Sector.GARMENT)
                .wage(org.rulesascode.nssf.eligibility.Money.usd(new java.math.BigDecimal("208"), new java.math.BigDecimal("4100")))
                .employmentStart(LocalDate.of(2024, 6, 1))
                .period(org.rulesascode.nssf.eligibility.ContributionPeriod.paid(java.time.YearMonth.of(2024, 6), java.time.YearMonth.of(2025, 1),
                        org.rulesascode.nssf.eligibility.Money.khr(852_800)))
                .period(new org.rulesascode.nssf.eligibility.ContributionPeriod(java.time.YearMonth.of(2025, 2), java.time.YearMonth.of(2025, 5),
                        org.rulesascode.nssf.eligibility.Money.khr(852_800), false, java.util.Set.of(), null, null));
        var mother = b.event(new org.rulesascode.nssf.eligibility.Childbirth(LocalDate.of(2025, 6, 2), 1, 39, LocalDate.of(2025, 2, 1))).build();
        var other = b.events(List.of()).build();
        RunSummary s = PopulationRunner.run(EligibilityEngine.standard(), Population.of(List.of(mother, other)), LocalDate.of(2025, 6, 30), 1,
                null, null, true);
        RunSummary.ComplianceTotals garment = s.compliance().get(Sector.GARMENT);
        assertThat(garment.unpaidContributions()).isEqualTo(2);
        assertThat(garment.benefitsLost()).isEqualTo(1_837_530L);
        assertThat(garment.workersLosingBenefits()).isEqualTo(1);
        // 4 months × (OR 7,000 + HC 22,750 + pension 17,056 + 17,056) = 255,448 each
        assertThat(garment.missingContributions()).isEqualTo(2 * 255_448L);
    }
}
