package org.rulesascode.nssf.eligibility.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.Limits;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Person;
import org.rulesascode.nssf.eligibility.Relation;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sector;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;
import org.rulesascode.nssf.eligibility.WorkerProfile;

/**
 * The fast path of {@link NssfJson#readProfile(String)}: a hand-written reader over Jackson's streaming parser (no
 * data binding, no tree) for the well-formed profiles that make up almost every line of a population file.
 *
 * <p>It accepts only input whose meaning it knows for certain to be the same as the strict reader's, and builds the
 * same records through the same API constructors. On anything else it gives up and {@link #read} returns null, and
 * the caller reads the text again with the strict reader, which then gives the same profile or the error with its
 * JSON path and message. It gives up on: a member it does not know, a member given twice, a value of another JSON
 * type than the member's own (a string for a number, a decimal for a whole number, an object for a string…), a
 * whole number outside the range of its Java type, a date or month that is not exactly {@code YYYY-MM-DD} /
 * {@code YYYY-MM} of the calendar, an enum name that is not exactly one of the constants, null where the strict
 * reader refuses it or turns it into a default (a null element of a list, a null true/false of an event or a
 * dependant, a null count), an absent count ({@code babies}, {@code days}), an event whose {@code "type"} is not its
 * first member, a list longer than its limit, anything after the profile, any syntax error or limit of the parser
 * (the same {@link NssfJson#CONSTRAINTS}), and any value an API constructor refuses.
 *
 * <p>Thread-safe: no state but constants.
 */
final class FastProfileReader {
    /** The strict reader's parser settings, without its duplicate detection (done here, per object, with bit sets). */
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(NssfJson.CONSTRAINTS).build();

    private static final Names<Sex> SEXES = new Names<>(Sex.values());
    private static final Names<EmploymentStatus> STATUSES = new Names<>(EmploymentStatus.values());
    private static final Names<Sector> SECTORS = new Names<>(Sector.values());
    private static final Names<Currency> CURRENCIES = new Names<>(Currency.values());
    private static final Names<Scheme> SCHEMES = new Names<>(Scheme.values());
    private static final Names<Relation> RELATIONS = new Names<>(Relation.values());

    private FastProfileReader() { }

    /** Thrown to give up the fast path; preallocated, without stack trace. */
    private static final class Abandon extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Abandon INSTANCE = new Abandon();

