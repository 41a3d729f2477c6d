package org.rulesascode.nssf.cli.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page where a paralegal enters a worker's facts, in English or Khmer. Plain HTML: the form posts to
 * {@code /letter}, which answers with the letter as a page that prints on A4; no script is needed.
 */
final class Page {
    private Page() { }

    private static final Map<String, String[]> L = new HashMap<>();

    private static void l(String key, String en, String km) {
        L.put(key, new String[] {en, km});
    }

    static {
        l("title", "NSSF: what a worker is owed", "ប.ស.ស.៖ អ្វីដែលកម្មករមានសិទ្ធិទទួលបាន");
        l("intro", "Enter what you know about the worker. Fields left empty count as unknown; the letter says which facts are missing.",
                "បញ្ចូលព័ត៌មានដែលអ្នកដឹងអំពីកម្មករ។ ប្រអប់ទទេត្រូវចាត់ទុកថាមិនដឹង។ លិខិតនឹងប្រាប់ថាព័ត៌មានណាដែលខ្វះ។");
        l("other", "ភាសាខ្មែរ", "English");
        l("worker", "The worker", "កម្មករ");
        l("id", "Name or reference", "ឈ្មោះ ឬលេខយោង");
        l("birthDate", "Date of birth", "ថ្ងៃខែឆ្នាំកំណើត");
        l("sex", "Sex", "ភេទ");
        l("FEMALE", "female", "ស្រី");
        l("MALE", "male", "ប្រុស");
        l("employmentStatus", "Works as", "ស្ថានភាពការងារ");
        l("EMPLOYEE", "employee (Labour Law)", "និយោជិត (ច្បាប់ស្តីពីការងារ)");
        l("PUBLIC_EMPLOYEE", "public employee", "មន្ត្រីសាធារណៈ");
        l("SELF_EMPLOYED", "self-employed", "បុគ្គលស្វ័យនិយោជន៍");
        l("INFORMAL", "informal worker registered by an employer", "ពលករក្រៅប្រព័ន្ធដែលចុះបញ្ជីដោយនិយោជក");
        l("sector", "Sector", "វិស័យ");
        l("wage", "Monthly wage", "ប្រាក់ឈ្នួលប្រចាំខែ");
        l("currency", "Currency", "រូបិយប័ណ្ណ");
        l("exchangeRate", "Riel per dollar (for USD)", "អត្រាប្តូរប្រាក់ រៀលក្នុងមួយដុល្លារ");
        l("employmentStart", "Started with this employer on", "ចាប់ផ្តើមធ្វើការជាមួយនិយោជកនេះនៅថ្ងៃ");
        l("enterpriseWorkers", "Workers in the enterprise", "ចំនួនកម្មករក្នុងសហគ្រាស");
        l("history", "Contributions declared to NSSF", "ភាគទានដែលបានប្រកាសទៅ ប.ស.ស.");
        l("from", "From (month)", "ពីខែ");
        l("to", "To (month)", "ដល់ខែ");
        l("paid", "Paid", "បានបង់");
        l("yes", "yes", "បាទ/ចាស");
        l("no", "no", "ទេ");
        l("scheme", "Scheme", "របប");
        l("schemeDefault", "as her work requires", "តាមការងាររបស់គាត់");
        l("VOLUNTARY_HEALTH_CARE", "voluntary health care", "របបថែទាំសុខភាពដោយស្ម័គ្រចិត្ត");
        l("events", "What happened", "ព្រឹត្តិការណ៍");
        l("type", "Event", "ព្រឹត្តិការណ៍");
        l("none", "—", "—");
        l("CHILDBIRTH", "childbirth", "ការសម្រាលកូន");
        l("SICKNESS", "sickness", "ជំងឺ");
        l("WORK_INJURY", "work accident", "គ្រោះថ្នាក់ការងារ");
        l("DEATH", "death", "មរណភាព");
        l("RETIREMENT_CLAIM", "claims the old-age pension", "ស្នើសុំប្រាក់សោធនជរាភាព");
        l("INVALIDITY", "claims the invalidity pension", "ស្នើសុំប្រាក់សោធនទុព្វលភាព");
        l("date", "Date", "កាលបរិច្ឆេទ");
        l("babies", "Babies", "ចំនួនទារក");
        l("pregnancyWeeks", "Weeks of pregnancy", "ចំនួនសប្តាហ៍នៃការមានផ្ទៃពោះ");
        l("notifiedOn", "Told NSSF of the pregnancy on", "ថ្ងៃជូនដំណឹង ប.ស.ស. អំពីការមានផ្ទៃពោះ");
        l("days", "Days off work", "ចំនួនថ្ងៃឈប់សម្រាក");
        l("degree", "Permanent disability (%)", "ពិការភាពអចិន្ត្រៃយ៍ (%)");
        l("commuting", "On the way to or from work", "ពេលធ្វើដំណើរទៅ ឬមកពីកន្លែងធ្វើការ");
        l("workRelated", "Death caused by work", "មរណភាពដោយសារការងារ");
        l("dependants", "Dependants", "អ្នកក្នុងបន្ទុក");
        l("relation", "Relation", "ទំនាក់ទំនង");
        l("SPOUSE", "spouse", "ប្តី/ប្រពន្ធ");
        l("CHILD", "child", "កូន");
        l("PARENT", "parent", "ឪពុកម្តាយ");
        l("OTHER", "other", "ផ្សេងទៀត");
        l("disabled", "Disabled", "ពិការ");
        l("hasIncome", "Has an income", "មានប្រាក់ចំណូល");
        l("letter", "The letter", "លិខិត");
        l("asOf", "Judge on the date", "វាយតម្លៃនៅថ្ងៃ");
        l("lang", "Letter in", "ភាសាលិខិត");
        l("detail", "Add the details (reasons, legal sources, calculations)", "បន្ថែមព័ត៌មានលម្អិត (មូលហេតុ ប្រភពច្បាប់ ការគណនា)");
        l("json", "Or paste a worker profile (JSON, as 'nssf assess' reads); it replaces the fields above",
                "ឬបិទភ្ជាប់ឯកសារកម្មករ (JSON) ដែលជំនួសប្រអប់ខាងលើ");
        l("submit", "Make the letter", "បង្កើតលិខិត");
        l("api", "REST API: /v1/openapi.json", "REST API: /v1/openapi.json");
    }

