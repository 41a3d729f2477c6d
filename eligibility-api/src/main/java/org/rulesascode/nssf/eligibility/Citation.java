package org.rulesascode.nssf.eligibility;

/**
 * A legal source: an instrument of the catalogue and an article (or section) in it.
 *
 * @param instrument id of the instrument in the legal-source catalogue, e.g. {@code prakas-449-2017}
 * @param article    article or section, e.g. {@code art. 5}, or empty when the article is not known
 * @param title      the instrument's English title, for display
 */
public record Citation(String instrument, String article, String title) {
    public Citation {
        if (instrument == null || instrument.isBlank()) throw new IllegalArgumentException("citation without instrument");
        article = article == null ? "" : article;
        title = title == null ? "" : title;
    }

    /** @return e.g. "Prakas 449 (2017), art. 2" */
    public String display() {
        String t = title.isEmpty() ? instrument : title;
        return article.isEmpty() ? t : t + ", " + article;
    }
}
