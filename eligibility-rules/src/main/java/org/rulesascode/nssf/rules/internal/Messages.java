package org.rulesascode.nssf.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Message bundles keyed by rule id ({@code messages/en.properties}, {@code messages/km.properties}, UTF-8).
 * A template names facts in braces: {@code {age}}, {@code {months}}, and parameter values as {@code {p:id}}.
 * Keys: {@code <ruleId>} for the message, {@code <ruleId>.distance} for how far a failed criterion is from passing.
 */
public final class Messages {
    private final Properties english;
    private final Properties khmer;

    private Messages(Properties english, Properties khmer) {
        this.english = english;
        this.khmer = khmer;
    }

    public static Messages load() {
        return new Messages(read("messages/en.properties"), read("messages/km.properties"));
    }

    private static Properties read(String resource) {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return p;
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return p;
    }

    /** @return true if an English message exists for this key */
    public boolean has(String key) {
        return english.containsKey(key);
    }

    /** @return the rendered template for {@code key} in {@code locale} (English when missing), or null when no template exists */
    public String render(String key, Locale locale, Map<String, String> args) {
        String t = null;
        if (locale != null && "km".equals(locale.getLanguage())) t = khmer.getProperty(key);
        if (t == null) t = english.getProperty(key);
        if (t == null) return null;
        StringBuilder out = new StringBuilder(t.length() + 32);
        int i = 0;
        while (i < t.length()) {
            char c = t.charAt(i);
            int close = c == '{' ? t.indexOf('}', i) : -1;
            if (close > i) {
                String name = t.substring(i + 1, close);
                String v = args.get(name);
                out.append(v == null ? "{" + name + "}" : v);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    public Properties english() { return english; }
}
