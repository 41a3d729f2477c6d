package org.rulesascode.nssf.cli.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rulesascode.nssf.population.Comparison;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Reform;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.eligibility.json.NssfReforms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code POST /v1/compare}: a small population (at most {@link #MAX_PROFILES} profiles) assessed under the standard
 * rules and under a reform given as YAML text, answered with every flip per profile. The one place the web server
 * uses the population library (eligibility-population). The reform may only
 * override parameters: DRL rules (code) and any file reference are refused, so a request never makes the server read
 * a file.
 */
final class CompareAdapter {
    private CompareAdapter() { }

    /** The most profiles one request may compare. */
    static final int MAX_PROFILES = 200;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String compare(EligibilityEngine baseline, String body, Map<String, String> query) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("$", "is not valid JSON (line " + e.getLocation().getLineNr() + ")",
                    "an object {asOf, reform, profiles}");
        }
        if (root == null || !root.isObject()) throw new InvalidInputException("$", "is not an object", "an object {asOf, reform, profiles}");
        root.fieldNames().forEachRemaining(f -> {
            if (!List.of("asOf", "reform", "profiles").contains(f)) throw new InvalidInputException("$." + f, "is not a field", "asOf, reform, profiles");
        });
        LocalDate asOf = WebServer.date("$.asOf", root.path("asOf").isTextual() ? root.get("asOf").asText() : null);
        if (!root.path("reform").isTextual()) throw new InvalidInputException("$.reform", "is missing", "the reform as YAML text (parameter overrides only)");
        Reform reform = NssfReforms.parse("$.reform", root.get("reform").asText(), null, false);
        JsonNode profiles = root.path("profiles");
        if (!profiles.isArray() || profiles.isEmpty()) throw new InvalidInputException("$.profiles", "is missing or empty", "an array of 1 to " + MAX_PROFILES + " worker profiles");
        if (profiles.size() > MAX_PROFILES) {
            throw new InvalidInputException("$.profiles", "has " + profiles.size() + " profiles", "at most " + MAX_PROFILES + "; use 'nssf compare' for a population");
        }
        List<AssessmentRequest> requests = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            WorkerProfile p;
            try {
                p = NssfJson.readProfile(profiles.get(i));
            } catch (InvalidInputException e) {
                String f = e.field() == null ? "" : e.field();
                throw new InvalidInputException("$.profiles[" + i + "]" + (f.startsWith("$") ? f.substring(1) : "." + f), e.problem(), e.allowed());
            }
            requests.add(new AssessmentRequest(p, asOf, Set.of()));
        }
        EligibilityEngine reformed = baseline.withReform(reform);
        List<Assessment> base = baseline.assessAll(requests, java.util.Locale.ENGLISH);
        List<Assessment> after = reformed.assessAll(requests, java.util.Locale.ENGLISH);
        List<Map<String, Object>> out = new ArrayList<>();
        long changed = 0;
        for (int i = 0; i < requests.size(); i++) {
            List<Comparison.Flip> flips = Comparison.flips(base.get(i), after.get(i), asOf);
            if (!flips.isEmpty()) changed++;
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("profileId", requests.get(i).profile().id());
            one.put("flips", flips);
            out.add(one);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reform", reform.name());
        result.put("asOf", asOf.toString());
        result.put("profiles", requests.size());
        result.put("profilesWithChanges", changed);
        result.put("results", out);
        return NssfJson.write(result);
    }
}
