package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
                "Example: nssf contributions --month 2025-06 --wage 852800",
                ""})
final class ContributionsCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        AssessmentRequest request = request();
        Assessment a = nssf.engine().assess(request);

        List<ContributionLine> lines = a.contributionsFor(month);
        Report report = new Report(month.toString(), lines, schemes(a));
        PrintWriter out = spec.commandLine().getOut();
        out.print(NssfJson.write(report));
        out.flush();
        return 0;
    }

    /** The one-month profile and request; a record's complaint names the option that caused it. */
    AssessmentRequest request() {
        Money money;
        try {
            money = new Money(wage, currency, exchangeRate);
        } catch (InvalidInputException e) {
            throw Errors.rename(e, Map.of("amount", "--wage", "exchangeRate", "--exchange-rate", "currency", "--currency"));
        }
        ContributionPeriod period;
        try {
            period = new ContributionPeriod(month, month, money, true, Set.of(), enterpriseWorkers, null);
        } catch (InvalidInputException e) {
            throw Errors.rename(e, Map.of("from", "--month", "to", "--month", "enterpriseWorkers", "--enterprise-workers"));
        }
        WorkerProfile profile;
        try {
            profile = WorkerProfile.builder("cli").birthDate(birthDate).sex(sex).employmentStatus(status)
                    .wage(money).enterpriseWorkers(enterpriseWorkers).period(period).build();
        } catch (InvalidInputException e) {
            throw Errors.rename(e, Map.of("birthDate", "--birth-date", "enterpriseWorkers", "--enterprise-workers",
                    "sex", "--sex", "employmentStatus", "--status"));
        }
        try {
            return AssessmentRequest.of(profile, month.atEndOfMonth());
        } catch (InvalidInputException e) {
            throw Errors.rename(e, Map.of("asOf", "--month"));
        }
    }

    /**
     * What the command prints. A record rather than a map: NssfJson writes map entries sorted by key, a record's
     * components in their order, so "month" comes first as documented.
     */
    record Report(String month, List<ContributionLine> lines, List<SchemeStatus> schemes) { }

    /** One scheme's coverage on the month, and the reason that matters most. */
    record SchemeStatus(Scheme scheme, Outcome outcome, String message) { }

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
