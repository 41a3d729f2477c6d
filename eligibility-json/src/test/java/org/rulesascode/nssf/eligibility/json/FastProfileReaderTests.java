package org.rulesascode.nssf.eligibility.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
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
import org.rulesascode.nssf.testkit.ProfileCase;
import org.rulesascode.nssf.testkit.WorkerProfiles;

/**
 * The fast path of {@link NssfJson#readProfile(String)} ({@link FastProfileReader}) against the strict reader
 * ({@link NssfJson#readProfileStrict}): on well-formed profiles the fast path is taken and gives an equal profile
 * (records compared with {@code equals}, so a decimal's scale counts); on mutated text, whenever the fast path gives
 * a profile the strict reader gives the same one, and {@code readProfile} always answers exactly as the strict
 * reader does (equal profile, or an error with the same path, problem and allowed values).
 */
class FastProfileReaderTests {

    /** What a reader made of a text: a profile, or the error it gave. */
    record Outcome(WorkerProfile profile, String error) {
        static Outcome of(java.util.function.Supplier<WorkerProfile> read) {
            try {
                return new Outcome(read.get(), null);
            } catch (InvalidInputException e) {
                return new Outcome(null, e.field() + " | " + e.problem() + " | " + e.allowed() + " | " + e.getMessage());
            } catch (RuntimeException e) {
                return new Outcome(null, "UNEXPECTED " + e);
            }
        }
    }

    private static void assertFastEqualsStrict(String json, String why) {
        WorkerProfile fast = FastProfileReader.read(json);
        assertThat(fast).as("fast path not taken for %s: %s", why, json).isNotNull();
        Outcome strict = Outcome.of(() -> NssfJson.readProfileStrict(json));
        assertThat(strict.error()).as("strict reader refused %s: %s", why, json).isNull();
        assertThat(fast).as("%s: %s", why, json).isEqualTo(strict.profile());
        assertThat(NssfJson.readProfile(json)).isEqualTo(strict.profile());
    }

    @Test
    void generatedProfilesTakeTheFastPathAndReadAsTheStrictReaderReadsThem() {
        List<WorkerProfiles> generators = List.of(WorkerProfiles.any().withLifeEvents(), WorkerProfiles.employees(),
                WorkerProfiles.selfEmployed().withLifeEvents(), WorkerProfiles.informal(), WorkerProfiles.publicEmployees(),
                WorkerProfiles.any().ofSex(Sex.FEMALE).withLifeEvents(), WorkerProfiles.any().nearMinimumWage().withLifeEvents());
        int fast = 0;
        int events = 0;
        int dependants = 0;
        for (int g = 0; g < generators.size(); g++) {
            long seed = 1_000L + g;
            List<ProfileCase> cases = generators.get(g).sample(seed, 300);
            for (int i = 0; i < cases.size(); i++) {
                WorkerProfile original = cases.get(i).profile();
                String why = "generator " + generators.get(g) + ", seed " + seed + ", case " + i;
                String compact = NssfJson.writeCompact(original);
                assertFastEqualsStrict(compact, why);
                assertThat(FastProfileReader.read(compact)).as(why).isEqualTo(original);
                assertFastEqualsStrict(NssfJson.write(original), why + " (indented)");
                fast++;
                events += original.events().size();
                dependants += original.dependants().size();
            }
        }
        assertThat(fast).isEqualTo(7 * 300);
        assertThat(events).as("the generators must exercise events").isGreaterThan(100);
        assertThat(dependants).as("the generators must exercise dependants").isGreaterThan(100);
    }

