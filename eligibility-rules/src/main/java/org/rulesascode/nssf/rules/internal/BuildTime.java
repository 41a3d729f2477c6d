package org.rulesascode.nssf.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's build step (run by Maven after compiling, never at run time): writes the index of the rule base's
 * files ({@link ResourceFiles#INDEX}).
 */
public final class BuildTime {
    private BuildTime() { }

    /** @param args the class output folder ({@code target/classes}) */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: BuildTime <classes folder>");
        Path classes = Path.of(args[0]);
        Path base = classes.resolve(ResourceFiles.BASE);
        List<String> lines = new ArrayList<>();
        lines.add("# The rule base's files, relative to " + ResourceFiles.BASE + " (written by the build; do not edit)");
        for (String folder : ResourceFiles.FOLDERS) {
            String ending = switch (folder) {
                case "drl" -> ".drl";
                case "messages" -> ".properties";
                default -> ".yaml";
            };
            Path root = base.resolve(folder);
            if (!Files.isDirectory(root)) throw new IllegalStateException("no folder " + root);
            for (Path p : ResourceFiles.files(root, ending)) lines.add(base.relativize(p).toString().replace('\\', '/'));
        }
        Files.writeString(classes.resolve(ResourceFiles.INDEX), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
