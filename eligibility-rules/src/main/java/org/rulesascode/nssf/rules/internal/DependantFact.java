package org.rulesascode.nssf.rules.internal;

import org.kie.api.runtime.rule.RuleContext;
import org.rulesascode.nssf.eligibility.AmountPeriod;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One dependant the profile declares, as she stands on the as-of date, with the parameters in force that day: what
 * the rules of {@code rules/voluntary_health_care/dependants.drl} judge to tell whether the worker may enrol her in
 * the voluntary health-care scheme (Sub-decree 280). Inserted only when the profile declares dependants. Immutable.
 *
 * <p>The subject's employment status and enterprise size are null: they are the worker's, not the dependant's, and
 * the rules that look at them (registration) must not judge a dependant. {@link #getAge()} is the dependant's age in
 * whole years on the as-of date, or -1 when her birth date is unknown.
 */
public final class DependantFact extends Subject {
    /** Id of the child age limit (the only number of the dependant rules besides the start date). */
    public static final String CHILD_MAX_AGE = "voluntary_health_care.dependants.child_max_age";
    /** Id of the spouse age limit. */
    public static final String SPOUSE_MAX_AGE = "voluntary_health_care.dependants.spouse_max_age";
    /** Id of the monthly contribution for one dependant. */
    public static final String CONTRIBUTION = "voluntary_health_care.dependants.contribution";

    private final int index;
    private final Person person;
    private final LocalDate asOf;

    /**
     * @param index  position of the dependant in the profile's list, from 0
     * @param params the parameters in force on the as-of date
     */
    public DependantFact(int index, Person person, LocalDate asOf, Params params) {
        super(null, null, person.birthDate() == null || person.birthDate().isAfter(asOf) ? -1 : Period.between(person.birthDate(), asOf).getYears(), params);
        this.index = index;
        this.person = person;
        this.asOf = asOf;
    }

    /** @return the position in the profile's list of dependants, from 0 */
    public int getIndex() { return index; }
    public Relation getRelation() { return person.relation(); }
    /** @return true when the birth date is known (and not after the as-of date) */
    public boolean isAgeKnown() { return getAge() >= 0; }
    /** @return true when disabled or chronically ill */
    public boolean isDisabled() { return person.disabled(); }
    /** @return true when the dependant has an occupation or income of her own */
    public boolean isHasIncome() { return person.hasIncome(); }
    @Override public LocalDate getDate() { return asOf; }

    @Override
    public Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("asOf", asOf.toString());
        m.put("dependant", Integer.toString(index + 1));
        m.put("dependantPath", "dependants[" + index + "]");
        m.put("relation", person.relation().name());
        m.put("dependantBirthDate", person.birthDate() == null ? "unknown" : person.birthDate().toString());
        m.put("dependantAge", isAgeKnown() ? Long.toString(getAge()) : "unknown");
        m.put("disabled", Boolean.toString(person.disabled()));
        m.put("hasIncome", Boolean.toString(person.hasIncome()));
        BigDecimal max = getParams().num(person.relation() == Relation.SPOUSE ? SPOUSE_MAX_AGE : CHILD_MAX_AGE);
        if (max != null && person.birthDate() != null) m.put("ageLimitReachedOn", person.birthDate().plusYears(max.longValueExact()).toString());
        return m;
    }

    /**
     * The decision's amount when dependants can be enrolled: the flat monthly contribution for one dependant
     * ({@value #CONTRIBUTION}) times the number of declared dependants who qualify. Undetermined when no amount is in
     * force (a reform may end it).
     *
     * @param coverage   the person on the as-of date, the subject of the enrolment decision
     * @param qualifying how many declared dependants qualify (at least 1)
     */
    public static BenefitFinding enrolmentContribution(RuleContext k, CoverageFact coverage, int qualifying) {
        BigDecimal each = coverage.getParams().num(CONTRIBUTION);
        Text who = Text.of(qualifying == 1 ? "text.one_dependant" : "text.n_dependants", "n", qualifying);
        if (each == null) {
            return BenefitFinding.undetermined(k, coverage, AmountPeriod.PER_MONTH, null, Text.of("undetermined.vhc.dependant_contribution"),
                    List.of(Text.of("step.vhc.dependant_contribution_unknown", "dependants", who)));
        }
        long amount = each.longValueExact() * qualifying;
        return BenefitFinding.amount(k, coverage, amount, AmountPeriod.PER_MONTH, null,
                List.of(Text.of("step.vhc.dependant_contribution", "each", HealthCareCalc.khr(each.longValueExact()),
                        "dependants", who, "result", HealthCareCalc.khr(amount))));
    }
}
