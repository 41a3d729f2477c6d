package org.rulesascode.nssf.population.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link Utf8Writer} writes the bytes the JDK's writer wrote before it (a buffered {@link OutputStreamWriter} with a
 * UTF-8 encoder that replaces malformed input with U+FFFD): hand-checked cases, then a differential test over random
 * sequences of writes (fixed seeds; surrogates split across writes, tiny and large buffers, pre-encoded lines).
 */
class Utf8WriterTests {

    static Writer reference(ByteArrayOutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD".getBytes(StandardCharsets.UTF_8))), 1 << 16);
    }

    static String hex(String... writes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (Utf8Writer w = new Utf8Writer(b, 16)) {
            for (String s : writes) w.write(s);
        }
        return HexFormat.of().formatHex(b.toByteArray());
    }

    @Test
    void encodes_byHand() throws IOException {
        // UTF-8 by hand (RFC 3629): 1 to 4 bytes; U+FFFD is EF BF BD
        assertThat(hex("A\u007f")).isEqualTo("417f");
        assertThat(hex("\u00e9\u07ff")).isEqualTo("c3a9dfbf");
        assertThat(hex("\u0800\u17c0\uffff")).isEqualTo("e0a080" + "e19f80" + "efbfbf");
        assertThat(hex("\uD83D\uDE00")).isEqualTo("f09f9880"); // U+1F600
        assertThat(hex("\uD83D", "\uDE00")).as("a pair split over two writes").isEqualTo("f09f9880");
        assertThat(hex("\uD800x")).as("a lone high surrogate").isEqualTo("efbfbd78");
        assertThat(hex("\uDC00x")).as("a lone low surrogate").isEqualTo("efbfbd78");
        assertThat(hex("\uD800\uD83D\uDE00")).as("high, then a pair").isEqualTo("efbfbd" + "f09f9880");
        assertThat(hex("x\uD800")).as("a high surrogate at the end").isEqualTo("78efbfbd");
        assertThat(hex("x\uD800", "y")).isEqualTo("78efbfbd79");
        assertThat(HexFormat.of().formatHex(Utf8Writer.encode("a\uD800\uDC00\uDC00\u00e9\uD800"))).isEqualTo("61f0908080efbfbdc3a9efbfbd");
    }

    @Test
    void aClosedWriter_refusesWrites() throws IOException {
        Utf8Writer w = new Utf8Writer(new ByteArrayOutputStream(), 64);
        w.close();
        w.close(); // twice is fine
        assertThatThrownBy(() -> w.write("x")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> w.writeUtf8(new byte[] {65})).isInstanceOf(IOException.class);
    }

    static final char[] ALPHABET = "ab \n\"\\\u0000\u007f\u0080\u00ff\u0100\u07ff\u0800\u2028\uFFFD\uFFFF\uD800\uDBFF\uDC00\uDFFF\uD83D\uDE00".toCharArray();

    static String random(Random r, int max) {
        int n = r.nextInt(max + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : ALPHABET[r.nextInt(ALPHABET.length)]);
        return sb.toString();
    }

    @Test
    void writesTheJdkWritersBytes_overRandomWrites() throws IOException {
        for (long seed = 1; seed <= 3_000; seed++) {
            Random r = new Random(seed);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            int size = new int[] {8, 9, 13, 64, 1 << 16}[r.nextInt(5)];
            StringBuilder ops = new StringBuilder();
            try (Writer ref = reference(expected); Utf8Writer w = new Utf8Writer(actual, size)) {
                int n = r.nextInt(40);
                for (int i = 0; i < n; i++) {
                    String s = random(r, r.nextInt(10) == 0 ? 3_000 : 12);
                    switch (r.nextInt(6)) {
                        case 0 -> {
                            ops.append("write(String) ");
                            ref.write(s);
                            w.write(s);
                        }
                        case 1 -> {
                            int off = s.isEmpty() ? 0 : r.nextInt(s.length());
                            int len = r.nextInt(s.length() - off + 1);
                            ops.append("write(String,").append(off).append(',').append(len).append(") ");
                            ref.write(s, off, len);
                            w.write(s, off, len);
                        }
                        case 2 -> {
                            char[] c = s.toCharArray();
                            int off = c.length == 0 ? 0 : r.nextInt(c.length);
                            int len = r.nextInt(c.length - off + 1);
                            ops.append("write(char[],").append(off).append(',').append(len).append(") ");
                            ref.write(c, off, len);
                            w.write(c, off, len);
                        }
                        case 3 -> {
                            char c = ALPHABET[r.nextInt(ALPHABET.length)];
                            ops.append("write(int) ");
                            ref.write(c);
                            w.write(c);
                        }
                        case 4 -> {
                            ops.append("flush ");
                            ref.flush();
                            w.flush();
                        }
                        default -> { // a line made elsewhere: it starts with no low surrogate and ends with no high one
                            String line = "<" + s + ">";
                            ops.append("writeUtf8 ");
                            ref.write(line);
                            w.writeUtf8(Utf8Writer.encode(line));
                        }
                    }
                }
            }
            if (!java.util.Arrays.equals(expected.toByteArray(), actual.toByteArray())) {
                throw new AssertionError("seed " + seed + ", buffer " + size + ", writes: " + ops + "\n jdk:  " + HexFormat.of().formatHex(expected.toByteArray())
                        + "\n ours: " + HexFormat.of().formatHex(actual.toByteArray()));
            }
        }
    }

    @Test
    void encode_isTheJdkEncodingOfTheWholeText() throws IOException {
        for (long seed = 1; seed <= 3_000; seed++) {
            String s = random(new Random(seed), seed % 50 == 0 ? 5_000 : 30);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (Writer ref = reference(expected)) {
                ref.write(s);
            }
            assertThat(Utf8Writer.encode(s)).as("seed %d", seed).isEqualTo(expected.toByteArray());
        }
    }
}
