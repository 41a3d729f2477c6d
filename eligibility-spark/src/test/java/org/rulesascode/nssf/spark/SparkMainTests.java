package org.rulesascode.nssf.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The spark-submit driver refuses bad arguments with one line and exit status 2, before starting Spark. */
class SparkMainTests {
    static String[] run(int expectedCode, String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = SparkMain.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String err = bytes.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err).isEqualTo(expectedCode);
        return err.strip().split("\n");
    }

    @Test
    void badArguments_oneLine_exit2() throws Exception {
        assertThat(run(2)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("nssf-spark: command").contains("usage: (run|compare)");
        assertThat(run(2, "compare", "--population", "w.jsonl", "--as-of", "2028-06-30", "--out", "o"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("--reform", "is missing");
        assertThat(run(2, "run", "--population", "w.jsonl", "--as-of", "2028-06-31", "--out", "o"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("--as-of", "'2028-06-31' is not a date");
        assertThat(run(2, "run", "--population", "w.jsonl", "--as-of", "2028-06-30", "--out", "o", "--threads", "2"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("--threads", "is not an option");
        assertThat(run(2, "run", "--population", "w.jsonl", "--out", "o"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("--as-of", "is missing");
    }
}
