package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.TraceStep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link Text}s (calculation steps, undetermined reasons) in the request's language from the message
 * bundles. A key with no English template is a defect of the rule base and throws: every text a calculation builds
 * must have its words in {@code messages/steps.properties}.
 */
public final class Texts {
    private Texts() { }

    /** @return the text in {@code locale} (Khmer for {@code km}, English otherwise or when no Khmer exists) */
    public static String render(Messages messages, Text text, Locale locale) {
        return template(messages, text.key(), text, locale, true);
    }

    /** @return the step {@code step.<id>} as a {@link TraceStep} in {@code locale} */
    public static TraceStep step(Messages messages, Text step, Locale locale) {
        String description = template(messages, step.key() + ".description", step, locale, true);
        String formula = template(messages, step.key() + ".formula", step, locale, true);
        String result = template(messages, step.key() + ".result", step, locale, false);
        if (result == null) {
            Object r = step.args().get("result");
            if (r == null) throw new IllegalStateException("rule base defect: step " + step.key() + " has neither a .result template nor a result argument");
            result = value(messages, r, locale);
        }
        return new TraceStep(description, formula, result);
    }

    /** @return the steps in {@code locale}, in order */
    public static List<TraceStep> steps(Messages messages, List<Text> steps, Locale locale) {
        List<TraceStep> out = new ArrayList<>(steps.size());
        for (Text s : steps) out.add(step(messages, s, locale));
        return List.copyOf(out);
    }

    private static String template(Messages messages, String key, Text text, Locale locale, boolean required) {
        if (!messages.has(key)) {
            if (required) throw new IllegalStateException("rule base defect: no message for " + key + " in messages/steps.properties");
            return null;
        }
        Map<String, String> args = new HashMap<>();
        for (Map.Entry<String, Object> a : text.args().entrySet()) args.put(a.getKey(), value(messages, a.getValue(), locale));
        return messages.render(key, locale, args);
    }

    private static String value(Messages messages, Object v, Locale locale) {
        if (v instanceof Text t) return render(messages, t, locale);
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object o : list) parts.add(value(messages, o, locale));
            return String.join("; ", parts);
        }
        return String.valueOf(v);
    }
}
