package org.rulesascode.nssf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rulesascode.nssf.cli.NssfCommandTests.assertUserError;
import static org.rulesascode.nssf.cli.NssfCommandTests.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rulesascode.nssf.eligibility.EligibilityEngine;

/**
 * The command-line reproductions of issue 14: each is exit 2 with one line of bounded length naming the field, and
 * an input refused by its range or size is refused before the engine is built (the engine supplier here fails).
 */
class HostileInputCommandTests {
    /** An engine supplier that must not be called: the input is refused before the engine is needed. */
    static final Supplier<EligibilityEngine> NO_ENGINE = () -> {
        throw new AssertionError("the engine was built for an input that should have been refused first");
    };

    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    Path profile(String wage) throws IOException {
        return file("p.json", NssfCommandTests.PROFILE.replace("{\"amount\": 852800, \"currency\": \"KHR\"}", wage));
    }

    static void assertBounded(NssfCommandTests.Run r) {
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0).length()).isLessThanOrEqualTo(Errors.MAX_LINE);
    }

    @Test
    void assess_aWageOf1e100000000_isExit2_beforeTheEngine() throws IOException {
        NssfCommandTests.Run r = run(NO_ENGINE, "assess", "--as-of", "2025-06-30",
                profile("{\"amount\": 1e100000000, \"currency\": \"KHR\"}").toString());
        assertUserError(r, "$.history[0].declaredWage.amount");
        assertThat(r.err()).contains("too large", "allowed: an amount from 0 to 100000000000 riel");
        assertBounded(r);
    }

    @Test
    void assess_wagesOf8e17_1e400_2pow63_areExit2() throws IOException {
        for (String w : new String[] {"800000000000000000", "1e400", "9223372036854775808"}) {
            NssfCommandTests.Run r = run(NO_ENGINE, "assess", "--as-of", "2025-06-30",
                    profile("{\"amount\": " + w + ", \"currency\": \"KHR\"}").toString());
            assertUserError(r, "$.history[0].declaredWage.amount");
        }
    }

    @Test
    void assess_anExchangeRateOf1e999999999_isExit2_notAConstraintError() throws IOException {
        NssfCommandTests.Run r = run(NO_ENGINE, "assess", "--as-of", "2025-06-30",
                profile("{\"amount\": 208, \"currency\": \"USD\", \"exchangeRate\": 1e999999999}").toString());
        assertUserError(r, "$.history[0].declaredWage.exchangeRate");
        assertThat(r.err()).doesNotContain("CMP-MW-01");
    }

    @Test
    void assess_aReformDateOf999999999_isExit2_beforeTheEngine() throws IOException {
        Path reform = file("r.yaml", "name: x\nparameters:\n  pension.contributable_wage.ceiling:\n    +999999999-12-31: 2000000\n");
        NssfCommandTests.Run r = run(NO_ENGINE, "assess", "--as-of", "2025-06-30", "--reform", reform.toString(),
                profile("400000").toString());
        assertUserError(r, reform + ":4 parameters.pension.contributable_wage.ceiling.+999999999-12-31");
        assertThat(r.err()).contains("allowed: a date from 1900-01-01 to 2100-12-31");
    }

    @Test
    void assess_reformFromDevZero_isExit2_bySize() throws IOException {
        Path zero = Path.of("/dev/zero");
        if (!Files.isReadable(zero)) return;
        NssfCommandTests.Run r = run(NO_ENGINE, "assess", "--as-of", "2025-06-30", "--reform", zero.toString(), profile("400000").toString());
        assertUserError(r, "/dev/zero");
        assertThat(r.err()).contains("larger than 1048576 bytes");
    }

    @Test
    void assess_aHugeReformValue_isExit2_withoutEchoingIt() throws IOException {
        Path reform = file("r.yaml", "name: x\nparameters:\n  pension.contributable_wage.ceiling:\n    2027-01-01: 1.0e+999999999\n");
        NssfCommandTests.Run r = run("assess", "--as-of", "2025-06-30", "--reform", reform.toString(), profile("400000").toString());
        assertUserError(r, reform + ":4 parameters.pension.contributable_wage.ceiling.2027-01-01");
        assertThat(r.err()).contains("1.0E+999999999", "from 0 to 100000000000");
        assertBounded(r);
    }

    @Test
    void contributions_aHugeWageOrRate_isExit2_namingTheOption() {
        assertUserError(run(NO_ENGINE, "contributions", "--month", "2025-06", "--wage", "1e400"), "--wage");
        assertUserError(run(NO_ENGINE, "contributions", "--month", "2025-06", "--wage", "208", "--currency", "USD",
                "--exchange-rate", "1e999999999"), "--exchange-rate");
    }

    @Test
    void aUserErrorLine_neverExceedsTheBound_whateverItsParts() {
        String line = Errors.line("f".repeat(5_000), "p".repeat(5_000), "a".repeat(5_000));
        assertThat(line).hasSizeLessThanOrEqualTo(Errors.MAX_LINE).startsWith("nssf: fff").contains(": ppp", "(allowed: aaa");
        String shortLine = Errors.line("$.id", "is missing", "1 to 100 characters");
        assertThat(shortLine).isEqualTo("nssf: $.id: is missing (allowed: 1 to 100 characters)");
    }
}
