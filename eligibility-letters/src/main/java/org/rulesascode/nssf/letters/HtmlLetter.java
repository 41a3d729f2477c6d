package org.rulesascode.nssf.letters;

import java.util.Locale;

import org.rulesascode.nssf.eligibility.Assessment;

/** The letter as HTML: the lead as headings, lists and paragraphs; the detail section as preformatted text. */
final class HtmlLetter {
    private HtmlLetter() { }

    /** The page's styles: A4 print margins, a Khmer font first for Khmer text, no navigation when printed. */
    static final String CSS = """
            @page { size: A4; margin: 18mm 16mm; }
            body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45; max-width: 48rem; margin: 1rem auto; padding: 0 1rem; color: #111; }
            :lang(km), .km { font-family: "Khmer OS", "Khmer OS System", "Khmer OS Content", "Noto Sans Khmer", "Noto Serif Khmer", sans-serif; line-height: 1.8; }
            h1 { font-size: 1.4rem; margin: 0 0 .3rem; } h2 { font-size: 1.1rem; margin: 1.2rem 0 .3rem; border-bottom: 1px solid #999; }
            .meta { color: #444; font-size: .9rem; } .note { margin: .3rem 0; } .footnote { font-size: .9rem; color: #333; margin-top: 1rem; }
            ul { padding-left: 1.2rem; } li { margin: .2rem 0; }
            pre { white-space: pre-wrap; font-size: 8.5pt; line-height: 1.35; }
            details > summary { cursor: pointer; margin-top: 1rem; }
            .disclaimer { font-size: .85rem; color: #444; margin-top: 1.2rem; }
            @media print { .noprint { display: none; } details { display: block; } body { margin: 0; max-width: none; } h2 { break-after: avoid; } li { break-inside: avoid; } }
            """;

    static String page(Assessment a, Locale locale, boolean detail) {
        Words w = new Words(locale);
        String lang = w.khmer() ? "km" : "en";
        return "<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + esc(w.f("html.title")) + " – "
                + esc(a.profileId()) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n" + article(a, locale, detail)
                + "</body>\n</html>\n";
    }

    static String article(Assessment a, Locale locale, boolean detail) {
        Words w = new Words(locale);
        TextReport.Lang lang = w.khmer() ? TextReport.Lang.KM : TextReport.Lang.EN;
        TextReport.Letter l = TextReport.letterFor(a, lang);
        StringBuilder sb = new StringBuilder();
        sb.append("<article class=\"letter").append(w.khmer() ? " km" : "").append("\" lang=\"").append(w.khmer() ? "km" : "en").append("\">\n");
        sb.append("<h1>").append(esc(l.t("title"))).append("</h1>\n");
        sb.append("<p class=\"meta\">").append(esc(l.t("profile"))).append(' ').append(esc(a.profileId())).append(" · ")
                .append(esc(l.t("asOf"))).append(' ').append(a.asOf()).append(" · ").append(esc(l.t("ruleSet"))).append(' ')
                .append(esc(a.ruleSetVersion())).append("</p>\n");
        sb.append("<p>").append(esc(l.t("intro", "asOf", a.asOf()))).append("</p>\n");
        if (w.khmer()) sb.append("<p class=\"meta\">").append(esc(l.t("machineKhmer"))).append("</p>\n");
        int n = 0;
        for (Lead.Section s : Lead.of(a, w)) {
            n++;
            sb.append("<section class=\"lead-").append(n).append("\">\n<h2>").append(esc(s.heading())).append("</h2>\n");
            if (!s.items().isEmpty()) {
                sb.append("<ul>\n");
                for (String item : s.items()) sb.append("<li>").append(esc(item)).append("</li>\n");
                sb.append("</ul>\n");
            }
            for (String note : s.notes()) sb.append("<p class=\"note\">").append(esc(note)).append("</p>\n");
            sb.append("</section>\n");
        }
        String foot = Lead.footnote(a, w);
        if (foot != null) sb.append("<p class=\"footnote\">").append(esc(foot)).append("</p>\n");
        if (detail) {
            sb.append("<details class=\"detail\">\n<summary>").append(esc(w.f("html.detail"))).append("</summary>\n<h2>")
                    .append(esc(w.f("heading.detail"))).append("</h2>\n<pre>").append(esc(TextReport.details(a, lang))).append("</pre>\n</details>\n");
        }
        sb.append("<p class=\"disclaimer\">").append(esc(l.t("disclaimer"))).append("</p>\n");
        sb.append("</article>\n");
        return sb.toString();
    }

    /** @return {@code s} safe in HTML text and attribute values */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
