package org.rulesascode.nssf.eligibility;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything the rules look at about one worker. Immutable and validated on construction: a bad value throws
 * {@link InvalidInputException} naming the field. Build one with {@link #builder(String)}.
 *
 * <p>Ranges ({@link Limits}): dates from 1900-01-01 to 2100-12-31 (a birth date to 2060-12-31), at most
 * {@value Limits#MAX_PERIODS} history periods, {@value Limits#MAX_EVENTS} events and {@value Limits#MAX_PERSONS}
 * dependants, an enterprise of at most {@value Limits#MAX_ENTERPRISE_WORKERS} workers.
 *
 * @param id                an identifier chosen by the caller (1 to 100 characters), echoed in the assessment
 * @param birthDate         date of birth, required
 * @param sex               required
 * @param employmentStatus  required
 * @param sector            sector of work; {@link Sector#OTHER} when not given
 * @param wage              current monthly wage, or null when unknown
 * @param employmentStart   first day with the current employer, or null when unknown
 * @param enterpriseWorkers workers of the current enterprise, or null when unknown
 * @param history           contribution history; periods must not overlap; never null
 * @param events            life events in any order; never null
 * @param dependants        dependants; never null
 */
public record WorkerProfile(String id, LocalDate birthDate, Sex sex, EmploymentStatus employmentStatus, Sector sector,
                            Money wage, LocalDate employmentStart, Integer enterpriseWorkers,
                            List<ContributionPeriod> history, List<LifeEvent> events, List<Person> dependants) {

    public WorkerProfile {
        if (id == null || id.isBlank() || id.length() > Limits.MAX_ID_LENGTH) {
            throw new InvalidInputException("id", id == null ? "is missing" : id.isBlank() ? "is blank" : "is too long (" + id.length() + " characters)",
                    "1 to " + Limits.MAX_ID_LENGTH + " characters");
        }
        InvalidInputException.require(birthDate, "birthDate", "an ISO date YYYY-MM-DD");
        if (birthDate.getYear() < 1900 || birthDate.getYear() > 2060) {
            throw new InvalidInputException("birthDate", "is " + birthDate, "a date from 1900-01-01 to 2060-12-31");
        }
        InvalidInputException.require(sex, "sex", "FEMALE or MALE");
        InvalidInputException.require(employmentStatus, "employmentStatus", "EMPLOYEE, PUBLIC_EMPLOYEE, SELF_EMPLOYED or INFORMAL");
        sector = sector == null ? Sector.OTHER : sector;
        Limits.checkDate(employmentStart, "employmentStart");
        if (employmentStart != null && employmentStart.isBefore(birthDate)) {
            throw new InvalidInputException("employmentStart", "(" + employmentStart + ") is before the birth date", "a date after birthDate");
        }
        checkWorkers(enterpriseWorkers, "enterpriseWorkers");
        checkSize(history, Limits.MAX_PERIODS, "history", "periods (one per month from 2008-01 to 2060-12)");
        checkSize(events, Limits.MAX_EVENTS, "events", "life events");
        checkSize(dependants, Limits.MAX_PERSONS, "dependants", "dependants");
        history = history == null ? List.of() : List.copyOf(history);
        events = events == null ? List.of() : List.copyOf(events);
        dependants = dependants == null ? List.of() : List.copyOf(dependants);
        checkHistory(history);
        YearMonth birthMonth = YearMonth.from(birthDate);
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).from().isBefore(birthMonth)) {
                throw new InvalidInputException("history[" + i + "].from", "(" + history.get(i).from() + ") is before the birth date (" + birthDate + ")",
                        "months from the birth month on");
            }
        }
        for (int i = 0; i < events.size(); i++) {
            LifeEvent e = Objects.requireNonNull(events.get(i));
            if (e.date().isBefore(birthDate)) {
                throw new InvalidInputException("events[" + i + "].date", "(" + e.date() + ") is before the birth date", "a date after birthDate");
            }
            if (e instanceof Childbirth && sex != Sex.FEMALE) {
                throw new InvalidInputException("events[" + i + "]", "is a childbirth in the profile of a male worker", "childbirth events for FEMALE workers only");
            }
        }
    }

    static void checkWorkers(Integer workers, String field) {
        if (workers != null && (workers < 1 || workers > Limits.MAX_ENTERPRISE_WORKERS)) {
            throw new InvalidInputException(field, "is " + workers + ", outside the accepted range",
                    "a whole number from 1 to " + Limits.MAX_ENTERPRISE_WORKERS + ", or absent");
        }
    }

    static void checkSize(List<?> list, int max, String field, String what) {
        if (list != null && list.size() > max) {
            throw new InvalidInputException(field, "has " + list.size() + " items, too many", "at most " + max + " " + what);
        }
    }

    private static void checkHistory(List<ContributionPeriod> history) {
        // the usual case, periods listed in order: each starts after the one before ends
        boolean inOrder = true;
        for (int i = 1; i < history.size() && inOrder; i++) inOrder = history.get(i).from().isAfter(history.get(i - 1).to());
        if (inOrder) return;
        // else by first month (the error names the two periods that overlap, however they are listed)
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) order.add(i);
        order.sort(Comparator.comparing(i -> history.get(i).from()));
        for (int k = 1; k < order.size(); k++) {
            ContributionPeriod prev = history.get(order.get(k - 1));
            ContributionPeriod cur = history.get(order.get(k));
            if (!cur.from().isAfter(prev.to())) {
                throw new InvalidInputException("history[" + order.get(k) + "]",
                        "(" + cur.from() + " to " + cur.to() + ") overlaps history[" + order.get(k - 1) + "] (" + prev.from() + " to " + prev.to() + ")",
                        "periods that do not overlap: one declared wage per month");
            }
        }
    }

    /** @return a builder for a profile with this id */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return a builder holding this profile's values, to derive a changed copy */
    public Builder toBuilder() {
        Builder b = new Builder(id).birthDate(birthDate).sex(sex).employmentStatus(employmentStatus).sector(sector)
                .wage(wage).employmentStart(employmentStart).enterpriseWorkers(enterpriseWorkers);
        b.history.addAll(history);
        b.events.addAll(events);
        b.dependants.addAll(dependants);
        return b;
    }

    /** Mutable, single-threaded builder of a {@link WorkerProfile}; {@link #build()} validates. */
    public static final class Builder {
        private String id;
        private LocalDate birthDate;
        private Sex sex;
        private EmploymentStatus employmentStatus;
        private Sector sector;
        private Money wage;
        private LocalDate employmentStart;
        private Integer enterpriseWorkers;
        private final List<ContributionPeriod> history = new ArrayList<>();
        private final List<LifeEvent> events = new ArrayList<>();
        private final List<Person> dependants = new ArrayList<>();

        private Builder(String id) { this.id = id; }

        public Builder id(String v) { id = v; return this; }
        public Builder birthDate(LocalDate v) { birthDate = v; return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder employmentStatus(EmploymentStatus v) { employmentStatus = v; return this; }
        public Builder sector(Sector v) { sector = v; return this; }
        public Builder wage(Money v) { wage = v; return this; }
        public Builder employmentStart(LocalDate v) { employmentStart = v; return this; }
        public Builder enterpriseWorkers(Integer v) { enterpriseWorkers = v; return this; }
        /** Adds one history period. */
        public Builder period(ContributionPeriod p) { history.add(p); return this; }
        /** Replaces the history. */
        public Builder history(List<ContributionPeriod> v) { history.clear(); history.addAll(v); return this; }
        /** Adds one life event. */
        public Builder event(LifeEvent e) { events.add(e); return this; }
        /** Replaces the events. */
        public Builder events(List<LifeEvent> v) { events.clear(); events.addAll(v); return this; }
        /** Adds one dependant. */
        public Builder dependant(Person p) { dependants.add(p); return this; }

        /** @return the validated profile
         * @throws InvalidInputException naming the first bad field */
        public WorkerProfile build() {
            return new WorkerProfile(id, birthDate, sex, employmentStatus, sector, wage, employmentStart,
                    enterpriseWorkers, history, events, dependants);
        }
    }
}
