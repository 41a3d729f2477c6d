package org.rulesascode.nssf.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.json.NssfJson;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nssf schema [profile|assessment|reform]}: the JSON Schemas of our formats, for editors and validators. */
@Command(name = "schema",
        header = "Prints the JSON Schema of a worker profile, an assessment or a reform file.",
        mixinStandardHelpOptions = true,
        versionProvider = Nssf.Version.class,
        description = {"Prints a JSON Schema (draft 2020-12): 'profile' (the default) for the worker profile that 'nssf assess' reads, "
                + "'assessment' for what 'nssf assess --format json' writes (it refers to the profile schema by its $id), "
                + "'reform' for a reform file (YAML). --list names them with their $id and the file in the repository's schema/ folder.", ""})
final class SchemaCommand implements Callable<Integer> {
    /** The schemas by name: what each one describes and its text. */
    static final Map<String, Supplier<String>> SCHEMAS = new LinkedHashMap<>();
    static {
        SCHEMAS.put("profile", NssfJson::profileSchema);
        SCHEMAS.put("assessment", NssfJson::assessmentSchema);
        SCHEMAS.put("reform", NssfJson::reformSchema);
    }
    private static final Map<String, String> FILES = Map.of("profile", "worker-profile.schema.json",
            "assessment", "assessment.schema.json", "reform", "reform.schema.json");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "profile (default), assessment or reform")
    String name = "profile";

    @Option(names = "--list", description = "List the schemas: name, $id, file under schema/.")
    boolean list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (String n : SCHEMAS.keySet()) {
                out.printf("%-11s %-38s schema/%s%n", n, id(SCHEMAS.get(n).get()), FILES.get(n));
            }
            out.flush();
            return 0;
        }
        Supplier<String> schema = SCHEMAS.get(name);
        if (schema == null) throw new InvalidInputException("NAME", "is '" + name + "', not a schema", String.join(", ", SCHEMAS.keySet()));
        String text = schema.get();
        out.print(text.endsWith("\n") ? text : text + "\n");
        out.flush();
        return 0;
    }

    /** The value of the top-level {@code "$id"} (the schemas are ours: one {@code "$id"} line near the top). */
    private static String id(String schema) {
        int at = schema.indexOf("\"$id\"");
        int start = schema.indexOf('"', schema.indexOf(':', at) + 1) + 1;
        return schema.substring(start, schema.indexOf('"', start));
    }
}
