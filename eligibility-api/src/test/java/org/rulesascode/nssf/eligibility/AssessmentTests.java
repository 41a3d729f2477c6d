package org.rulesascode.nssf.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Assessment#contributionsFor}, the ignored events and the back-compatible constructors. */
class AssessmentTests {

    private static ContributionLine line(YearMonth month, Scheme scheme, long employer, long worker) {
        return new ContributionLine(month, scheme, 1_000_000L, new BigDecimal("0.02"), employer, worker, employer + worker, true,
                false, "X-01", List.of(), List.of());
    }

    private static final YearMonth MAY = YearMonth.of(2025, 5);
    private static final YearMonth JUNE = YearMonth.of(2025, 6);
    private static final List<ContributionLine> LINES = List.of(
            line(MAY, Scheme.OCCUPATIONAL_RISK, 8_000, 0), line(MAY, Scheme.HEALTH_CARE, 13_000, 13_000),
            line(JUNE, Scheme.OCCUPATIONAL_RISK, 8_000, 0), line(JUNE, Scheme.HEALTH_CARE, 13_000, 13_000),
            line(JUNE, Scheme.PENSION, 20_000, 20_000));

    @Test
    void contributionsFor_givesTheLinesOfThatMonthOnly_inSchemeOrder() {
        Assessment a = new Assessment("p", LocalDate.of(2025, 6, 30), "v", List.of(), LINES);
        assertThat(a.contributionsFor(JUNE)).extracting(ContributionLine::scheme)
                .containsExactly(Scheme.OCCUPATIONAL_RISK, Scheme.HEALTH_CARE, Scheme.PENSION);
        assertThat(a.contributionsFor(JUNE)).allMatch(l -> l.month().equals(JUNE));
        assertThat(a.contributionsFor(MAY)).hasSize(2);
        assertThat(a.contributionsFor(YearMonth.of(2025, 7))).isEmpty();
    }

    @Test
    void ignoredEvents_defaultEmpty_keptByOutcomesOnly() {
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        assertThat(new Assessment("p", asOf, "v", List.of(), LINES).ignoredEvents()).isEmpty();
        assertThat(new Assessment("p", asOf, "v", List.of(), LINES, List.of()).ignoredEvents()).isEmpty();
        assertThat(new Assessment("p", asOf, "v", List.of(), LINES, List.of(), null).ignoredEvents()).isEmpty();
        LifeEvent later = new Sickness(LocalDate.of(2025, 7, 1), 3);
        Assessment a = new Assessment("p", asOf, "v", List.of(), LINES, List.of(), List.of(later));
        assertThat(a.ignoredEvents()).containsExactly(later);
        assertThat(a.outcomesOnly().ignoredEvents()).containsExactly(later);
    }

    @Test
    void requestEventsAfterAsOf_excludesTheAsOfDateItself() {
        LocalDate asOf = LocalDate.of(2025, 6, 30);
        LifeEvent before = new Sickness(LocalDate.of(2025, 6, 1), 3);
        LifeEvent onAsOf = new Sickness(asOf, 3);
        LifeEvent dayAfter = new Sickness(asOf.plusDays(1), 3);
        LifeEvent muchLater = new Sickness(LocalDate.of(2030, 1, 1), 3);
        WorkerProfile p = WorkerProfile.builder("p").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
                .employmentStatus(EmploymentStatus.EMPLOYEE)
                .event(muchLater).event(before).event(dayAfter).event(onAsOf).build();
        assertThat(AssessmentRequest.of(p, asOf).eventsAfterAsOf()).containsExactly(muchLater, dayAfter);
    }
}
