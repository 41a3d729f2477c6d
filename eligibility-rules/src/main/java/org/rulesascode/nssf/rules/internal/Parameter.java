package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Confidence;
import org.rulesascode.nssf.eligibility.ParameterUse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One dated parameter: its values in date order, each holding from its date until the next. Immutable.
 *
 * @param id          dotted id = path below {@code parameters/}
 * @param description what it is
 * @param unit        KHR, USD, rate, month, day, year, count, date, boolean or scale
 * @param entries     values in strictly increasing date order
 */
public record Parameter(String id, String description, String unit, List<Entry> entries) {

    /**
     * One dated value.
     *
     * @param from       first day the value holds
     * @param value      BigDecimal, Boolean, LocalDate or {@link Scale}; null ends the parameter
     * @param source     the legal source
     * @param confidence how sure the reference is
     * @param note       why the value is what it is, in words a reader of the repository can follow
     * @param citationAfterDateReason why the source may be dated after the value's date (null when it is not)
     */
    public record Entry(LocalDate from, Object value, Citation source, Confidence confidence, String note,
                        String citationAfterDateReason) {
        /** An entry whose source is not dated after it. */
        public Entry(LocalDate from, Object value, Citation source, Confidence confidence, String note) {
            this(from, value, source, confidence, note, null);
        }

        /** @return the value as a decimal (for numeric units) */
        public BigDecimal decimal() { return (BigDecimal) value; }

        /** @return the value as text for explanations */
        public String display() {
            if (value == null) return "none (ended)";
            if (value instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
            return value.toString();
        }
    }

    public Parameter {
        entries = List.copyOf(entries);
    }

    /** @return the entry in force on {@code date}, or null when none (before the first date) */
    public Entry at(LocalDate date) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.from().isAfter(date)) break;
            found = e;
        }
        return found;
    }

    /** @return the explanation record of an entry of this parameter */
    public ParameterUse use(Entry e) {
        return new ParameterUse(id, e.display(), unit, e.from(), e.confidence(), e.source());
    }
}
