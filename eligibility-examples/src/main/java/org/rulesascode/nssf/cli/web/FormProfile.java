package org.rulesascode.nssf.cli.web;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The page's form fields as a worker profile in the JSON format {@code nssf assess} reads, so that the strict JSON
 * reader checks them and a mistake is reported with its JSON path (e.g. {@code $.history[0].to}). A field left empty is
 * left out; a number that does not parse is passed on as text, and the reader names it.
 */
final class FormProfile {
    private FormProfile() { }

    /** Rows the page offers. */
    static final int HISTORY_ROWS = 4;
    static final int EVENT_ROWS = 2;
    static final int DEPENDANT_ROWS = 3;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static JsonNode of(Map<String, String> f) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("id", blank(f.get("id")) ? "worker" : f.get("id").strip());
        text(p, "birthDate", f.get("birthDate"));
        text(p, "sex", f.get("sex"));
        text(p, "employmentStatus", f.get("employmentStatus"));
        text(p, "sector", f.get("sector"));
        String currency = blank(f.get("currency")) ? "KHR" : f.get("currency").strip();
        String rate = f.get("exchangeRate");
        if (!blank(f.get("wage"))) p.set("wage", money(f.get("wage"), currency, rate));
        text(p, "employmentStart", f.get("employmentStart"));
        number(p, "enterpriseWorkers", f.get("enterpriseWorkers"));
        ArrayNode history = p.putArray("history");
        for (int i = 0; i < HISTORY_ROWS; i++) {
            String k = "h" + i + ".";
            if (blank(f.get(k + "from")) && blank(f.get(k + "to")) && blank(f.get(k + "wage"))) continue;
            ObjectNode h = history.addObject();
            text(h, "from", f.get(k + "from"));
            text(h, "to", f.get(k + "to"));
            h.set("declaredWage", money(f.get(k + "wage"), currency, rate));
            h.put("paid", !"no".equals(f.get(k + "paid")));
            ArrayNode schemes = h.putArray("schemes");
            if ("VOLUNTARY_HEALTH_CARE".equals(f.get(k + "scheme"))) schemes.add("VOLUNTARY_HEALTH_CARE");
        }
        ArrayNode events = p.putArray("events");
        for (int i = 0; i < EVENT_ROWS; i++) {
            String k = "e" + i + ".";
            String type = f.get(k + "type");
            if (blank(type)) continue;
            ObjectNode e = events.addObject();
            e.put("type", type.strip());
            text(e, "date", f.get(k + "date"));
            switch (type.strip()) {
                case "CHILDBIRTH" -> {
                    number(e, "babies", blank(f.get(k + "babies")) ? "1" : f.get(k + "babies"));
                    number(e, "pregnancyWeeks", f.get(k + "pregnancyWeeks"));
                    text(e, "notifiedOn", f.get(k + "notifiedOn"));
                }
                case "SICKNESS" -> number(e, "days", f.get(k + "days"));
                case "WORK_INJURY" -> {
                    number(e, "incapacityDays", f.get(k + "days"));
                    number(e, "permanentDegreePercent", f.get(k + "degree"));
                    if ("yes".equals(f.get(k + "commuting"))) e.put("commuting", true);
                }
                case "DEATH" -> {
                    if ("yes".equals(f.get(k + "workRelated"))) e.put("workRelated", true);
                }
                default -> { }
            }
        }
        ArrayNode dependants = p.putArray("dependants");
        for (int i = 0; i < DEPENDANT_ROWS; i++) {
            String k = "d" + i + ".";
            if (blank(f.get(k + "relation"))) continue;
            ObjectNode d = dependants.addObject();
            d.put("relation", f.get(k + "relation").strip());
            text(d, "birthDate", f.get(k + "birthDate"));
            d.put("disabled", "yes".equals(f.get(k + "disabled")));
            d.put("hasIncome", "yes".equals(f.get(k + "hasIncome")));
        }
        return p;
    }

    private static ObjectNode money(String amount, String currency, String rate) {
        ObjectNode m = MAPPER.createObjectNode();
        number(m, "amount", amount);
        if (!m.has("amount")) m.putNull("amount");
        m.put("currency", currency);
        if (!blank(rate) && "USD".equals(currency)) number(m, "exchangeRate", rate);
        return m;
    }

    private static void text(ObjectNode o, String name, String value) {
        if (!blank(value)) o.put(name, value.strip());
    }

    /** A number when it parses, else the text as given (the strict reader then names the field and what it expects). */
    private static void number(ObjectNode o, String name, String value) {
        if (blank(value)) return;
        String v = value.strip().replace(",", "");
        if (v.matches("-?\\d{1,18}")) o.put(name, Long.parseLong(v));
        else if (v.matches("-?\\d{1,18}\\.\\d{1,10}")) o.put(name, new java.math.BigDecimal(v));
        else o.put(name, value.strip());
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
