package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.ContributionPeriod;
import org.rulesascode.nssf.eligibility.Decision;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.Money;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.rules.internal.ResourceFiles;
import org.rulesascode.nssf.rules.internal.RuleBaseException;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The library on a host application's class path: the host's own {@code rules/}, {@code messages/},
 * {@code parameters/} and {@code legal-sources/} folders come first, and the engine must neither read them nor
 * break. The engine and its API are loaded by an isolated class loader whose first entry is such a host folder.
 */
class ForeignClassPathTests {

    /** Runs in the isolated class loader: the standard engine found through ServiceLoader, and one built directly. */
    public static final class Probe {
        public static String run() {
            EligibilityEngine viaServiceLoader = EligibilityEngine.standard();
            EligibilityEngine direct = new DroolsEligibilityEngine();
            return summary(viaServiceLoader) + "\n" + summary(direct) + "\nloader=" + Probe.class.getClassLoader().getClass().getSimpleName();
        }

        static String summary(EligibilityEngine engine) {
            YearMonth june = YearMonth.of(2025, 6);
            WorkerProfile p = WorkerProfile.builder("host").birthDate(LocalDate.of(1990, 1, 1)).sex(Sex.FEMALE)
                    .employmentStatus(EmploymentStatus.EMPLOYEE).employmentStart(LocalDate.of(2024, 1, 1))
                    .period(ContributionPeriod.paid(YearMonth.of(2024, 1), june, Money.khr(852_800))).build();
            Assessment a = engine.assess(AssessmentRequest.of(p, LocalDate.of(2025, 6, 30)), Locale.forLanguageTag("km"));
            return engine.ruleSetVersion() + " " + a.decisions().stream()
                    .map(d -> d.scheme() + "/" + d.benefit() + "=" + d.outcome() + ":" + d.reasons().stream().map(r -> r.ruleId() + "[" + r.message() + "]")
                            .collect(Collectors.joining(",")))
                    .collect(Collectors.joining(";")) + " lines=" + a.contributions().size();
        }
    }

    @Test
    void hostFoldersFirstOnTheClassPath_theEngineReadsItsOwnFilesAndAssessesAlike(@TempDir Path host) throws Exception {
        // a host application's own folders, named like the ones the library used to read, with content that breaks
        write(host.resolve("rules/health_care/maternity.drl"), "package rules.health_care;\nrule \"broken\" when then x y z end\n");
        write(host.resolve("rules/host.drl"), "this is not DRL");
        write(host.resolve("messages/en.properties"), "HC-MAT-01=the host's message\n");
        write(host.resolve("messages/host_km.properties"), "HC-MAT-01=host\n");
        write(host.resolve("parameters/pension/contribution_rate.yaml"), "not: [a parameter\n");
        write(host.resolve("legal-sources/host.yaml"), "id: other\n");
        write(host.resolve("drl/host.drl"), "garbage");
        write(host.resolve("index.txt"), "drl/host.drl\n");

        String expected = Probe.run();
        String isolated;
        try (URLClassLoader loader = new URLClassLoader(classPath(host), ClassLoader.getPlatformClassLoader())) {
            Class<?> probe = Class.forName(Probe.class.getName(), true, loader);
            assertThat(probe.getClassLoader()).as("the probe runs in the isolated loader").isSameAs(loader);
            assertThat(Path.of(loader.getResource("rules/health_care/maternity.drl").toURI())).as("the host folder comes first").startsWith(host);
            isolated = (String) probe.getMethod("run").invoke(null);
        }
        assertThat(expected).contains("HC-").doesNotContain("the host's message");
        assertThat(isolated.substring(0, isolated.lastIndexOf('\n'))).isEqualTo(expected.substring(0, expected.lastIndexOf('\n')));
        assertThat(isolated).endsWith("loader=URLClassLoader");
    }

    @Test
    void withoutTheIndex_loadingFailsAtOnceAndSaysWhatIsMissing(@TempDir Path empty) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {empty.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ResourceFiles.read(loader, "parameters", ".yaml"))
                    .isInstanceOf(RuleBaseException.class)
                    .hasMessageContaining(ResourceFiles.INDEX)
                    .hasMessageContaining("is not on the class path");
        }
    }

    @Test
    void anIndexedFileMissingFromTheClassPath_failsAtOnceNamingIt(@TempDir Path dir) throws Exception {
        write(dir.resolve(ResourceFiles.INDEX), "parameters/gone.yaml\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ResourceFiles.read(loader, "parameters", ".yaml"))
                    .isInstanceOf(RuleBaseException.class)
                    .hasMessageContaining(ResourceFiles.BASE + "parameters/gone.yaml")
                    .hasMessageContaining("is listed in");
        }
    }

    @Test
    void theIndexListsEveryFileOfTheRuleBaseFolders() throws Exception {
        Path base = Path.of(ForeignClassPathTests.class.getClassLoader().getResource(ResourceFiles.INDEX).toURI()).getParent();
        List<String> onDisk = new ArrayList<>();
        for (String folder : ResourceFiles.FOLDERS) {
            try (var s = Files.walk(base.resolve(folder))) {
                s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("README.md") && !p.getFileName().toString().endsWith(".class"))
                        .forEach(p -> onDisk.add(base.relativize(p).toString().replace('\\', '/')));
            }
        }
        assertThat(ResourceFiles.index(ForeignClassPathTests.class.getClassLoader())).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    private static URL[] classPath(Path first) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        urls.add(first.toUri().toURL());
        for (String e : cp.split(File.pathSeparator)) if (!e.isBlank()) urls.add(Path.of(e).toUri().toURL());
        return urls.toArray(URL[]::new);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
