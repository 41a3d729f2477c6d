package org.rulesascode.nssf.rules.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads every file with a given ending below a class-path folder, from a directory or from a jar. */
public final class ResourceFiles {
    private ResourceFiles() { }

    /** @return relative path (with '/') → text, sorted by path */
    public static Map<String, String> read(String folder, String ending) {
        URL url = ResourceFiles.class.getClassLoader().getResource(folder);
        if (url == null) throw new RuleBaseException(folder, null, "class-path folder not found");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return readTree(fs.getPath(folder), ending);
            }
            return readTree(Path.of(uri), ending);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class-path folder " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return relative path → text of every file with that ending below a directory */
    public static Map<String, String> readTree(Path root, String ending) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(ending)).forEach(files::add);
        }
        for (Path p : files) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            out.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
        return out;
    }
}