    static final List<String> SECTORS = List.of("GARMENT", "FOOTWEAR", "TRAVEL_GOODS", "CONSTRUCTION", "HOSPITALITY", "TRANSPORT", "TRADE",
            "DOMESTIC_WORK", "PUBLIC_ADMINISTRATION", "AGRICULTURE", "OTHER");

    static String form(boolean km) {
        int i = km ? 1 : 0;
        StringBuilder sb = new StringBuilder();
        String lang = km ? "km" : "en";
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(t("title", i)).append("</title>\n<style>\n")
                .append("body { font-family: \"Noto Sans\", \"DejaVu Sans\", Arial, sans-serif; max-width: 60rem; margin: 1rem auto; padding: 0 1rem; }\n")
                .append(":lang(km) { font-family: \"Khmer OS\", \"Khmer OS System\", \"Noto Sans Khmer\", sans-serif; }\n")
                .append("fieldset { margin: 1rem 0; } label { display: inline-block; margin: .2rem .8rem .2rem 0; } table { border-collapse: collapse; }\n")
                .append("td, th { padding: .15rem .3rem; text-align: left; } textarea { width: 100%; height: 6rem; font-family: monospace; }\n")
                .append("button { font-size: 1.1rem; padding: .4rem 1.2rem; }\n</style>\n</head>\n<body>\n");
        sb.append("<p style=\"float:right\"><a id=\"other-lang\" href=\"/?lang=").append(km ? "en" : "km").append("\">").append(t("other", i)).append("</a></p>\n");
        sb.append("<h1>").append(t("title", i)).append("</h1>\n<p>").append(t("intro", i)).append("</p>\n");
        sb.append("<form id=\"facts\" method=\"post\" action=\"/letter\" accept-charset=\"utf-8\">\n");
        sb.append("<fieldset><legend>").append(t("worker", i)).append("</legend>\n");
        input(sb, "id", "text", t("id", i));
        input(sb, "birthDate", "date", t("birthDate", i));
        select(sb, "sex", t("sex", i), List.of("FEMALE", "MALE"), i, false);
        select(sb, "employmentStatus", t("employmentStatus", i), List.of("EMPLOYEE", "PUBLIC_EMPLOYEE", "SELF_EMPLOYED", "INFORMAL"), i, false);
        sb.append("<label>").append(t("sector", i)).append(" <select name=\"sector\"><option value=\"\">").append(t("none", i)).append("</option>");
        for (String s : SECTORS) sb.append("<option value=\"").append(s).append("\">").append(s.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append("</option>");
        sb.append("</select></label>\n<br>");
        input(sb, "wage", "text", t("wage", i));
        sb.append("<label>").append(t("currency", i)).append(" <select name=\"currency\"><option>KHR</option><option>USD</option></select></label>\n");
        input(sb, "exchangeRate", "text", t("exchangeRate", i));
        sb.append("<br>");
        input(sb, "employmentStart", "date", t("employmentStart", i));
        input(sb, "enterpriseWorkers", "text", t("enterpriseWorkers", i));
        sb.append("</fieldset>\n");

        sb.append("<fieldset><legend>").append(t("history", i)).append("</legend>\n<table>\n<tr><th>").append(t("from", i)).append("</th><th>")
                .append(t("to", i)).append("</th><th>").append(t("wage", i)).append("</th><th>").append(t("paid", i)).append("</th><th>")
                .append(t("scheme", i)).append("</th></tr>\n");
        for (int r = 0; r < FormProfile.HISTORY_ROWS; r++) {
            String k = "h" + r + ".";
            sb.append("<tr><td><input type=\"month\" name=\"").append(k).append("from\" placeholder=\"YYYY-MM\"></td><td><input type=\"month\" name=\"")
                    .append(k).append("to\" placeholder=\"YYYY-MM\"></td><td><input type=\"text\" name=\"").append(k).append("wage\" size=\"10\"></td>")
                    .append("<td><select name=\"").append(k).append("paid\"><option value=\"yes\">").append(t("yes", i)).append("</option><option value=\"no\">")
                    .append(t("no", i)).append("</option></select></td><td><select name=\"").append(k).append("scheme\"><option value=\"\">")
                    .append(t("schemeDefault", i)).append("</option><option value=\"VOLUNTARY_HEALTH_CARE\">").append(t("VOLUNTARY_HEALTH_CARE", i))
                    .append("</option></select></td></tr>\n");
        }
        sb.append("</table></fieldset>\n");

        sb.append("<fieldset><legend>").append(t("events", i)).append("</legend>\n");
        for (int r = 0; r < FormProfile.EVENT_ROWS; r++) {
            String k = "e" + r + ".";
            sb.append("<div>");
            sb.append("<label>").append(t("type", i)).append(" <select name=\"").append(k).append("type\"><option value=\"\">").append(t("none", i)).append("</option>");
            for (String e : List.of("CHILDBIRTH", "SICKNESS", "WORK_INJURY", "DEATH", "RETIREMENT_CLAIM", "INVALIDITY")) {
                sb.append("<option value=\"").append(e).append("\">").append(t(e, i)).append("</option>");
            }
            sb.append("</select></label>\n");
            input(sb, k + "date", "date", t("date", i));
            input(sb, k + "babies", "text", t("babies", i));
            input(sb, k + "pregnancyWeeks", "text", t("pregnancyWeeks", i));
            input(sb, k + "notifiedOn", "date", t("notifiedOn", i));
            input(sb, k + "days", "text", t("days", i));
            input(sb, k + "degree", "text", t("degree", i));
            check(sb, k + "commuting", t("commuting", i));
            check(sb, k + "workRelated", t("workRelated", i));
            sb.append("</div>\n");
        }
        sb.append("</fieldset>\n");

        sb.append("<fieldset><legend>").append(t("dependants", i)).append("</legend>\n");
        for (int r = 0; r < FormProfile.DEPENDANT_ROWS; r++) {
            String k = "d" + r + ".";
            sb.append("<div><label>").append(t("relation", i)).append(" <select name=\"").append(k).append("relation\"><option value=\"\">")
                    .append(t("none", i)).append("</option>");
            for (String e : List.of("SPOUSE", "CHILD", "PARENT", "OTHER")) sb.append("<option value=\"").append(e).append("\">").append(t(e, i)).append("</option>");
            sb.append("</select></label>\n");
            input(sb, k + "birthDate", "date", t("birthDate", i));
            check(sb, k + "disabled", t("disabled", i));
            check(sb, k + "hasIncome", t("hasIncome", i));
            sb.append("</div>\n");
        }
        sb.append("</fieldset>\n");

        sb.append("<fieldset><legend>").append(t("letter", i)).append("</legend>\n");
        input(sb, "asOf", "date", t("asOf", i));
        sb.append("<label>").append(t("lang", i)).append(" <select name=\"lang\"><option value=\"").append(lang).append("\">").append(km ? "ខ្មែរ" : "English")
                .append("</option><option value=\"").append(km ? "en" : "km").append("\">").append(km ? "English" : "ខ្មែរ").append("</option></select></label>\n");
        check(sb, "detail", t("detail", i));
        sb.append("<p><label for=\"profileJson\">").append(t("json", i)).append("</label><br><textarea id=\"profileJson\" name=\"profileJson\"></textarea></p>\n");
        sb.append("</fieldset>\n<button id=\"submit\" type=\"submit\">").append(t("submit", i)).append("</button>\n</form>\n");
        sb.append("<p><a href=\"/v1/openapi.json\">").append(t("api", i)).append("</a></p>\n</body>\n</html>\n");
        return sb.toString();
    }

    /** A page for a mistake in the form: the one-line message and a way back. */
    static String error(String message, boolean km) {
        return "<!DOCTYPE html>\n<html lang=\"" + (km ? "km" : "en") + "\">\n<head><meta charset=\"utf-8\"><title>"
                + (km ? "កំហុស" : "Mistake in the form") + "</title></head>\n<body>\n<h1>" + (km ? "កំហុសក្នុងទម្រង់" : "Mistake in the form")
                + "</h1>\n<p id=\"error\">" + esc(message) + "</p>\n<p><a href=\"javascript:history.back()\">" + (km ? "ត្រឡប់ក្រោយ" : "Back to the form")
                + "</a></p>\n</body>\n</html>\n";
    }

    private static String t(String key, int i) {
        String[] v = L.get(key);
        if (v == null) throw new IllegalArgumentException("no label " + key);
        return esc(v[i]);
    }

    private static void input(StringBuilder sb, String name, String type, String label) {
        sb.append("<label>").append(label).append(" <input type=\"").append(type).append("\" name=\"").append(name).append("\" id=\"")
                .append(name.replace('.', '-')).append("\"").append(type.equals("text") ? " size=\"10\"" : "").append("></label>\n");
    }

    private static void check(StringBuilder sb, String name, String label) {
        sb.append("<label><input type=\"checkbox\" name=\"").append(name).append("\" value=\"yes\" id=\"").append(name.replace('.', '-'))
                .append("\"> ").append(label).append("</label>\n");
    }

    private static void select(StringBuilder sb, String name, String label, List<String> values, int i, boolean empty) {
        sb.append("<label>").append(label).append(" <select name=\"").append(name).append("\" id=\"").append(name).append("\">");
        if (empty) sb.append("<option value=\"\">—</option>");
        for (String v : values) sb.append("<option value=\"").append(v).append("\">").append(t(v, i)).append("</option>");
        sb.append("</select></label>\n");
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
