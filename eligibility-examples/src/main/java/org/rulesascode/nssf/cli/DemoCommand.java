package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;

import org.rulesascode.nssf.letters.DecisionLetter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code nssf demo}: every bundled example profile, assessed and printed as a text report. */
@Command(name = "demo",
        header = "Assesses and prints the bundled example profiles.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        description = {
                "Assesses the bundled example profiles (a garment worker having a baby, a",
                "tuk-tuk driver in the voluntary scheme, a commuting accident, a worker",
                "reaching 60, a death, a public employee, a small enterprise before 2018,",
                "an invalidity claim, a self-employed member with dependants) and prints",
                "their reports.",
                ""})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    Nssf nssf;

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|km", description = "language of the messages: en (default) or km (Khmer)")
    AssessCommand.Lang lang;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EligibilityEngine engine = nssf.engine();
        List<Examples.Example> examples = Examples.all();
        String rule = "=".repeat(78);
        for (int i = 0; i < examples.size(); i++) {
            Examples.Example ex = examples.get(i);
            Assessment a = engine.assess(AssessmentRequest.of(ex.profile(), ex.asOf()), lang.locale());
            out.println(rule);
            out.println("Example " + (i + 1) + " of " + examples.size() + ": " + ex.description());
            out.println("(examples/" + ex.file() + ", as of " + ex.asOf() + ")");
            out.println(rule);
            out.println();
            out.print(DecisionLetter.text(a, lang.locale(), true));
            out.println();
            out.flush();
        }
        return 0;
    }
}
