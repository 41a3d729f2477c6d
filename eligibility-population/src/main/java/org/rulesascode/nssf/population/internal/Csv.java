package org.rulesascode.nssf.population.internal;

import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4180 CSV: one record per line (no line breaks inside fields), fields quoted with {@code "} when needed. */
public final class Csv {
    private Csv() { }

    /** @return {@code s} quoted if it contains a comma, a quote, a line break or leading/trailing space; otherwise as is */
    public static String quote(String s) {
        if (s == null) return "";
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
        return needs ? '"' + s.replace("\"", "\"\"").replace("\r", " ").replace("\n", " ") + '"' : s;
    }

    /**
     * Splits one CSV record.
     *
     * @return the fields, unquoted
     * @throws IllegalArgumentException with a message naming the column where a quote is not closed or is misplaced
     */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) throw new IllegalArgumentException("has a quoted field that is not closed (field " + (out.size() + 1) + ")");
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("has text after a closing quote (field " + (out.size() + 1) + ")");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i++);
                    if (c == '"') throw new IllegalArgumentException("has a quote inside an unquoted field (field " + (out.size() + 1) + ")");
                    field.append(c);
                }
            }
            out.add(field.toString());
            if (i >= n) return out;
            i++; // the comma
        }
    }
}
