package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.eligibility.json.NssfReforms;
import org.rulesascode.nssf.letters.DecisionLetter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nssf assess}: one profile from a JSON file, assessed on a date. */
@Command(name = "assess",
        header = "Assesses a worker profile (a JSON file) on a date.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        sortOptions = false,
        description = {
                "Assesses the worker profile in a JSON file on the --as-of date and prints",
                "the decisions with their reasons, legal sources and parameters, and the",
                "contribution lines of the history. 'nssf schema' prints the profile format.",
                "",
                "With --reform, the profile is assessed under a reform (a YAML file of dated",
                "parameter overrides, see README 'Reforms'); the rule-set version then covers",
                "the reform. A reform with 'rules:' (DRL files) is refused unless",
                "--trust-reform-rules is given: DRL is code that runs with your rights.",
                "",
                "Example: nssf assess --as-of 2025-06-30 --format text worker.json",
                "         nssf assess --as-of 2027-06-30 --reform ceiling.yaml worker.json",
                ""})
final class AssessCommand implements Callable<Integer> {

    /** Output format. */
    enum Format { json, text, html }

    /** Language of the messages. */
    enum Lang {
        en, km;

        Locale locale() {
            return Locale.forLanguageTag(name());
        }
    }

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROFILE", description = "the worker profile, a JSON file")
    Path profile;

    @Option(names = "--as-of", required = true, paramLabel = "YYYY-MM-DD", description = "the date of the assessment (2008-01-01 to 2060-12-31); later facts are ignored")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|text|html",
            description = "json (default), the worker's letter as text, or the letter as an HTML page (prints on A4)")
    Format format;

    @Option(names = "--detail", description = "with --format text or html: add the reasons, rule ids, legal sources, parameters, "
            + "calculations and contributions to the letter")
    boolean detail;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|km", description = "language of the messages: en (default) or km (Khmer)")
    Lang lang;

    @Option(names = "--schemes", split = ",", paramLabel = "SCHEME", description = "only these schemes, comma-separated: ${COMPLETION-CANDIDATES} (default: all)")
    List<Scheme> schemes;

    @Option(names = "--reform", paramLabel = "FILE", description = "assess under the reform in this YAML file (dated parameter overrides)")
    Path reform;

    @Option(names = "--trust-reform-rules", description = "allow the reform's 'rules:' DRL files: DRL is code that runs with your rights; "
            + "only for reforms from authors you trust")
    boolean trustReformRules;

    @Override
    public Integer call() {
        // every input is read and checked before the engine is built (seconds): a bad or oversized file is refused at once
        Reform r = reform == null ? null : NssfReforms.read(reform, trustReformRules); // errors name file:line and the YAML path
        WorkerProfile p = read(profile);
        AssessmentRequest request;
        try {
            request = new AssessmentRequest(p, asOf, schemes == null || schemes.isEmpty() ? Set.of() : EnumSet.copyOf(schemes));
        } catch (InvalidInputException e) {
            throw Errors.rename(e, Map.of("asOf", "--as-of"));
        }
        EligibilityEngine engine = nssf.engine();
        if (r != null) engine = engine.withReform(r); // errors name file:line and the parameter, or the DRL file and line
        Assessment a = engine.assess(request, lang.locale());
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.text && r != null) {
            out.println("Reform: " + r.name() + " (" + reform + (r.structural() ? ", with DRL rules" : "") + ")");
        }
        out.print(switch (format) {
            case json -> NssfJson.write(a);
            case text -> DecisionLetter.text(a, lang.locale(), detail);
            case html -> DecisionLetter.html(a, lang.locale(), detail);
        });
        out.flush();
        return 0;
    }

    /** Reads a profile file; a missing or unreadable file is the user's mistake, named "profile". */
    static WorkerProfile read(Path file) {
        String allowed = "a path to a readable JSON file";
        if (!Files.exists(file)) throw new InvalidInputException("profile", "file '" + file + "' does not exist", allowed);
        if (Files.isDirectory(file)) throw new InvalidInputException("profile", "'" + file + "' is a directory", allowed);
        if (!Files.isReadable(file)) throw new InvalidInputException("profile", "file '" + file + "' cannot be read", allowed);
        return NssfJson.readProfile(file); // a syntax or content error names its JSON path, e.g. $.history[0].to
    }
}
