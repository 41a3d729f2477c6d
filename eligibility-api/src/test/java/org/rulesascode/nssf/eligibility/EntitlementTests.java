package org.rulesascode.nssf.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Entitlement#value()} and {@link Decision#value()}: every expected number worked out by hand in the comment. */
class EntitlementTests {

    private static Entitlement of(Long amount, AmountPeriod period, Integer days) {
        return new Entitlement(amount, period, days, false, amount == null ? "not known" : null);
    }

    @Test
    void once_isTheAmount() {
        // a funeral grant of 4,000,000 riel paid once
        assertThat(of(4_000_000L, AmountPeriod.ONCE, null).value()).isEqualTo(4_000_000L);
        // a number of days does not multiply a one-off amount
        assertThat(of(4_000_000L, AmountPeriod.ONCE, 90).value()).isEqualTo(4_000_000L);
    }

    @Test
    void perDay_timesDays() {
        // 20,417 a day for 90 days: 20,417 × 90 = 1,837,530
        assertThat(of(20_417L, AmountPeriod.PER_DAY, 90).value()).isEqualTo(1_837_530L);
        // one day: the amount itself
        assertThat(of(20_417L, AmountPeriod.PER_DAY, 1).value()).isEqualTo(20_417L);
    }

    @Test
    void perDay_withoutDays_isUndetermined() {
        assertThat(of(20_417L, AmountPeriod.PER_DAY, null).value()).isNull();
    }

    @Test
    void perMonth_withDays_timesDaysOver30() {
        // half of an 852,800 wage (426,400 a month) for 90 days of maternity leave: 426,400 × 90 / 30 = 1,279,200, exact
        assertThat(of(426_400L, AmountPeriod.PER_MONTH, 90).value()).isEqualTo(1_279_200L);
        // 100 a month for 7 days: 700 / 30 = 23.33… → 23
        assertThat(of(100L, AmountPeriod.PER_MONTH, 7).value()).isEqualTo(23L);
        // 100 a month for 8 days: 800 / 30 = 26.66… → 27
        assertThat(of(100L, AmountPeriod.PER_MONTH, 8).value()).isEqualTo(27L);
        // 45 a month for 1 day: 45 / 30 = 1.5, a half → rounded up to 2
        assertThat(of(45L, AmountPeriod.PER_MONTH, 1).value()).isEqualTo(2L);
        // 15 a month for 1 day: 0.5 → 1
        assertThat(of(15L, AmountPeriod.PER_MONTH, 1).value()).isEqualTo(1L);
    }

    @Test
    void perMonth_withoutDays_isTheFirstYear() {
        // a pension of 500,000 a month: 12 × 500,000 = 6,000,000
        assertThat(of(500_000L, AmountPeriod.PER_MONTH, null).value()).isEqualTo(6_000_000L);
    }

    @Test
    void unknownAmountOrPeriod_isUndetermined() {
        assertThat(of(null, AmountPeriod.ONCE, null).value()).isNull();
        assertThat(of(null, AmountPeriod.PER_DAY, 90).value()).isNull();
        assertThat(of(1_000L, null, 90).value()).isNull();
    }

    @Test
    void overflow_fails_neverWraps() {
        long big = Long.MAX_VALUE / 2 + 1;
        assertThatThrownBy(() -> of(big, AmountPeriod.PER_DAY, 2).value()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> of(big, AmountPeriod.PER_MONTH, null).value()).isInstanceOf(ArithmeticException.class);
        // Long.MAX_VALUE × 60 / 30 = 2 × Long.MAX_VALUE: no long holds it
        assertThatThrownBy(() -> of(Long.MAX_VALUE, AmountPeriod.PER_MONTH, 60).value()).isInstanceOf(ArithmeticException.class);
        // but Long.MAX_VALUE × 30 / 30 does, through the exact intermediate product
        assertThat(of(Long.MAX_VALUE, AmountPeriod.PER_MONTH, 30).value()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decisionValue_onlyWhenEligible() {
        Entitlement e = of(20_417L, AmountPeriod.PER_DAY, 90);
        assertThat(decision(Outcome.ELIGIBLE, e).value()).isEqualTo(1_837_530L);
        assertThat(decision(Outcome.NOT_ELIGIBLE, e).value()).isNull();
        assertThat(decision(Outcome.NEEDS_INFORMATION, e).value()).isNull();
        assertThat(decision(Outcome.ELIGIBLE, null).value()).isNull();
    }

    private static Decision decision(Outcome outcome, Entitlement e) {
        return new Decision(Scheme.HEALTH_CARE, Benefit.MATERNITY_ALLOWANCE, outcome, e, List.of(), List.of(), false, List.of());
    }
}