    /** Every event type, both currencies, decimals of several scales, nulls, absent members, members in any order. */
    @Test
    void handBuiltProfilesCoverEveryMemberAndTakeTheFastPath() {
        Person spouse = new Person(Relation.SPOUSE, LocalDate.of(1980, 2, 29), false, true);
        Person child = new Person(Relation.CHILD, null, true, false);
        WorkerProfile full = WorkerProfile.builder("a \"quoted\" id \u00e9\u17a0")
                .birthDate(LocalDate.of(1980, 1, 31)).sex(Sex.FEMALE).employmentStatus(EmploymentStatus.EMPLOYEE)
                .sector(Sector.GARMENT).wage(Money.usd(new BigDecimal("210.50"), new BigDecimal("4100.125")))
                .employmentStart(LocalDate.of(2010, 3, 1)).enterpriseWorkers(1_000_000)
                .period(new ContributionPeriod(YearMonth.of(2010, 3), YearMonth.of(2012, 12), Money.khr(1_234_567), false,
                        EnumSet.of(Scheme.PENSION, Scheme.HEALTH_CARE), 8, "E-1"))
                .period(new ContributionPeriod(YearMonth.of(2013, 1), YearMonth.of(2060, 12),
                        new Money(new BigDecimal("0.000001"), org.rulesascode.nssf.eligibility.Currency.KHR, null), true, Set.of(), null, null))
                .event(new Childbirth(LocalDate.of(2015, 6, 1), 2, 38, LocalDate.of(2015, 1, 2)))
                .event(new Childbirth(LocalDate.of(2016, 6, 1), 1, null, null))
                .event(new WorkInjury(LocalDate.of(2017, 1, 1), true, 0, 100))
                .event(new WorkInjury(LocalDate.of(2017, 2, 1), false, null, null))
                .event(new Sickness(LocalDate.of(2018, 1, 1), 3_660))
                .event(new Death(LocalDate.of(2100, 12, 31), true, List.of(spouse, child)))
                .event(new Death(LocalDate.of(2099, 1, 1), false, List.of()))
                .event(new RetirementClaim(LocalDate.of(2045, 1, 1)))
                .event(new InvalidityClaim(LocalDate.of(2030, 1, 1)))
                .dependant(spouse).dependant(child)
                .build();
        assertFastEqualsStrict(NssfJson.writeCompact(full), "every member");
        assertThat(FastProfileReader.read(NssfJson.writeCompact(full))).isEqualTo(full);

        String minimal = "{\"id\":\"m\",\"birthDate\":\"1960-12-31\",\"sex\":\"MALE\",\"employmentStatus\":\"INFORMAL\"}";
        assertFastEqualsStrict(minimal, "absent optional members");
        assertFastEqualsStrict("{\"employmentStatus\":\"SELF_EMPLOYED\",\"sex\":\"MALE\",\"birthDate\":\"1960-12-31\",\"id\":\"m\","
                + "\"sector\":null,\"wage\":null,\"employmentStart\":null,\"enterpriseWorkers\":null,\"history\":null,\"events\":null,"
                + "\"dependants\":null}", "null members, another order");
        assertFastEqualsStrict(" \n\t{ \"id\" : \"m\" , \"birthDate\":\"1960-12-31\",\"sex\":\"MALE\",\"employmentStatus\":\"INFORMAL\",\r\n"
                + "\"wage\": 1500000 } \n ", "white space, wage as a whole number of riel");
        String period = "{\"id\":\"p\",\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\",\"employmentStatus\":\"EMPLOYEE\",\"history\":[%s]}";
        for (String p : List.of(
                "{\"from\":\"2020-01\",\"to\":\"2020-02\",\"declaredWage\":400000}",
                "{\"to\":\"2020-02\",\"from\":\"2020-01\",\"declaredWage\":{\"currency\":\"KHR\",\"amount\":400000},\"paid\":null}",
                "{\"from\":\"2020-01\",\"to\":\"2020-02\",\"declaredWage\":400000,\"paid\":false,\"schemes\":null,\"enterpriseWorkers\":null,\"employerId\":null}",
                "{\"from\":\"2020-01\",\"to\":\"2020-02\",\"declaredWage\":400000,\"schemes\":[\"PENSION\",\"PENSION\",\"OCCUPATIONAL_RISK\"]}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":{\"amount\":1e2,\"currency\":\"USD\",\"exchangeRate\":4.1E3}}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":{\"amount\":100.000,\"currency\":\"USD\",\"exchangeRate\":4100.0}}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":{\"amount\":-0,\"currency\":\"KHR\",\"exchangeRate\":null}}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":{\"amount\":0.0,\"currency\":\"KHR\"}}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":{\"amount\":1.5E-3,\"currency\":\"KHR\"}}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":100000000000}",
                "{\"from\":\"2020-01\",\"to\":\"2020-01\",\"declaredWage\":{\"amount\":1000000,\"currency\":\"USD\",\"exchangeRate\":100000}}")) {
            assertFastEqualsStrict(period.formatted(p), "period " + p);
        }
        String event = "{\"id\":\"e\",\"birthDate\":\"1990-01-01\",\"sex\":\"FEMALE\",\"employmentStatus\":\"EMPLOYEE\",\"events\":[%s]}";
        for (String e : List.of(
                "{\"type\":\"CHILDBIRTH\",\"babies\":9,\"date\":\"2020-02-29\"}",
                "{\"type\":\"WORK_INJURY\",\"date\":\"2020-01-01\"}",
                "{\"type\":\"WORK_INJURY\",\"permanentDegreePercent\":0,\"incapacityDays\":null,\"date\":\"2020-01-01\",\"commuting\":false}",
                "{\"type\":\"SICKNESS\",\"days\":1,\"date\":\"2020-01-01\"}",
                "{\"type\":\"DEATH\",\"date\":\"2020-01-01\"}",
                "{\"type\":\"DEATH\",\"date\":\"2020-01-01\",\"survivors\":null,\"workRelated\":true}",
                "{\"type\":\"DEATH\",\"date\":\"2020-01-01\",\"survivors\":[{\"relation\":\"PARENT\"},{\"hasIncome\":true,\"relation\":\"OTHER\",\"birthDate\":null}]}",
                "{\"type\":\"RETIREMENT_CLAIM\",\"date\":\"2055-01-01\"}",
                "{\"type\":\"INVALIDITY\",\"date\":\"2030-01-01\"}")) {
            assertFastEqualsStrict(event.formatted(e), "event " + e);
        }
        assertFastEqualsStrict("{\"id\":\"d\",\"birthDate\":\"1990-01-01\",\"sex\":\"MALE\",\"employmentStatus\":\"EMPLOYEE\","
                + "\"dependants\":[{\"relation\":\"CHILD\",\"disabled\":true},{\"relation\":\"SPOUSE\",\"birthDate\":\"1900-01-01\"}]}", "dependants");
    }

    /** Texts the fast path must leave to the strict reader, which reads (or refuses) them as always. */
    @Test
    void theFastPathGivesUpWhereItIsNotCertain() {
        String base = "{\"id\":\"m\",\"birthDate\":\"1960-12-31\",\"sex\":\"MALE\",\"employmentStatus\":\"INFORMAL\"%s}";
        for (String rest : List.of(
                ",\"events\":[{\"date\":\"2020-01-01\",\"type\":\"RETIREMENT_CLAIM\"}]", // valid, but "type" is not first
                ",\"wage\":{\"amount\":1,\"currency\":\"KHR\",\"exchangeRate\":null,\"extra\":1}",
                ",\"id\":\"again\"",
                ",\"enterpriseWorkers\":2147483648",
                ",\"enterpriseWorkers\":8.0",
                ",\"wage\":9223372036854775808",
                ",\"sector\":\"garment\"",
                ",\"dependants\":[null]",
                ",\"events\":[{\"type\":\"SICKNESS\",\"date\":\"2020-01-01\"}]",
                ",\"events\":[{\"type\":\"WORK_INJURY\",\"date\":\"2020-01-01\",\"commuting\":null}]",
                ",\"employmentStart\":\"2020-1-01\"",
                ",\"employmentStart\":\"2019-02-29\"")) {
            String json = base.formatted(rest);
            assertThat(FastProfileReader.read(json)).as(json).isNull();
            assertThat(Outcome.of(() -> NssfJson.readProfile(json))).as(json).isEqualTo(Outcome.of(() -> NssfJson.readProfileStrict(json)));
        }
        for (String json : List.of("", " ", "null", "[]", "{}", "\"x\"", "\uFEFF" + base.formatted(""), base.formatted("") + "{}",
                base.formatted("") + " x", base.formatted("").substring(0, 30), "{\"id\":NaN}")) {
            assertThat(FastProfileReader.read(json)).as(json).isNull();
            assertThat(Outcome.of(() -> NssfJson.readProfile(json))).as(json).isEqualTo(Outcome.of(() -> NssfJson.readProfileStrict(json)));
        }
    }

    /** Replacement values for a member, of every JSON type and of the edge forms a number, a date or a name takes. */
    static final List<String> VALUES = List.of("null", "true", "false", "0", "-1", "1", "7", "45", "46", "3660", "3661",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "1.5", "1.0", "1e2", "1E400",
            "-0", "-0.0", "0.0000001", "0.000001", "100000000000", "100000000001", "1000000.000001", "4100", "100", "99.999",
            "100000", "100000.5", "1" + "0".repeat(101), "NaN", "-Infinity", "01", "\"x\"", "\"\"", "\" \"", "\"1\"", "\"true\"",
            "\"2025-02-30\"", "\"2024-02-29\"", "\"2025-02\"", "\"2013-13\"", "\"2008-01\"", "\"2007-12\"", "\"2061-01\"",
            "\"\u0661\u0669\u0669\u0660-01-01\"", "\"1899-12-31\"", "\"2100-12-31\"", "\"2101-01-01\"", "\"+2020-01-01\"",
            "\"2020-01-01T00:00\"", "\"MALE\"", "\"male\"", "\" MALE\"", "\"FEMALE\"", "\"KHR\"", "\"USD\"", "\"PENSION\"",
            "\"OTHER\"", "\"CHILD\"", "\"SICKNESS\"", "\"DEATH\"", "\"INVALIDITY\"", "[]", "{}", "[null]", "[\"PENSION\",\"PENSION\"]",
            "[\"HEALTH_CARE\",\"pension\"]", "[1]", "{\"a\":1}", "{\"amount\":1,\"currency\":\"KHR\",\"exchangeRate\":null}",
            "{\"amount\":12.50,\"currency\":\"USD\",\"exchangeRate\":4000.0}", "{\"amount\":12.5,\"currency\":\"USD\"}",
            "{\"amount\":\"12\",\"currency\":\"KHR\"}", "[" .repeat(40) + "]".repeat(40),
            "[{\"relation\":\"CHILD\",\"birthDate\":null,\"disabled\":false,\"hasIncome\":false}]",
            "[{\"type\":\"RETIREMENT_CLAIM\",\"date\":\"2050-01-01\"}]", "\"" + "a".repeat(101) + "\"");

    /**
     * Mutated lines: a member's value replaced, a member removed, repeated or unknown, the text cut short or followed by
     * more, a byte-order mark, deep nesting. Whenever the fast path gives a profile, the strict reader gives the same;
     * {@code readProfile} always answers as the strict reader does.
     */
    @Test
    void mutatedLinesAreReadOrRefusedExactlyAsTheStrictReaderDoes() {
        long seed = 20_261_206L;
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        for (ProfileCase c : WorkerProfiles.any().withLifeEvents().sample(seed, 60)) lines.add(NssfJson.writeCompact(c.profile()));
        for (ProfileCase c : WorkerProfiles.selfEmployed().withLifeEvents().sample(seed + 1, 20)) lines.add(NssfJson.writeCompact(c.profile()));
        int fastAccepted = 0;
        int refused = 0;
        int read = 0;
        for (int n = 0; n < 8_000; n++) {
            String line = lines.get(random.nextInt(lines.size()));
            String mutated = mutate(line, random);
            WorkerProfile fast = FastProfileReader.read(mutated);
            Outcome strict = Outcome.of(() -> NssfJson.readProfileStrict(mutated));
            String why = "seed " + seed + ", mutation " + n + ": " + mutated;
            if (strict.error() != null) assertThat(strict.error()).as(why).doesNotStartWith("UNEXPECTED");
            if (fast != null) {
                assertThat(strict.error()).as("the fast path accepted what the strict reader refuses; " + why).isNull();
                assertThat(fast).as(why).isEqualTo(strict.profile());
                fastAccepted++;
            }
            assertThat(Outcome.of(() -> NssfJson.readProfile(mutated))).as(why).isEqualTo(strict);
            if (strict.error() != null) refused++;
            else read++;
        }
        // the mutations must exercise both sides: errors, and changed profiles the fast path still reads
        assertThat(refused).isGreaterThan(2_000);
        assertThat(read).isGreaterThan(800);
        assertThat(fastAccepted).isGreaterThan(400);
        System.out.println("mutations: " + read + " read, " + refused + " refused, fast path took " + fastAccepted);
    }

    /** One random change of a compact JSON line. */
    static String mutate(String json, Random r) {
        List<int[]> members = members(json);
        int[] m = members.get(r.nextInt(members.size())); // {key start, value start, value end}
        return switch (r.nextInt(12)) {
            case 0, 1, 2, 3 -> json.substring(0, m[1]) + VALUES.get(r.nextInt(VALUES.size())) + json.substring(m[2]);
            case 4 -> removeMember(json, m);
            case 5 -> json.substring(0, m[2]) + "," + json.substring(m[0], m[2]) + json.substring(m[2]); // repeated member
            case 6 -> json.substring(0, m[0]) + "\"" + List.of("zzz", "Id", "type", "amount", "months", "date", " id").get(r.nextInt(7))
                    + "\":" + VALUES.get(r.nextInt(VALUES.size())) + "," + json.substring(m[0]); // another member before this one
            case 7 -> json.substring(0, r.nextInt(json.length())); // cut short
            case 8 -> json + List.of(" ", "\n", "{}", " x", ",", " null", "]", "}", "\u0000", " /* c */").get(r.nextInt(10));
            case 9 -> List.of("\uFEFF", " ", "\n\n", "\u00a0", "[").get(r.nextInt(5)) + json;
            case 10 -> json.substring(0, m[1]) + "{\"a\":".repeat(33) + "1" + "}".repeat(33) + json.substring(m[2]); // too deep
            default -> json.substring(0, m[1]) + json.substring(m[1], m[2]).replace(",", " , ").replace(":", " :") + json.substring(m[2]);
        };
    }

    private static String removeMember(String json, int[] m) {
        if (json.charAt(m[2]) == ',') return json.substring(0, m[0]) + json.substring(m[2] + 1);
        if (json.charAt(m[0] - 1) == ',') return json.substring(0, m[0] - 1) + json.substring(m[2]);
        return json.substring(0, m[0]) + json.substring(m[2]);
    }

    /** Every member of a compact JSON text (strings without escaped quotes in keys) as {key start, value start, value end}. */
    static List<int[]> members(String json) {
        List<int[]> out = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
            } else if (c == ':') {
                int keyStart = json.lastIndexOf('"', json.lastIndexOf('"', i - 1) - 1);
                out.add(new int[] {keyStart, i + 1, valueEnd(json, i + 1)});
            }
        }
        return out;
    }

    private static int valueEnd(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') {
                    inString = false;
                    if (depth == 0) return i + 1;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) return i;
                if (--depth == 0) return i + 1;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }
}
