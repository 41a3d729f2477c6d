package org.rulesascode.nssf.rules;

import org.junit.jupiter.api.Test;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.rules.internal.LegalCatalogue;
import org.rulesascode.nssf.rules.internal.Parameter;
import org.rulesascode.nssf.rules.internal.RuleInfo;
import org.rulesascode.nssf.rules.internal.RuleSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The law can be read from the repository alone: every note says why in its own words (no pointer to an outside
 * document), every cited source resolves to a title, a date and a link (or says why it has none), and
 * {@code docs/law.md}, generated from the parameters and the catalogue, is up to date.
 */
class LawDocumentTests {
    static final LegalCatalogue CATALOGUE = LegalCatalogue.load();
    static final Set<String> OFFICIAL = Set.of("law", "royal-kram", "royal-kret", "sub-decree", "prakas", "joint-prakas", "instruction");
    /** Pointers to a document outside the repository: section signs, source codes such as "S44", confidence codes. */
    static final Pattern OUTSIDE = Pattern.compile("§|\\bS\\d+[a-z]?\\b|nssf-rules|\\.\\./shared|rules reference|\\b[Tt]he reference\\b(?! (?:wage|period|month))|\\((?:C2?|S|M|U|D)[;,)]|\\bC2\\b");
    static final Pattern NO_DATE_SAID = Pattern.compile("not found|not known|not kept|unknown|only the year|\\b(19|20)\\d\\d\\b");

    @Test
    void lawDocumentIsUpToDate() throws IOException {
        String expected = LawDocument.render(RuleSet.standard().parameters(), CATALOGUE);
        if (Boolean.getBoolean("law.write")) {
            Files.createDirectories(LawDocument.FILE.getParent());
            Files.writeString(LawDocument.FILE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(LawDocument.FILE)).as("docs/law.md is missing: generate it with\n  " + LawDocument.REGENERATE).isTrue();
        String actual = Files.readString(LawDocument.FILE, StandardCharsets.UTF_8);
        assertThat(actual.equals(expected))
                .as("docs/law.md is out of date with parameters/ and legal-sources/: regenerate it with\n  " + LawDocument.REGENERATE)
                .isTrue();
    }

    @Test
    void theLawDocumentShowsEveryParameterAndItsProvisionalValues() {
        String doc = LawDocument.render(RuleSet.standard().parameters(), CATALOGUE);
        for (Parameter p : RuleSet.standard().parameters().all().values()) assertThat(doc).contains("### `" + p.id() + "`");
        // a value known to be provisional, with its reason, and a link of a source that has one
        assertThat(doc).contains("- `health_care.in_force` from 2016-05-01 (true): ")
                .contains("(https://nyonyum.net/km/special-3-nnkh-42/)")
                .contains("| 2022-01-01 | US$192 | confirmed |");
    }

    @Test
    void everyNoteSaysWhyInItsOwnWords_withoutPointingOutside() {
        List<String> problems = new ArrayList<>();
        for (Parameter p : RuleSet.standard().parameters().all().values()) {
            if (OUTSIDE.matcher(p.description()).find()) problems.add(p.id() + " description: " + p.description());
            for (Parameter.Entry e : p.entries()) {
                if (e.note() == null || e.note().isBlank()) problems.add(p.id() + " " + e.from() + ": no note");
                else if (OUTSIDE.matcher(e.note()).find()) problems.add(p.id() + " " + e.from() + ": " + e.note());
                if (e.citationAfterDateReason() != null && OUTSIDE.matcher(e.citationAfterDateReason()).find()) problems.add(p.id() + " " + e.from() + " reason: " + e.citationAfterDateReason());
            }
        }
        for (LegalCatalogue.Instrument i : CATALOGUE.instruments().values()) {
            if (OUTSIDE.matcher(i.title()).find()) problems.add(i.id() + " title: " + i.title());
            if (i.notes() != null && OUTSIDE.matcher(i.notes()).find()) problems.add(i.id() + " notes: " + i.notes());
        }
        assertThat(problems).as("notes that point to a document outside the repository (say it in words instead)").isEmpty();
    }

    @Test
    void everyCitedSourceResolvesToATitleADateAndALink_orSaysWhyNot() {
        Set<String> cited = new TreeSet<>();
        for (Parameter p : RuleSet.standard().parameters().all().values()) for (Parameter.Entry e : p.entries()) cited.add(e.source().instrument());
        for (RuleInfo r : RuleSet.standard().rules().rules().values()) for (Citation c : r.citations()) cited.add(c.instrument());
        List<String> problems = new ArrayList<>();
        for (String id : cited) {
            LegalCatalogue.Instrument i = CATALOGUE.instruments().get(id);
            if (i == null) { problems.add(id + ": not in legal-sources/"); continue; }
            if (i.title() == null || i.title().isBlank()) problems.add(id + ": no title");
            if (i.date() == null && i.inForce() == null && !NO_DATE_SAID.matcher(i.title() + " " + i.notes()).find()) {
                problems.add(id + ": no date, no in_force, and neither the title nor the notes say when or why not");
            }
            if (i.url() == null && !OFFICIAL.contains(i.kind()) && !"no-published-source".equals(id)
                    && (i.notes() == null || !i.notes().toLowerCase(java.util.Locale.ROOT).contains("no web address"))) {
                problems.add(id + ": a secondary source without a link, and the notes do not say 'no web address' was kept");
            }
        }
        assertThat(cited).hasSizeGreaterThan(40);
        assertThat(problems).isEmpty();
    }
}
