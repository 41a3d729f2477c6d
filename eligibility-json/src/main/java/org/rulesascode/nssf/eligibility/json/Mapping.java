package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;

/** The Jackson wiring of the API records: mix-ins (the API carries no Jackson annotation), strict date parsers. */
final class Mapping {
    private Mapping() { }

    static final String DATE = "a date YYYY-MM-DD";
    static final String MONTH = "a month YYYY-MM from " + ContributionPeriod.FIRST_MONTH + " to " + ContributionPeriod.LAST_MONTH;

    /** Registers the mix-ins and the strict scalar handling on {@code module}. */
    static SimpleModule module() {
        SimpleModule m = new SimpleModule("nssf-eligibility");
        m.setMixInAnnotation(LifeEvent.class, LifeEventMixin.class);
        m.setMixInAnnotation(Money.class, MoneyMixin.class);
        m.setMixInAnnotation(ContributionPeriod.class, PeriodMixin.class);
        m.setMixInAnnotation(Childbirth.class, ChildbirthMixin.class);
        m.setMixInAnnotation(Sickness.class, SicknessMixin.class);
        m.setMixInAnnotation(ContributionLine.class, LineMixin.class);
        m.addDeserializer(LocalDate.class, new Strict<>(LocalDate.class, Pattern.compile("\\d{4}-\\d{2}-\\d{2}"), LocalDate::parse, DATE, "a calendar date"));
        m.addDeserializer(YearMonth.class, new Strict<>(YearMonth.class, Pattern.compile("\\d{4}-\\d{2}"), YearMonth::parse, MONTH, "a calendar month"));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Set<?>> set = (Class) Set.class;
        m.addSerializer(set, new StdDelegatingSerializer(new Sorted()));
        return m;
    }

    /** A contribution line's rate is written as a decimal string ("0.008"), exact and never in exponent form. */
    abstract static class LineMixin {
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        abstract BigDecimal rate();
    }

    /** Events carry their kind in a "type" property. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Childbirth.class, name = "CHILDBIRTH"),
            @JsonSubTypes.Type(value = WorkInjury.class, name = "WORK_INJURY"),
            @JsonSubTypes.Type(value = Sickness.class, name = "SICKNESS"),
            @JsonSubTypes.Type(value = Death.class, name = "DEATH"),
            @JsonSubTypes.Type(value = RetirementClaim.class, name = "RETIREMENT_CLAIM"),
            @JsonSubTypes.Type(value = InvalidityClaim.class, name = "INVALIDITY")})
    interface LifeEventMixin { }

    /** Money is an object, or (in a profile) a plain whole number of riel. */
    abstract static class MoneyMixin {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        MoneyMixin(@JsonProperty("amount") BigDecimal amount, @JsonProperty("currency") Currency currency,
                   @JsonProperty("exchangeRate") BigDecimal exchangeRate) { }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Money khr(long riel) { throw new UnsupportedOperationException(); }
    }

    /** Read through {@link PeriodJson}, where {@code paid} defaults to true. */
    @JsonDeserialize(converter = ToPeriod.class)
    interface PeriodMixin { }

    /** A count that must be given: absent or null is an error, not 0. */
    abstract static class ChildbirthMixin {
        ChildbirthMixin(@JsonProperty("date") LocalDate date,
                        @JsonProperty(value = "babies", required = true) @JsonSetter(nulls = Nulls.FAIL) int babies,
                        @JsonProperty("pregnancyWeeks") Integer pregnancyWeeks, @JsonProperty("notifiedOn") LocalDate notifiedOn) { }
    }

    /** A count that must be given: absent or null is an error, not 0. */
    abstract static class SicknessMixin {
        SicknessMixin(@JsonProperty("date") LocalDate date,
                      @JsonProperty(value = "days", required = true) @JsonSetter(nulls = Nulls.FAIL) int days) { }
    }

    /** A history period as written in a profile: {@code paid} may be absent (true). */
    private record PeriodJson(YearMonth from, YearMonth to, Money declaredWage, Boolean paid, Set<Scheme> schemes,
                              Integer enterpriseWorkers, String employerId) { }

    static final class ToPeriod extends StdConverter<PeriodJson, ContributionPeriod> {
        @Override
        public ContributionPeriod convert(PeriodJson p) {
            return new ContributionPeriod(p.from(), p.to(), p.declaredWage(), p.paid() == null || p.paid(), p.schemes(),
                    p.enterpriseWorkers(), p.employerId());
        }
    }

    /** Writes sets (of schemes) in their natural order, so that output does not depend on hash order. */
    static final class Sorted extends StdConverter<Set<?>, Collection<?>> {
        @Override
        public Collection<?> convert(Set<?> set) {
            List<Object> list = new ArrayList<>(set);
            try {
                list.sort(null);
            } catch (ClassCastException notComparable) {
                return new ArrayList<>(set);
            }
            return list;
        }
    }

    /** Accepts only a JSON string of the exact ISO shape that is a real date (no numbers, arrays or lenient forms). */
    static final class Strict<T> extends StdScalarDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Pattern shape;
        private final transient Function<String, T> parse;
        private final String allowed;
        private final String what;

        Strict(Class<T> type, Pattern shape, Function<String, T> parse, String allowed, String what) {
            super(type);
            this.shape = shape;
            this.parse = parse;
            this.allowed = allowed;
            this.what = what;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) throw new InvalidInputException("", Errors.describe(p), allowed);
            String text = p.getText();
            if (!shape.matcher(text).matches()) throw new InvalidInputException("", Errors.describe(p), allowed);
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("", "is \"" + text + "\", which is not " + what, allowed);
            }
        }
    }
}