        private Abandon() {
            super("fast path abandoned", null, false, false);
        }
    }

    /**
     * @param json the JSON text of one profile
     * @return the profile, exactly as the strict reader builds it; or null when this reader is not certain to read
     *         the text as the strict reader does (then read it with the strict reader)
     */
    static WorkerProfile read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            WorkerProfile profile = profile(p);
            if (p.nextToken() != null) return null;
            return profile;
        } catch (IOException | RuntimeException giveUp) {
            // Abandon, a syntax error or limit of the parser, or an InvalidInputException of an API constructor:
            // the strict reader reports it with its JSON path
            return null;
        }
    }

    /**
     * The field names of one kind of object in the order NssfJson writes them: the next name is first matched against
     * the one expected after the last (no lookup in the parser's symbol table when it is), then read as any name.
     */
    private static final class FieldNames {
        private final com.fasterxml.jackson.core.io.SerializedString[] names;

        FieldNames(String... names) {
            this.names = new com.fasterxml.jackson.core.io.SerializedString[names.length];
            for (int i = 0; i < names.length; i++) this.names[i] = new com.fasterxml.jackson.core.io.SerializedString(names[i]);
        }

        /** @return the next field name, the expected one ({@code k}) tried first; null at the end of the object */
        String next(JsonParser p, int k) throws IOException {
            if (k >= names.length) return p.nextFieldName();
            if (p.nextFieldName(names[k])) return names[k].getValue();
            return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        }

        /** @return the index of the name expected after {@code name} */
        int after(String name) {
            for (int i = 0; i < names.length; i++) if (names[i].getValue().equals(name)) return i + 1;
            return names.length;
        }
    }

    private static final FieldNames PROFILE = new FieldNames("id", "birthDate", "sex", "employmentStatus", "sector", "wage", "employmentStart",
            "enterpriseWorkers", "history", "events", "dependants");
    private static final FieldNames PERIOD = new FieldNames("from", "to", "declaredWage", "paid", "schemes", "enterpriseWorkers", "employerId");
    private static final FieldNames MONEY = new FieldNames("amount", "currency", "exchangeRate");

    private static WorkerProfile profile(JsonParser p) throws IOException {
        String id = null;
        LocalDate birthDate = null;
        Sex sex = null;
        EmploymentStatus status = null;
        Sector sector = null;
        Money wage = null;
        LocalDate employmentStart = null;
        Integer workers = null;
        List<ContributionPeriod> history = null;
        List<LifeEvent> events = null;
        List<Person> dependants = null;
        int seen = 0;
        int expected = 0;
        for (String name; (name = PROFILE.next(p, expected)) != null; ) {
            expected = PROFILE.after(name);
            JsonToken t = p.nextToken();
            switch (name) {
                case "id" -> { seen = once(seen, 1); id = string(p, t); }
                case "birthDate" -> { seen = once(seen, 1 << 1); birthDate = date(p, t); }
                case "sex" -> { seen = once(seen, 1 << 2); sex = constant(p, t, SEXES); }
                case "employmentStatus" -> { seen = once(seen, 1 << 3); status = constant(p, t, STATUSES); }
                case "sector" -> { seen = once(seen, 1 << 4); sector = constant(p, t, SECTORS); }
                case "wage" -> { seen = once(seen, 1 << 5); wage = money(p, t); }
                case "employmentStart" -> { seen = once(seen, 1 << 6); employmentStart = date(p, t); }
                case "enterpriseWorkers" -> { seen = once(seen, 1 << 7); workers = integer(p, t); }
                case "history" -> { seen = once(seen, 1 << 8); history = history(p, t); }
                case "events" -> { seen = once(seen, 1 << 9); events = events(p, t); }
                case "dependants" -> { seen = once(seen, 1 << 10); dependants = persons(p, t); }
                default -> throw Abandon.INSTANCE;
            }
        }
        end(p);
        return new WorkerProfile(id, birthDate, sex, status, sector, wage, employmentStart, workers, history, events, dependants);
    }

    private static List<ContributionPeriod> history(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw Abandon.INSTANCE;
        List<ContributionPeriod> list = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            if (list.size() == Limits.MAX_PERIODS) throw Abandon.INSTANCE;
            list.add(period(p));
        }
        if (t != JsonToken.END_ARRAY) throw Abandon.INSTANCE;
        return list;
    }

    private static ContributionPeriod period(JsonParser p) throws IOException {
        YearMonth from = null;
        YearMonth to = null;
        Money wage = null;
        boolean paid = true;
        Set<Scheme> schemes = null;
        Integer workers = null;
        String employerId = null;
        int seen = 0;
        int expected = 0;
        for (String name; (name = PERIOD.next(p, expected)) != null; ) {
            expected = PERIOD.after(name);
            JsonToken t = p.nextToken();
            switch (name) {
                case "from" -> { seen = once(seen, 1); from = month(p, t); }
                case "to" -> { seen = once(seen, 1 << 1); to = month(p, t); }
                case "declaredWage" -> { seen = once(seen, 1 << 2); wage = money(p, t); }
                case "paid" -> {
                    seen = once(seen, 1 << 3);
                    // a Boolean in the strict reader: null (like absent) means paid
                    if (t == JsonToken.VALUE_FALSE) paid = false;
                    else if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_NULL) throw Abandon.INSTANCE;
                }
                case "schemes" -> { seen = once(seen, 1 << 4); schemes = schemes(p, t); }
                case "enterpriseWorkers" -> { seen = once(seen, 1 << 5); workers = integer(p, t); }
                case "employerId" -> { seen = once(seen, 1 << 6); employerId = t == JsonToken.VALUE_NULL ? null : string(p, t); }
                default -> throw Abandon.INSTANCE;
            }
        }
        end(p);
        return new ContributionPeriod(from, to, wage, paid, schemes, workers, employerId);
    }

    private static Set<Scheme> schemes(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw Abandon.INSTANCE;
        Set<Scheme> set = EnumSet.noneOf(Scheme.class);
        int n = 0;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            if (++n > 100) throw Abandon.INSTANCE;
            set.add(SCHEMES.find(p));
        }
        if (t != JsonToken.END_ARRAY) throw Abandon.INSTANCE;
        return set;
    }

    private static List<LifeEvent> events(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw Abandon.INSTANCE;
        List<LifeEvent> list = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            if (list.size() == Limits.MAX_EVENTS) throw Abandon.INSTANCE;
            list.add(event(p));
        }
        if (t != JsonToken.END_ARRAY) throw Abandon.INSTANCE;
        return list;
    }

    /** An event whose first member is its "type" (as {@link NssfJson#writeCompact} writes it); else gives up. */
    private static LifeEvent event(JsonParser p) throws IOException {
        if (!"type".equals(p.nextFieldName()) || p.nextToken() != JsonToken.VALUE_STRING) throw Abandon.INSTANCE;
        String type = p.getText();
        LocalDate date = null;
        boolean flag = false;
        int count = 0;
        Integer a = null;
        Integer b = null;
        LocalDate notifiedOn = null;
        List<Person> survivors = null;
        int seen = 0;
        switch (type) {
            case "CHILDBIRTH" -> {
                for (String name; (name = p.nextFieldName()) != null; ) {
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "date" -> { seen = once(seen, 1); date = date(p, t); }
                        case "babies" -> { seen = once(seen, 1 << 1); count = primitiveInt(p, t); }
                        case "pregnancyWeeks" -> { seen = once(seen, 1 << 2); a = integer(p, t); }
                        case "notifiedOn" -> { seen = once(seen, 1 << 3); notifiedOn = date(p, t); }
                        default -> throw Abandon.INSTANCE;
                    }
                }
                end(p);
                if ((seen & (1 << 1)) == 0) throw Abandon.INSTANCE; // babies is required
                return new Childbirth(date, count, a, notifiedOn);
            }
            case "WORK_INJURY" -> {
                for (String name; (name = p.nextFieldName()) != null; ) {
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "date" -> { seen = once(seen, 1); date = date(p, t); }
                        case "commuting" -> { seen = once(seen, 1 << 1); flag = primitiveBoolean(t); }
                        case "incapacityDays" -> { seen = once(seen, 1 << 2); a = integer(p, t); }
                        case "permanentDegreePercent" -> { seen = once(seen, 1 << 3); b = integer(p, t); }
                        default -> throw Abandon.INSTANCE;
                    }
                }
                end(p);
                return new WorkInjury(date, flag, a, b);
            }
            case "SICKNESS" -> {
                for (String name; (name = p.nextFieldName()) != null; ) {
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "date" -> { seen = once(seen, 1); date = date(p, t); }
                        case "days" -> { seen = once(seen, 1 << 1); count = primitiveInt(p, t); }
                        default -> throw Abandon.INSTANCE;
                    }
                }
                end(p);
                if ((seen & (1 << 1)) == 0) throw Abandon.INSTANCE; // days is required
                return new Sickness(date, count);
            }
            case "DEATH" -> {
                for (String name; (name = p.nextFieldName()) != null; ) {
                    JsonToken t = p.nextToken();
                    switch (name) {
                        case "date" -> { seen = once(seen, 1); date = date(p, t); }
                        case "workRelated" -> { seen = once(seen, 1 << 1); flag = primitiveBoolean(t); }
                        case "survivors" -> { seen = once(seen, 1 << 2); survivors = persons(p, t); }
                        default -> throw Abandon.INSTANCE;
                    }
                }
                end(p);
                return new Death(date, flag, survivors);
            }
            case "RETIREMENT_CLAIM", "INVALIDITY" -> {
                for (String name; (name = p.nextFieldName()) != null; ) {
                    JsonToken t = p.nextToken();
                    if (!name.equals("date")) throw Abandon.INSTANCE;
                    seen = once(seen, 1);
                    date = date(p, t);
                }
                end(p);
                return type.equals("INVALIDITY") ? new InvalidityClaim(date) : new RetirementClaim(date);
            }
            default -> throw Abandon.INSTANCE;
        }
    }

    private static List<Person> persons(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw Abandon.INSTANCE;
        List<Person> list = new ArrayList<>();
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            if (list.size() == Limits.MAX_PERSONS) throw Abandon.INSTANCE;
            list.add(person(p));
        }
        if (t != JsonToken.END_ARRAY) throw Abandon.INSTANCE;
        return list;
    }

    private static Person person(JsonParser p) throws IOException {
        Relation relation = null;
        LocalDate birthDate = null;
        boolean disabled = false;
        boolean hasIncome = false;
        int seen = 0;
        for (String name; (name = p.nextFieldName()) != null; ) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "relation" -> { seen = once(seen, 1); relation = constant(p, t, RELATIONS); }
                case "birthDate" -> { seen = once(seen, 1 << 1); birthDate = date(p, t); }
                case "disabled" -> { seen = once(seen, 1 << 2); disabled = primitiveBoolean(t); }
                case "hasIncome" -> { seen = once(seen, 1 << 3); hasIncome = primitiveBoolean(t); }
                default -> throw Abandon.INSTANCE;
            }
        }
        end(p);
        return new Person(relation, birthDate, disabled, hasIncome);
    }

    /** Money: null, a whole number of riel within a long, or an object {amount, currency, exchangeRate}. */
    private static Money money(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType nt = p.getNumberType();
            if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) throw Abandon.INSTANCE;
            return Money.khr(p.getLongValue());
        }
        if (t != JsonToken.START_OBJECT) throw Abandon.INSTANCE;
        BigDecimal amount = null;
        Currency currency = null;
        BigDecimal rate = null;
        int seen = 0;
        int expected = 0;
        for (String name; (name = MONEY.next(p, expected)) != null; ) {
            expected = MONEY.after(name);
            JsonToken v = p.nextToken();
            switch (name) {
                case "amount" -> { seen = once(seen, 1); amount = decimal(p, v); }
                case "currency" -> { seen = once(seen, 1 << 1); currency = constant(p, v, CURRENCIES); }
                case "exchangeRate" -> { seen = once(seen, 1 << 2); rate = decimal(p, v); }
                default -> throw Abandon.INSTANCE;
            }
        }
        end(p);
        return new Money(amount, currency, rate);
    }

    /** A JSON number (whole or decimal) as the strict reader's BigDecimal, scale included; or null. */
    private static BigDecimal decimal(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) throw Abandon.INSTANCE;
        return p.getDecimalValue();
    }

    /** A whole number within an int, or null. */
    private static Integer integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        return primitiveInt(p, t);
    }

    private static int primitiveInt(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw Abandon.INSTANCE;
        return p.getIntValue();
    }

    private static boolean primitiveBoolean(JsonToken t) {
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE) return false;
        throw Abandon.INSTANCE;
    }

    private static String string(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) throw Abandon.INSTANCE;
        return p.getText();
    }

    /** An enum constant named exactly, or null for JSON null. */
    private static <E extends Enum<E>> E constant(JsonParser p, JsonToken t, Names<E> names) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw Abandon.INSTANCE;
        return names.find(p);
    }

    /** A string of exactly {@code YYYY-MM-DD} (ASCII digits) naming a calendar date, or null. */
    private static LocalDate date(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING || p.getTextLength() != 10) throw Abandon.INSTANCE;
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        if (c[o + 4] != '-' || c[o + 7] != '-') throw Abandon.INSTANCE;
        return LocalDate.of(digits(c, o, 4), digits(c, o + 5, 2), digits(c, o + 8, 2)); // DateTimeException: give up
    }

    /** A string of exactly {@code YYYY-MM} (ASCII digits) naming a calendar month, or null. */
    private static YearMonth month(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING || p.getTextLength() != 7) throw Abandon.INSTANCE;
        char[] c = p.getTextCharacters();
        int o = p.getTextOffset();
        if (c[o + 4] != '-') throw Abandon.INSTANCE;
        return YearMonth.of(digits(c, o, 4), digits(c, o + 5, 2)); // DateTimeException: give up
    }

    private static int digits(char[] c, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char d = c[i];
            if (d < '0' || d > '9') throw Abandon.INSTANCE;
            v = v * 10 + (d - '0');
        }
        return v;
    }

    /** Marks a member as seen; gives up when it was seen before in the same object. */
    private static int once(int seen, int bit) {
        if ((seen & bit) != 0) throw Abandon.INSTANCE;
        return seen | bit;
    }

    /** After the members of an object: the parser must stand on its end. */
    private static void end(JsonParser p) {
        if (p.currentToken() != JsonToken.END_OBJECT) throw Abandon.INSTANCE;
    }

    /** The constants of an enum by their exact names, matched against the parser's characters without a String. */
    private static final class Names<E extends Enum<E>> {
        private final E[] values;
        private final char[][] names;

        Names(E[] values) {
            this.values = values;
            this.names = new char[values.length][];
            for (int i = 0; i < values.length; i++) names[i] = values[i].name().toCharArray();
        }

        /** @return the constant named exactly as the current string token; gives up when there is none */
        E find(JsonParser p) throws IOException {
            int length = p.getTextLength();
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            for (int i = 0; i < names.length; i++) {
                if (names[i].length == length && java.util.Arrays.equals(names[i], 0, length, text, offset, offset + length)) return values[i];
            }
            throw Abandon.INSTANCE;
        }
    }
}
