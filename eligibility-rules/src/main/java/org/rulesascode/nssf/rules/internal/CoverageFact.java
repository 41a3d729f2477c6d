package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.EmploymentStatus;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The worker as she stands on the as-of date, with the parameters in force that day. */
public final class CoverageFact extends Subject {
    private final LocalDate asOf;
    private final LocalDate employmentStart;
    private final boolean employed;
    private final int vhcUnpaidRun;
    private final boolean vhcMember;

    /**
     * @param vhcUnpaidRun the longest run of consecutive months without a paid voluntary health-care contribution,
     *                     between the first and the last month of voluntary membership in the history, counting a
     *                     month as unpaid only once its payment is overdue on the as-of date
     * @param vhcMember    true when the history has a month up to the as-of date that declares the voluntary scheme
     */
    public CoverageFact(EmploymentStatus status, Integer enterpriseWorkers, long age, Params params, LocalDate asOf,
                        LocalDate employmentStart, int vhcUnpaidRun, boolean vhcMember) {
        super(status, enterpriseWorkers, age, params);
        this.asOf = asOf;
        this.employmentStart = employmentStart;
        this.employed = employmentStart == null || !employmentStart.isAfter(asOf);
        this.vhcUnpaidRun = vhcUnpaidRun;
        this.vhcMember = vhcMember;
    }

    public boolean isVhcMember() { return vhcMember; }

    public int getVhcUnpaidRun() { return vhcUnpaidRun; }

    @Override public LocalDate getDate() { return asOf; }
    /** @return false when the profile's employment starts after the as-of date */
    public boolean isEmployed() { return employed; }
    public LocalDate getEmploymentStart() { return employmentStart; }

    @Override
    public Map<String, String> facts() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("asOf", asOf.toString());
        m.put("employmentStatus", getStatus().name());
        m.put("age", Long.toString(getAge()));
        m.put("enterpriseWorkers", getEnterpriseWorkers() == null ? "unknown" : getEnterpriseWorkers().toString());
        if (employmentStart != null) m.put("employmentStart", employmentStart.toString());
        if (getStatus() == EmploymentStatus.SELF_EMPLOYED) {
            m.put("vhcMember", Boolean.toString(vhcMember));
            m.put("vhcUnpaidRun", Integer.toString(vhcUnpaidRun));
        }
        return m;
    }
}
