package org.rulesascode.nssf.rules.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Message bundles keyed by rule id: every {@code messages/*.properties} file (UTF-8) is English, every
 * {@code messages/*_km.properties} file Khmer; a topic may have its own file, but a key may appear in one file only.
 * A template names facts in braces: {@code {age}}, {@code {months}}, and parameter values as {@code {p:id}}; the
 * first date a parameter holds a value as {@code {start:id}}, and the date of its next change as {@code {next:id}}.
 * Keys: {@code <ruleId>} for the message, {@code <ruleId>.distance} for how far a failed criterion is from passing.
 */
public final class Messages {
    private final Properties english;
    private final Properties khmer;
    private final Map<String, Template> englishTemplates = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Template> khmerTemplates = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(Properties english, Properties khmer) {
        this.english = english;
        this.khmer = khmer;
    }

    public static Messages load() {
        Properties en = new Properties();
        Properties km = new Properties();
        ResourceFiles.read("messages", ".properties").forEach((file, text) -> {
            Properties into = file.endsWith("_km.properties") ? km : en;
            Properties p = new Properties();
            try (Reader r = new StringReader(text)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read messages/" + file, e);
            }
            for (String key : p.stringPropertyNames()) {
                if (into.containsKey(key)) throw new RuleBaseException("messages/" + file, key, "the key is also in another messages file");
                into.setProperty(key, p.getProperty(key));
            }
        });
        return new Messages(en, km);
    }

    /** @return true if an English message exists for this key */
    public boolean has(String key) {
        return english.containsKey(key);
    }

    /** @return the rendered template for {@code key} in {@code locale} (English when missing), or null when no template exists */
    public String render(String key, Locale locale, Map<String, String> args) {
        Template t = null;
        if (locale != null && "km".equals(locale.getLanguage())) t = template(khmerTemplates, khmer, key);
        if (t == null) t = template(englishTemplates, english, key);
        return t == null ? null : t.render(args);
    }

    private static Template template(Map<String, Template> cache, Properties source, String key) {
        Template t = cache.get(key);
        if (t != null) return t;
        String text = source.getProperty(key);
        if (text == null) return null;
        t = Template.parse(text);
        cache.putIfAbsent(key, t);
        return t;
    }

    /** A template cut once into literal text and placeholder names (even indexes literal, odd indexes names). */
    private record Template(String[] parts) {
        static Template parse(String t) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            StringBuilder literal = new StringBuilder();
            int i = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                int close = c == '{' ? t.indexOf('}', i) : -1;
                if (close > i) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                    parts.add(t.substring(i + 1, close));
                    i = close + 1;
                } else {
                    literal.append(c);
                    i++;
                }
            }
            parts.add(literal.toString());
            return new Template(parts.toArray(new String[0]));
        }

        String render(Map<String, String> args) {
            StringBuilder out = new StringBuilder(64);
            for (int i = 0; i < parts.length; i++) {
                if ((i & 1) == 0) {
                    out.append(parts[i]);
                } else {
                    String v = args.get(parts[i]);
                    if (v == null) out.append('{').append(parts[i]).append('}'); else out.append(v);
                }
            }
            return out.toString();
        }
    }

    public Properties english() { return english; }

    public Properties khmer() { return khmer; }
}
