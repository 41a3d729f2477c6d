package org.rulesascode.nssf.population.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer that also takes text already encoded ({@link #writeUtf8}), so that lines made and encoded
 * on worker threads cost the writing thread only a copy. Characters are encoded exactly as an
 * {@link java.io.OutputStreamWriter} with a UTF-8 encoder that replaces malformed input with U+FFFD: an unpaired
 * surrogate (legal in JSON text, {@code "\ud800"}, but not a character) becomes U+FFFD REPLACEMENT CHARACTER, a high
 * surrogate at the end of one write pairs with a low surrogate at the start of the next, and a high surrogate left
 * at {@link #close} becomes U+FFFD.
 */
public final class Utf8Writer extends Writer {
    private static final byte R0 = (byte) 0xEF;
    private static final byte R1 = (byte) 0xBF;
    private static final byte R2 = (byte) 0xBD;

    private final OutputStream out;
    private final byte[] buf;
    private int pos;
    /** A high surrogate that ended the last write, waiting for its low surrogate; 0 when none. */
    private char pending;
    private boolean closed;

    /** @param size the buffer size in bytes (at least 8) */
    public Utf8Writer(OutputStream out, int size) {
        if (size < 8) throw new IllegalArgumentException("size < 8");
        this.out = out;
        this.buf = new byte[size];
    }

    /**
     * Appends bytes that are already UTF-8 (made by {@link #encode}); a high surrogate left by an earlier character
     * write is first written as U+FFFD, as if the text had ended there.
     */
    public void writeUtf8(byte[] b) throws IOException {
        open();
        if (pending != 0) {
            ensure(3);
            replacement();
            pending = 0;
        }
        if (b.length > buf.length - pos) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, c.length);
        encode(java.nio.CharBuffer.wrap(c), off, off + len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, s.length());
        encode(s, off, off + len);
    }

    @Override
    public void write(String s) throws IOException {
        encode(s, 0, s.length());
    }

    @Override
    public void write(int c) throws IOException {
        encode(String.valueOf((char) c), 0, 1);
    }

    private void open() throws IOException {
        if (closed) throw new IOException("Stream closed");
    }

    private void encode(CharSequence s, int from, int to) throws IOException {
        open();
        int i = from;
        if (pending != 0 && i < to) {
            char c = s.charAt(i);
            ensure(4);
            if (Character.isLowSurrogate(c)) {
                pos = pair(buf, pos, pending, c);
                i++;
            } else {
                replacement();
            }
            pending = 0;
        }
        while (i < to) {
            char c = s.charAt(i);
            if (c < 0x80) { // ASCII: the common case
                if (pos == buf.length) flushBuffer();
                buf[pos++] = (byte) c;
                i++;
                continue;
            }
            ensure(4);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == to) {
                    pending = c;
                } else if (Character.isLowSurrogate(s.charAt(i + 1))) {
                    pos = pair(buf, pos, c, s.charAt(i + 1));
                    i++;
                } else {
                    replacement();
                }
            } else {
                pos = other(buf, pos, c);
            }
            i++;
        }
    }

    private void replacement() {
        buf[pos++] = R0;
        buf[pos++] = R1;
        buf[pos++] = R2;
    }

    /** Writes a character that is neither ASCII nor a high surrogate (a lone low surrogate becomes U+FFFD). */
    private static int other(byte[] b, int p, char c) {
        if (c < 0x800) {
            b[p++] = (byte) (0xC0 | c >> 6);
            b[p++] = (byte) (0x80 | c & 0x3F);
        } else if (Character.isLowSurrogate(c)) {
            b[p++] = R0;
            b[p++] = R1;
            b[p++] = R2;
        } else {
            b[p++] = (byte) (0xE0 | c >> 12);
            b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
            b[p++] = (byte) (0x80 | c & 0x3F);
        }
        return p;
    }

    private static int pair(byte[] b, int p, char high, char low) {
        int cp = Character.toCodePoint(high, low);
        b[p++] = (byte) (0xF0 | cp >> 18);
        b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
        b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
        b[p++] = (byte) (0x80 | cp & 0x3F);
        return p;
    }

    private void ensure(int n) throws IOException {
        if (buf.length - pos < n) flushBuffer();
    }

    private void flushBuffer() throws IOException {
        open();
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** @return {@code s} in UTF-8, as this writer would write it alone (an unpaired surrogate becomes U+FFFD) */
    public static byte[] encode(CharSequence s) {
        int n = s.length();
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) { // ASCII: one byte per character
            char c = s.charAt(i);
            if (c >= 0x80) break;
            b[i++] = (byte) c;
        }
        if (i == n) return b;
        int p = i;
        b = java.util.Arrays.copyOf(b, p + (n - i) * 3); // at most 3 bytes per char (a pair: 4 bytes for 2 chars)
        while (i < n) {
            char c = s.charAt(i++);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (Character.isHighSurrogate(c)) {
                if (i < n && Character.isLowSurrogate(s.charAt(i))) {
                    p = pair(b, p, c, s.charAt(i++));
                } else {
                    b[p++] = R0;
                    b[p++] = R1;
                    b[p++] = R2;
                }
            } else {
                p = other(b, p, c);
            }
        }
        return java.util.Arrays.copyOf(b, p);
    }

    @Override
    public void flush() throws IOException {
        open();
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        try {
            if (pending != 0) {
                ensure(3);
                replacement();
                pending = 0;
            }
            flushBuffer();
        } finally {
            closed = true;
            out.close();
        }
    }
}
