package org.rulesascode.nssf.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The module's build step (run by Maven after compiling, never at run time): writes the index of the rule base's
 * files ({@link ResourceFiles#INDEX}) and compiles the standard DRL into Drools' executable model, whose classes it
 * writes beside the library's ({@link RuleBase#MODEL_INDEX} lists them with the hash of the DRL they come from), so
 * that the engine starts without compiling DRL. Needs {@code drools-model-codegen}, a build-time dependency only.
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
        compileModel(classes, base);
    }

    private static final java.util.regex.Pattern MODEL_CLASS = java.util.regex.Pattern.compile("(.*/Rules[0-9A-F]{32})\\.class");

    private static void compileModel(Path classes, Path base) throws IOException {
        java.util.Map<String, String> drl = new java.util.TreeMap<>();
        for (Path p : ResourceFiles.files(base.resolve("drl"), ".drl")) {
            drl.put(classes.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
        }
        org.kie.api.KieServices ks = org.kie.api.KieServices.Factory.get();
        org.kie.api.builder.KieFileSystem kfs = ks.newKieFileSystem();
        org.kie.api.builder.ReleaseId rid = ks.newReleaseId("org.rulesascode.nssf", "standard-rules", "1.0.0");
        kfs.generateAndWritePomXML(rid);
        drl.forEach((file, text) -> kfs.write("src/main/resources/" + file, text));
        org.kie.api.builder.KieBuilder builder = ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
        java.util.List<org.kie.api.builder.Message> errors = builder.getResults().getMessages(org.kie.api.builder.Message.Level.ERROR);
        if (!errors.isEmpty()) throw new IllegalStateException("the standard DRL does not compile to the executable model: " + errors);
        org.drools.compiler.kie.builder.impl.InternalKieModule module = (org.drools.compiler.kie.builder.impl.InternalKieModule) builder.getKieModule();
        java.util.List<String> models = new ArrayList<>();
        int written = 0;
        for (String f : new java.util.TreeSet<>(module.getFileNames())) {
            // the project-wide class (org.drools.project.model) would clash with a host's own compiled rules: not needed
            if (!f.endsWith(".class") || !f.startsWith(ResourceFiles.BASE)) continue;
            Path out = classes.resolve(f);
            Files.createDirectories(out.getParent());
            Files.write(out, module.getBytes(f));
            written++;
            java.util.regex.Matcher m = MODEL_CLASS.matcher(f);
            if (m.matches()) models.add(m.group(1).replace('/', '.'));
        }
        if (models.isEmpty()) throw new IllegalStateException("the executable model has no rules class");
        List<String> lines = new ArrayList<>();
        lines.add("# The standard rules compiled at build time (Drools executable model), written by the build; do not edit");
        lines.add(RuleBase.DRL_HASH + RuleBase.drlHash(drl));
        lines.addAll(models);
        Files.writeString(classes.resolve(RuleBase.MODEL_INDEX), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        System.out.println("[rule base] compiled " + drl.size() + " DRL files into " + models.size() + " executable-model packages (" + written + " classes)");
    }
}
