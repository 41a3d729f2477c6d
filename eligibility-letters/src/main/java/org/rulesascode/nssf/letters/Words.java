package org.rulesascode.nssf.letters;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The letter's own words from the message bundle {@code letter.properties} (English) and {@code letter_km.properties}
 * (Khmer), formatted with {@link MessageFormat}: plurals are choice forms, numbers are grouped by the locale.
 */
final class Words {
    static final String BUNDLE = "org.rulesascode.nssf.letters.letter";

    final Locale locale;
    private final ResourceBundle bundle;

    Words(Locale locale) {
        boolean km = locale != null && "km".equals(locale.getLanguage());
        this.locale = km ? Locale.forLanguageTag("km") : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    boolean khmer() {
        return "km".equals(locale.getLanguage());
    }

    boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** @return the raw text of {@code key}, or null */
    String raw(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** @return the pattern {@code key} formatted with {@code args} (numbers grouped the English way: 1,837,530) */
    String f(String key, Object... args) {
        String pattern = raw(key);
        if (pattern == null) throw new IllegalArgumentException("no text " + key + " in " + BUNDLE);
        // numbers are grouped the same way in both languages (Latin digits, comma groups), as NSSF's Khmer pages do
        return new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }
}
