package org.rulesascode.nssf.rules.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words the engine shows before they are put into a language: a key of the message bundles
 * ({@code messages/steps*.properties}) and its arguments. The calculation classes build texts without knowing the
 * request's language; {@link Texts} renders them in it. Immutable.
 *
 * <p>An argument is a {@link String}, a number (shown as is), another {@code Text} (rendered first, in the same
 * language) or a {@link List} of texts (rendered and joined by "; "). Keys:
 * <ul>
 *   <li>a calculation step {@code step.<id>} has the templates {@code step.<id>.description}, {@code .formula} and,
 *       when the result holds words, {@code .result}; otherwise the result is the argument {@code result};</li>
 *   <li>why an amount is undetermined: {@code undetermined.<id>};</li>
 *   <li>a phrase used inside another text: {@code text.<id>}.</li>
 * </ul>
 *
 * @param key  the message key (for a step, without the {@code .description} suffix)
 * @param args the arguments by name, in a stable order
 */
public record Text(String key, Map<String, Object> args) {
    public Text {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** @return the text {@code key} with arguments given as name, value, name, value, … */
    public static Text of(String key, Object... nameValue) {
        if (nameValue.length % 2 != 0) throw new IllegalArgumentException("arguments of " + key + " must come in name, value pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) m.put((String) nameValue[i], nameValue[i + 1]);
        return new Text(key, m);
    }
}
