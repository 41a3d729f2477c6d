package org.rulesascode.nssf.letters;

import java.util.Locale;
import java.util.Objects;

import org.rulesascode.nssf.eligibility.Assessment;

/**
 * The decision letter a union paralegal reads to a worker, made from an {@link Assessment}: as plain text or as an
 * HTML page that prints on A4, in English or Khmer. It leads with what she gets (amounts with totals; her whole
 * maternity income with each payer's share), then what she does not get and the single thing that would change it,
 * what NSSF still needs to know, what to do next (where, by when, which documents, whom to call, with how well each
 * step is sourced), her cover, and the schemes not in force as one footnote. Rule ids, parameter ids and legal sources
 * appear only in the detail section ({@code detail = true}).
 *
 * <p>The letter's own words come from this module's message bundles; the reasons' sentences come from the engine, so
 * assess in the same locale as the letter ({@code engine.assess(request, locale)}). The Khmer words are machine-made
 * with NSSF's official terms and not yet reviewed by a native speaker. Thread-safe; no state.
 *
 * <pre>{@code
 * Assessment a = EligibilityEngine.standard().assess(AssessmentRequest.of(profile, asOf), Locale.ENGLISH);
 * String text = DecisionLetter.text(a, Locale.ENGLISH, false);
 * String page = DecisionLetter.html(a, Locale.forLanguageTag("km"), true);
 * }</pre>
 */
public final class DecisionLetter {
    private DecisionLetter() { }

    /**
     * @param assessment the assessment
     * @param locale     {@code km} for Khmer, anything else (or null) for English
     * @param detail     add the detail section (reasons, rule ids, legal sources, parameters, calculations, contributions)
     * @return the letter as plain text, ending with a newline; prose is wrapped at 100 columns
     */
    public static String text(Assessment assessment, Locale locale, boolean detail) {
        Objects.requireNonNull(assessment, "assessment");
        return TextReport.render(assessment, TextReport.Lang.of(locale), detail);
    }

    /**
     * @param assessment the assessment
     * @param locale     {@code km} for Khmer, anything else (or null) for English
     * @param detail     add the detail section, folded (an HTML {@code <details>} element)
     * @return the letter as a complete HTML page (UTF-8, A4 print styles, a Khmer font for Khmer)
     */
    public static String html(Assessment assessment, Locale locale, boolean detail) {
        Objects.requireNonNull(assessment, "assessment");
        return HtmlLetter.page(assessment, locale, detail);
    }

    /** @return the letter's article element only (no page around it), for embedding in a page of one's own */
    public static String htmlFragment(Assessment assessment, Locale locale, boolean detail) {
        Objects.requireNonNull(assessment, "assessment");
        return HtmlLetter.article(assessment, locale, detail);
    }
}
