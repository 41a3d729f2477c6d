package org.rulesascode.nssf.population.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A buffered UTF-8 writer that also takes text already encoded ({@link #writeUtf8}), so that lines made and encoded
 * on worker threads cost the writing thread only a copy. Characters are encoded as an
 * {@link java.io.OutputStreamWriter} encodes them, with the same JDK UTF-8 encoder set to replace malformed input
 * with U+FFFD: an unpaired surrogate (legal in JSON text, {@code "\ud800"}, but not a character) becomes U+FFFD
 * REPLACEMENT CHARACTER, a high surrogate at the end of one write pairs with a low surrogate at the start of the next,
 * and a high surrogate left at {@link #close} becomes U+FFFD.
 */
public final class Utf8Writer extends Writer {
    private static final byte[] REPLACEMENT = "\uFFFD".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final byte[] buf;
    private final ByteBuffer bytes;
    private final char[] scratch;
    private final CharsetEncoder encoder = encoder();
    /** A high surrogate that ended the last write, waiting for its low surrogate; 0 when none. */
    private char pending;
    private boolean closed;

    /** @param size the buffer size in bytes (at least 8) */
    public Utf8Writer(OutputStream out, int size) {
        if (size < 8) throw new IllegalArgumentException("size < 8");
        this.out = out;
        this.buf = new byte[size];
        this.bytes = ByteBuffer.wrap(buf);
        this.scratch = new char[Math.min(size, 8192)];
    }

    /** @return the UTF-8 encoder of the files: malformed input (an unpaired surrogate) becomes U+FFFD */
    private static CharsetEncoder encoder() {
        return StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(REPLACEMENT);
    }

    /** @return {@code text} in UTF-8, as this writer would write it alone (an unpaired surrogate becomes U+FFFD) */
    public static byte[] encode(CharSequence text) {
        try {
            ByteBuffer b = encoder().encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) { // cannot happen: malformed input is replaced
            throw new IllegalStateException(e);
        }
    }

    /**
     * Appends bytes that are already UTF-8 (made by {@link #encode}); a high surrogate left by an earlier character
     * write is first written as U+FFFD, as if the text had ended there.
     */
    public void writeUtf8(byte[] b) throws IOException {
        open();
        if (pending != 0) {
            pending = 0;
            writeUtf8(REPLACEMENT);
        }
        if (b.length > buf.length - bytes.position()) {
            flushBuffer();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        bytes.put(b);
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, c.length);
        encode(c, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, s.length());
        int end = off + len;
        while (off < end) { // in pieces through a char array, which the encoder reads fastest
            int n = Math.min(end - off, scratch.length);
            s.getChars(off, off + n, scratch, 0);
            encode(scratch, 0, n);
            off += n;
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public void write(int c) throws IOException {
        scratch[0] = (char) c;
        encode(scratch, 0, 1);
    }

    private void open() throws IOException {
        if (closed) throw new IOException("Stream closed");
    }

    private void encode(char[] a, int off, int len) throws IOException {
        open();
        if (len == 0) return;
        if (pending != 0) { // the high surrogate of the last write: a pair with this low surrogate, or U+FFFD
            char high = pending;
            pending = 0;
            if (Character.isLowSurrogate(a[off])) {
                encode(new char[] {high, a[off]}, 0, 2);
                off++;
                len--;
            } else {
                writeUtf8(REPLACEMENT);
            }
        }
        CharBuffer in = CharBuffer.wrap(a, off, len);
        while (true) {
            CoderResult r = encoder.encode(in, bytes, false);
            if (r.isOverflow()) {
                flushBuffer();
            } else if (r.isUnderflow()) {
                if (in.hasRemaining()) pending = in.get(); // a high surrogate at the end: its pair may come next
                return;
            } else {
                r.throwException(); // cannot happen: malformed input is replaced
            }
        }
    }

    private void flushBuffer() throws IOException {
        open();
        if (bytes.position() > 0) {
            out.write(buf, 0, bytes.position());
            bytes.clear();
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        try {
            if (pending != 0) {
                pending = 0;
                writeUtf8(REPLACEMENT);
            }
            flushBuffer();
        } finally {
            closed = true;
            out.close();
        }
    }
}
