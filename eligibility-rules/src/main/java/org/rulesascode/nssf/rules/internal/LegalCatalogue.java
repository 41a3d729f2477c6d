package org.rulesascode.nssf.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.rulesascode.nssf.eligibility.Citation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The legal instruments and references every citation must resolve to ({@code legal-sources/*.yaml}). */
public final class LegalCatalogue {
    /**
     * One instrument or reference.
     *
     * @param date    the day it was signed or published (ISO), or null when not known
     * @param inForce the day it took effect (ISO), or null when not known or the same as the date
     * @param notes   what it says that the rule base uses, in words a reader of the repository can follow
     */
    public record Instrument(String id, String kind, String title, String titleKm, String number, String date,
                             String inForce, String url, List<String> articles, String notes) { }

    private static final Set<String> KINDS = Set.of("law", "royal-kram", "royal-kret", "sub-decree", "prakas",
            "joint-prakas", "instruction", "secondary");
    private final Map<String, Instrument> byId;

    private LegalCatalogue(Map<String, Instrument> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static LegalCatalogue load() {
        return parse(ResourceFiles.read("legal-sources", ".yaml"));
    }

    public static LegalCatalogue parse(Map<String, String> files) {
        Map<String, Instrument> out = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            String file = "legal-sources/" + path;
            JsonNode n = Yaml.tree(file, text);
            String id = Yaml.text(file, n, "id", true);
            String expected = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.yaml$", "");
            if (!id.equals(expected)) throw new RuleBaseException(file, "id", "is '" + id + "' but the file is named '" + expected + "'");
            String kind = Yaml.text(file, n, "kind", true);
            if (!KINDS.contains(kind)) throw new RuleBaseException(file, "kind", "'" + kind + "' is not one of " + KINDS);
            List<String> articles = new ArrayList<>();
            JsonNode a = n.get("articles");
            if (a != null && !a.isNull()) {
                if (!a.isArray()) throw new RuleBaseException(file, "articles", "must be a list");
                a.forEach(x -> articles.add(x.asText()));
            }
            out.put(id, new Instrument(id, kind, Yaml.text(file, n, "title", true), Yaml.text(file, n, "title_km", false),
                    Yaml.text(file, n, "number", false), Yaml.text(file, n, "date", false), Yaml.text(file, n, "in_force", false),
                    Yaml.text(file, n, "url", false), List.copyOf(articles), Yaml.text(file, n, "notes", false)));
        });
        return new LegalCatalogue(out);
    }

    public Map<String, Instrument> instruments() { return byId; }

    public boolean contains(String id) { return byId.containsKey(id); }

    /**
     * @param ref "instrument" or "instrument:article"
     * @param where who cites it, for the error message
     */
    public Citation cite(String ref, String where) {
        int colon = ref.indexOf(':');
        String id = (colon < 0 ? ref : ref.substring(0, colon)).trim();
        String article = colon < 0 ? "" : ref.substring(colon + 1).trim();
        return cite(id, article, where);
    }

    public Citation cite(String id, String article, String where) {
        Instrument i = byId.get(id);
        if (i == null) throw new RuleBaseException(where, id, "cites an instrument that is not in legal-sources/");
        if (article != null && !article.isEmpty() && !i.articles().contains(article)) {
            throw new RuleBaseException(where, id, "cites article '" + article + "', not among the articles of " + id + " " + i.articles());
        }
        return new Citation(id, article, i.title());
    }
}
