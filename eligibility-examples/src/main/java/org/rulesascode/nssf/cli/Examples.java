package org.rulesascode.nssf.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;

/**
 * The bundled example profiles: class-path resources {@code examples/*.json}, listed with their as-of dates and
 * descriptions in {@code examples/index.txt} (a jar cannot be listed), one per line:
 * {@code file.json 2025-06-30  description}.
 */
public final class Examples {
    private Examples() { }

    /** One bundled example. */
    public record Example(String file, LocalDate asOf, String description) {
        /** @return the example's profile, read from the class path */
        public WorkerProfile profile() {
            try {
                return NssfJson.readProfile(resource("examples/" + file));
            } catch (InvalidInputException e) {
                throw new IllegalStateException("bundled example " + file + " is invalid: " + e.getMessage(), e);
            }
        }
    }

    /** @return the examples of the index, in its order */
    public static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        String[] lines = resource("examples/index.txt").split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] parts = line.split("\\s+", 3);
            if (parts.length < 3) throw new IllegalStateException("examples/index.txt line " + (i + 1) + ": expected 'file.json YYYY-MM-DD description'");
            examples.add(new Example(parts[0], LocalDate.parse(parts[1]), parts[2]));
        }
        return examples;
    }

    static String resource(String name) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
