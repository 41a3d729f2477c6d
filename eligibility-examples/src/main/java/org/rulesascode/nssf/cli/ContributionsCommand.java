package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionLine;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.CriterionStatus;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Outcome;
import org.rulesascode.nssf.eligibility.Reason;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nssf contributions}: the contributions the law requires for one month's wage, scheme by scheme. */
@Command(name = "contributions",
        header = "Contributions due on one month's wage, by scheme.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Prints, as JSON, what the law requires to be paid to each scheme for one",
                "month's declared wage, and for every scheme whether the person is covered",
                "and why, so that a missing line is explained.",
                "",
                "--schemes names the schemes the month is declared to (default: those of",
                "the status). A self-employed member declares VOLUNTARY_HEALTH_CARE; a",
                "self-employed person who does not is told, under 'ifJoined', what she would",
                "pay as a member of the voluntary health-care scheme.",
                "",
                "Example: nssf contributions --month 2025-06 --wage 852800",
                "         nssf contributions --month 2025-06 --wage 900000 --status SELF_EMPLOYED \\",
                "             --schemes VOLUNTARY_HEALTH_CARE",
                ""})
public final class ContributionsCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "the contribution month (2008-01 to 2060-12)")
    YearMonth month;

    @Option(names = "--wage", required = true, paramLabel = "AMOUNT", description = "the declared monthly wage, in --currency")
    BigDecimal wage;

    @Option(names = "--currency", defaultValue = "KHR", paramLabel = "KHR|USD", description = "currency of --wage (default: ${DEFAULT-VALUE})")
    Currency currency;

    @Option(names = "--exchange-rate", paramLabel = "RIEL", description = "riel per US dollar; required with --currency USD, e.g. 4100")
    BigDecimal exchangeRate;

    @Option(names = "--birth-date", defaultValue = "1990-01-01", paramLabel = "YYYY-MM-DD", description = "the worker's date of birth (default: ${DEFAULT-VALUE})")
    LocalDate birthDate;

    @Option(names = "--status", defaultValue = "EMPLOYEE", paramLabel = "STATUS",
            description = "employment status: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    EmploymentStatus status;

    @Option(names = "--enterprise-workers", paramLabel = "N", description = "workers of the enterprise (default: unknown; matters before 2018)")
    Integer enterpriseWorkers;

    @Option(names = "--sex", defaultValue = "FEMALE", paramLabel = "FEMALE|MALE", description = "(default: ${DEFAULT-VALUE})")
    Sex sex;

    @Option(names = "--schemes", split = ",", paramLabel = "SCHEME",
            description = "the schemes the month is declared to, e.g. VOLUNTARY_HEALTH_CARE for a self-employed member (default: those of the status)")
    List<Scheme> declared;

    @Override
    public Integer call() {
        Query q = new Query(month, wage, currency, exchangeRate, birthDate, status, enterpriseWorkers, sex,
                declared == null ? Set.of() : EnumSet.copyOf(declared));
        request(q, q.schemes(), "--"); // a bad option is refused before the engine is built
        Report report = report(nssf.engine(), q, "--");
        PrintWriter out = spec.commandLine().getOut();
        out.print(NssfJson.write(report));
        out.flush();
        return 0;
    }

    /** What is asked: one month's wage of one person, declared to some schemes (empty: those of the status). */
    public record Query(YearMonth month, BigDecimal wage, Currency currency, BigDecimal exchangeRate, LocalDate birthDate,
                        EmploymentStatus status, Integer enterpriseWorkers, Sex sex, Set<Scheme> schemes) { }

    /**
     * @param prefix put before a field name in an error ("--" on the command line, "" for the web API's parameters)
     * @return the contributions of the month, the coverage of every scheme, and for a self-employed person who did not
     *         declare the voluntary scheme, what she would pay if she joined it
     */
    public static Report report(EligibilityEngine engine, Query q, String prefix) {
        Assessment a = engine.assess(request(q, q.schemes(), prefix));
        List<ContributionLine> lines = a.contributionsFor(q.month());
        IfJoined ifJoined = null;
        if (q.status() == EmploymentStatus.SELF_EMPLOYED && !q.schemes().contains(Scheme.VOLUNTARY_HEALTH_CARE)) {
            Assessment joined = engine.assess(request(q, Set.of(Scheme.VOLUNTARY_HEALTH_CARE), prefix));
            List<ContributionLine> vhc = joined.contributionsFor(q.month()).stream()
                    .filter(l -> l.scheme() == Scheme.VOLUNTARY_HEALTH_CARE).toList();
            Decision cover = joined.coverage(Scheme.VOLUNTARY_HEALTH_CARE);
            ifJoined = new IfJoined(Scheme.VOLUNTARY_HEALTH_CARE, vhc.stream().mapToLong(ContributionLine::worker).sum(), vhc,
                    cover == null ? "" : mainMessage(cover));
        }
        return new Report(q.month().toString(), lines, schemes(a), ifJoined);
    }

    /** The one-month profile and request; a record's complaint names the option that caused it. */
    static AssessmentRequest request(Query q, Set<Scheme> declared, String prefix) {
        YearMonth month = q.month();
        BigDecimal wage = q.wage();
        Currency currency = q.currency() == null ? Currency.KHR : q.currency();
        BigDecimal exchangeRate = q.exchangeRate();
        LocalDate birthDate = q.birthDate() == null ? LocalDate.of(1990, 1, 1) : q.birthDate();
        EmploymentStatus status = q.status() == null ? EmploymentStatus.EMPLOYEE : q.status();
        Integer enterpriseWorkers = q.enterpriseWorkers();
        Sex sex = q.sex() == null ? Sex.FEMALE : q.sex();
        Map<String, String> names = Map.of("amount", prefix + "wage", "exchangeRate", prefix + (prefix.isEmpty() ? "exchangeRate" : "exchange-rate"),
                "currency", prefix + "currency", "from", prefix + "month", "to", prefix + "month", "asOf", prefix + "month",
                "enterpriseWorkers", prefix + (prefix.isEmpty() ? "enterpriseWorkers" : "enterprise-workers"),
                "birthDate", prefix + (prefix.isEmpty() ? "birthDate" : "birth-date"), "sex", prefix + "sex", "employmentStatus", prefix + "status");
        if (month == null) throw new InvalidInputException(prefix + "month", "is missing", "a month YYYY-MM from 2008-01 to 2060-12");
        if (wage == null) throw new InvalidInputException(prefix + "wage", "is missing", "a number, e.g. 852800");
        try {
            Money money = new Money(wage, currency, exchangeRate);
            ContributionPeriod period = new ContributionPeriod(month, month, money, true, declared, enterpriseWorkers, null);
            WorkerProfile profile = WorkerProfile.builder("contributions").birthDate(birthDate).sex(sex).employmentStatus(status)
                    .wage(money).enterpriseWorkers(enterpriseWorkers).period(period).build();
            return AssessmentRequest.of(profile, month.atEndOfMonth());
        } catch (InvalidInputException e) {
            throw Errors.rename(e, names);
        }
    }

    /**
     * What the command prints. A record rather than a map: NssfJson writes map entries sorted by key, a record's
     * components in their order, so "month" comes first as documented.
     */
    public record Report(String month, List<ContributionLine> lines, List<SchemeStatus> schemes, IfJoined ifJoined) { }

    /** One scheme's coverage on the month, and the reason that matters most. */
    public record SchemeStatus(Scheme scheme, Outcome outcome, String message) { }

    /** What a self-employed person would pay a month as a member of {@code scheme}, and whether she could join. */
    public record IfJoined(Scheme scheme, long monthlyContribution, List<ContributionLine> lines, String message) { }

    /** For every scheme: the coverage outcome and the reason that matters most. */
    static List<SchemeStatus> schemes(Assessment a) {
        List<SchemeStatus> schemes = new ArrayList<>();
        for (Scheme s : Scheme.values()) {
            Decision d = a.coverage(s);
            if (d != null) schemes.add(new SchemeStatus(s, d.outcome(), mainMessage(d)));
        }
        return schemes;
    }

    /** @return the first failed or unknown criterion's message, else the first reason's, else "" */
    static String mainMessage(Decision d) {
        return d.reasons().stream().filter(r -> r.status() != CriterionStatus.MET).findFirst()
                .or(() -> d.reasons().stream().findFirst())
                .map(Reason::message).orElse("");
    }
}
