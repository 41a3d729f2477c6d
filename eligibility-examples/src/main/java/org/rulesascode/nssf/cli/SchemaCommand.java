package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.rulesascode.nssf.eligibility.json.NssfJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nssf schema}: the JSON Schema of a worker profile, for editors and validators. */
@Command(name = "schema",
        header = "Prints the JSON Schema of a worker profile.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        description = {"Prints the JSON Schema of the worker profile that 'nssf assess' reads.", ""})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String schema = NssfJson.profileSchema();
        out.print(schema.endsWith("\n") ? schema : schema + "\n");
        out.flush();
        return 0;
    }
}
