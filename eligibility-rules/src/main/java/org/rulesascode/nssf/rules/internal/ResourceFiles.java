package org.rulesascode.nssf.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the rule base's own files. They live under the library's package path ({@value #BASE}: {@code drl/},
 * {@code parameters/}, {@code legal-sources/}, {@code messages/}) and are found through an index written at build time
 * ({@value #INDEX}, one path per line, relative to {@value #BASE}), never by scanning a class-path folder: a host
 * application's own {@code rules/} or {@code messages/} folders cannot hide or replace them.
 */
public final class ResourceFiles {
    /** The class-path folder of the rule base's files. */
    public static final String BASE = "org/rulesascode/nssf/rules/";
    /** The index of the rule base's files, written by the build ({@link BuildTime}). */
    public static final String INDEX = BASE + "index.txt";
    /** The folders below {@link #BASE} the index lists. */
    public static final List<String> FOLDERS = List.of("drl", "parameters", "legal-sources", "messages");

    private ResourceFiles() { }

    /**
     * @param folder one of {@link #FOLDERS}
     * @param ending a file-name ending such as {@code .yaml}
     * @return path relative to the folder (with '/') → text, sorted by path, of every indexed file with that ending
     * @throws RuleBaseException when the index or a file it lists is missing from the class path
     */
    public static Map<String, String> read(String folder, String ending) {
        return read(ResourceFiles.class.getClassLoader(), folder, ending);
    }

    /** {@link #read(String, String)} through a given class loader. */
    public static Map<String, String> read(ClassLoader loader, String folder, String ending) {
        Map<String, String> out = new TreeMap<>();
        String prefix = folder + "/";
        for (String entry : index(loader)) {
            if (!entry.startsWith(prefix) || !entry.endsWith(ending)) continue;
            String text = text(loader, BASE + entry);
            if (text == null) {
                throw new RuleBaseException(BASE + entry, null, "is listed in " + INDEX + " but is not on the class path: the eligibility-rules jar is incomplete");
            }
            out.put(entry.substring(prefix.length()), text);
        }
        if (out.isEmpty()) throw new RuleBaseException(INDEX, folder, "lists no " + ending + " file under " + BASE + folder + "/");
        return out;
    }

    /** @return every path the index lists, relative to {@link #BASE} */
    public static List<String> index(ClassLoader loader) {
        String text = text(loader, INDEX);
        if (text == null) {
            throw new RuleBaseException(INDEX, null, "is not on the class path: the eligibility-rules jar is incomplete "
                    + "(its build step writes the index; build the module with Maven)");
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) out.add(l);
        }
        return out;
    }

    /** @return the UTF-8 text of a class-path resource, or null when absent */
    static String text(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path resource " + resource, e);
        }
    }

    /** @return relative path → text of every file with that ending below a directory */
    public static Map<String, String> readTree(Path root, String ending) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path p : files(root, ending)) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }

    static List<Path> files(Path root, String ending) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(ending) && Files.isRegularFile(p)).sorted().forEach(files::add);
        }
        return files;
    }
}
