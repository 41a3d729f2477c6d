package org.rulesascode.nssf.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.rulesascode.nssf.eligibility.Reform;

/**
 * A {@link Reform} as plain serializable data: what travels to the executors (broadcast) and keys their engine cache.
 * {@code Reform} itself is not {@code Serializable}; this copy holds the same names, dated values and DRL texts, and
 * gives back an equal {@code Reform} with {@link #toReform()}. Equal reforms give equal data (record equality).
 */
record ReformData(String name, String description, List<ChangeData> changes, List<RuleData> rules) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The empty reform: the standard rules and parameters. */
    static final ReformData NONE = of(Reform.none());

    /** One dated value; {@code value} is a Long, BigDecimal, Boolean, LocalDate, a list of {@link BracketData}, or null. */
    record ChangeData(String parameterId, LocalDate from, Serializable value, boolean illustrative, String note, String location)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One bracket of a scale. */
    record BracketData(Long upTo, long value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One DRL file of a structural reform, with its text. */
    record RuleData(String name, String drl) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    static ReformData of(Reform r) {
        Objects.requireNonNull(r, "reform");
        List<ChangeData> cs = new ArrayList<>(r.changes().size());
        for (Reform.Change c : r.changes()) {
            cs.add(new ChangeData(c.parameterId(), c.from(), value(c.value()), c.illustrative(), c.note(), c.location()));
        }
        List<RuleData> rs = new ArrayList<>(r.ruleFiles().size());
        for (Reform.RuleFile f : r.ruleFiles()) rs.add(new RuleData(f.name(), f.drl()));
        return new ReformData(r.name(), r.description(), List.copyOf(cs), List.copyOf(rs));
    }

    private static Serializable value(Object v) {
        if (v == null || v instanceof Long || v instanceof BigDecimal || v instanceof Boolean || v instanceof LocalDate) return (Serializable) v;
        if (v instanceof List<?> list) {
            List<BracketData> bs = new ArrayList<>(list.size());
            for (Object o : list) {
                Reform.Bracket b = (Reform.Bracket) o;
                bs.add(new BracketData(b.upTo(), b.value()));
            }
            return (Serializable) List.copyOf(bs);
        }
        throw new IllegalArgumentException("a reform value of type " + v.getClass().getName()); // Reform.Change admits no other type
    }

    /** @return the reform this data was made from (equal to it) */
    Reform toReform() {
        List<Reform.Change> cs = new ArrayList<>(changes.size());
        for (ChangeData c : changes) {
            Object v = c.value();
            if (v instanceof List<?> list) {
                List<Reform.Bracket> bs = new ArrayList<>(list.size());
                for (Object o : list) {
                    BracketData b = (BracketData) o;
                    bs.add(new Reform.Bracket(b.upTo(), b.value()));
                }
                v = bs;
            }
            cs.add(new Reform.Change(c.parameterId(), c.from(), v, c.illustrative(), c.note(), c.location()));
        }
        List<Reform.RuleFile> rs = new ArrayList<>(rules.size());
        for (RuleData f : rules) rs.add(new Reform.RuleFile(f.name(), f.drl()));
        return new Reform(name, description, cs, rs);
    }

    boolean isEmpty() {
        return changes.isEmpty() && rules.isEmpty();
    }
}
