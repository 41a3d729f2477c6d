package org.rulesascode.nssf.cli.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rulesascode.nssf.cli.ContributionsCommand;
import org.rulesascode.nssf.eligibility.Assessment;
import org.rulesascode.nssf.eligibility.AssessmentRequest;
import org.rulesascode.nssf.eligibility.Currency;
import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.rulesascode.nssf.eligibility.EmploymentStatus;
import org.rulesascode.nssf.eligibility.InvalidInputException;
import org.rulesascode.nssf.eligibility.Scheme;
import org.rulesascode.nssf.eligibility.Sex;
import org.rulesascode.nssf.eligibility.WorkerProfile;
import org.rulesascode.nssf.eligibility.json.NssfJson;
import org.rulesascode.nssf.letters.DecisionLetter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code nssf serve}: the page for paralegals and the JSON REST API, on the JDK's own HTTP server.
 *
 * <ul>
 *   <li>{@code GET /} the form ({@code ?lang=km} in Khmer); {@code POST /letter} the letter as a page that prints on A4;</li>
 *   <li>{@code POST /v1/assess} a profile (JSON body) assessed on {@code ?asOf=}: the assessment as JSON, or the letter
 *       ({@code format=text|html}, {@code lang}, {@code detail});</li>
 *   <li>{@code GET /v1/contributions} one month's contributions ({@code month, wage, currency, exchangeRate, status,
 *       birthDate, sex, enterpriseWorkers, schemes}); {@code GET /v1/parameters}; {@code GET /v1/schema};
 *       {@code POST /v1/compare} a small population under a reform; {@code GET /v1/openapi.json} this API described.</li>
 * </ul>
 * A user's mistake is HTTP 400 with one line naming the field or JSON path, what is wrong and what is allowed (never a
 * stack trace); a body over {@link #MAX_BODY} bytes is refused (413). Input is only ever parsed: nothing in a request
 * names a file the server would read.
 */
public final class WebServer implements AutoCloseable {

    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final EligibilityEngine engine;

    private WebServer(HttpServer server, ExecutorService executor, EligibilityEngine engine) {
        this.server = server;
        this.executor = executor;
        this.engine = engine;
    }

    /**
     * @param engine the engine to assess with (thread-safe)
     * @param at     address and port to listen on (port 0: any free port)
     * @return the started server
     * @throws IOException when the address cannot be bound
     */
    public static WebServer start(EligibilityEngine engine, InetSocketAddress at) throws IOException {
        HttpServer server = HttpServer.create(at, 32);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "nssf-serve");
            t.setDaemon(true);
            return t;
        });
        WebServer web = new WebServer(server, executor, engine);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    /** @return the server's base address, e.g. http://127.0.0.1:8080/ */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- routing ---------------------------------------------------------------------------------------------

    /** A user's mistake in a request that is not about a field: 4xx with the message. */
    static final class HttpError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        HttpError(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String method = x.getRequestMethod();
        boolean page = path.equals("/") || path.equals("/letter");
        try {
            switch (path) {
                case "/" -> {
                    allow(method, "GET");
                    send(x, 200, "text/html; charset=utf-8", Page.form("km".equals(query(x).get("lang"))));
                }
                case "/letter" -> {
                    allow(method, "POST");
                    letter(x);
                }
                case "/v1/assess" -> {
                    allow(method, "POST");
                    assess(x);
                }
                case "/v1/contributions" -> {
                    allow(method, "GET");
                    send(x, 200, "application/json", NssfJson.write(contributions(query(x))));
                }
                case "/v1/parameters" -> {
                    allow(method, "GET");
                    var audit = engine.parameterAudit();
                    if (audit.isEmpty()) throw new HttpError(501, "this engine does not list its parameters");
                    send(x, 200, "application/json", NssfJson.write(audit));
                }
                case "/v1/schema" -> {
                    allow(method, "GET");
                    send(x, 200, "application/schema+json", NssfJson.profileSchema());
                }
                case "/v1/openapi.json" -> {
                    allow(method, "GET");
                    send(x, 200, "application/json", resource("openapi.json"));
                }
                case "/v1/compare" -> {
                    allow(method, "POST");
                    send(x, 200, "application/json", CompareAdapter.compare(engine, body(x), query(x)));
                }
                default -> throw new HttpError(404, "no such page: " + path + " (see /v1/openapi.json)");
            }
        } catch (InvalidInputException e) {
            error(x, 400, line(e), page);
        } catch (HttpError e) {
            error(x, e.status, e.getMessage(), page);
        } catch (RuntimeException | Error e) {
            // our defect: one line to the server's log and the caller, never the stack trace to the caller
            System.err.println("nssf serve: internal error on " + method + " " + path + ": " + e);
            error(x, 500, "internal error: " + e.getClass().getSimpleName() + " (see the server's log)", page);
        } finally {
            x.close();
        }
    }

    private static void allow(String method, String allowed) {
        if (!method.equals(allowed)) throw new HttpError(405, "method " + method + " is not allowed here (allowed: " + allowed + ")");
    }

    // ---- the page ----------------------------------------------------------------------------------------------

    private void letter(HttpExchange x) throws IOException {
        Map<String, String> form = parse(body(x));
        Locale locale = Locale.forLanguageTag("km".equals(form.get("lang")) ? "km" : "en");
        String json = form.get("profileJson");
        WorkerProfile profile = FormProfile.blank(json) ? NssfJson.readProfile(FormProfile.of(form)) : NssfJson.readProfile(json);
        LocalDate asOf = date("asOf", form.get("asOf"));
        Assessment a = engine.assess(new AssessmentRequest(profile, asOf, Set.of()), locale);
        send(x, 200, "text/html; charset=utf-8", DecisionLetter.html(a, locale, "yes".equals(form.get("detail"))));
    }

    // ---- the API -----------------------------------------------------------------------------------------------

    private void assess(HttpExchange x) throws IOException {
        Map<String, String> q = query(x);
        WorkerProfile profile = NssfJson.readProfile(body(x));
        LocalDate asOf = date("asOf", q.get("asOf"));
        Set<Scheme> schemes = q.containsKey("schemes") ? enums("schemes", q.get("schemes"), Scheme.class) : Set.of();
        Locale locale = Locale.forLanguageTag(choice("lang", q.getOrDefault("lang", "en"), List.of("en", "km")));
        String format = choice("format", q.getOrDefault("format", "json"), List.of("json", "text", "html"));
        boolean detail = "true".equals(choice("detail", q.getOrDefault("detail", "false"), List.of("true", "false")));
        Assessment a = engine.assess(new AssessmentRequest(profile, asOf, schemes), locale);
        switch (format) {
            case "text" -> send(x, 200, "text/plain; charset=utf-8", DecisionLetter.text(a, locale, detail));
            case "html" -> send(x, 200, "text/html; charset=utf-8", DecisionLetter.html(a, locale, detail));
            default -> send(x, 200, "application/json", NssfJson.write(a));
        }
    }

    private ContributionsCommand.Report contributions(Map<String, String> q) {
        for (String k : q.keySet()) {
            if (!List.of("month", "wage", "currency", "exchangeRate", "birthDate", "status", "enterpriseWorkers", "sex", "schemes").contains(k)) {
                throw new InvalidInputException(k, "is not a parameter of /v1/contributions",
                        "month, wage, currency, exchangeRate, birthDate, status, enterpriseWorkers, sex, schemes");
            }
        }
        ContributionsCommand.Query query = new ContributionsCommand.Query(
                month("month", q.get("month")), number("wage", q.get("wage")),
                q.containsKey("currency") ? one("currency", q.get("currency"), Currency.class) : Currency.KHR,
                q.containsKey("exchangeRate") ? number("exchangeRate", q.get("exchangeRate")) : null,
                q.containsKey("birthDate") ? date("birthDate", q.get("birthDate")) : null,
                q.containsKey("status") ? one("status", q.get("status"), EmploymentStatus.class) : null,
                q.containsKey("enterpriseWorkers") ? number("enterpriseWorkers", q.get("enterpriseWorkers")).intValueExact() : null,
                q.containsKey("sex") ? one("sex", q.get("sex"), Sex.class) : null,
                q.containsKey("schemes") ? enums("schemes", q.get("schemes"), Scheme.class) : Set.of());
        return ContributionsCommand.report(engine, query, "");
    }

    // ---- parameters ----------------------------------------------------------------------------------------------

    static LocalDate date(String name, String v) {
        if (FormProfile.blank(v)) throw new InvalidInputException(name, "is missing", "a date YYYY-MM-DD");
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + v + "' is not a date", "a date YYYY-MM-DD");
        }
    }

    static YearMonth month(String name, String v) {
        if (FormProfile.blank(v)) throw new InvalidInputException(name, "is missing", "a month YYYY-MM");
        try {
            return YearMonth.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + v + "' is not a month", "a month YYYY-MM");
        }
    }

    static BigDecimal number(String name, String v) {
        if (FormProfile.blank(v)) throw new InvalidInputException(name, "is missing", "a number, e.g. 852800");
        try {
            BigDecimal n = new BigDecimal(v.strip());
            if (n.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0 || n.scale() > 10) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidInputException(name, "'" + v + "' is not a number", "a number, e.g. 852800");
        }
    }

    static String choice(String name, String v, List<String> allowed) {
        if (!allowed.contains(v)) throw new InvalidInputException(name, "'" + v + "' is not allowed", String.join(", ", allowed));
        return v;
    }

    static <E extends Enum<E>> E one(String name, String v, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "'" + v + "' is not one of the allowed values", allowed);
        }
    }

    static <E extends Enum<E>> Set<E> enums(String name, String v, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String s : v.split(",")) if (!s.isBlank()) out.add(one(name, s, type));
        return out;
    }

    /** One line, as the command line gives it without its "nssf: " prefix. */
    static String line(InvalidInputException e) {
        String l = e.field() + ": " + e.problem();
        return e.allowed() == null || e.allowed().isBlank() ? l : l + " (allowed: " + e.allowed() + ")";
    }

    // ---- HTTP plumbing -------------------------------------------------------------------------------------------

    static Map<String, String> query(HttpExchange x) {
        return parse(x.getRequestURI().getRawQuery());
    }

    /** @return the decoded fields of a query string or form body; a repeated field keeps its first value */
    static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            Function<String, String> dec = s -> {
                try {
                    return URLDecoder.decode(s, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new HttpError(400, "the request is not properly URL-encoded");
                }
            };
            String k = dec.apply(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : dec.apply(pair.substring(eq + 1));
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /**
     * @return the request body as UTF-8 text, at most {@link #MAX_BODY} bytes; a larger body is refused (413) after
     *         reading and discarding at most {@link #DRAIN} more bytes, so that the client can read the answer
     */
    static String body(HttpExchange x) throws IOException {
        String length = x.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                throw new HttpError(400, "Content-Length is not a number");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = x.getRequestBody()) {
            if (declared > MAX_BODY) {
                drain(in, buf);
                throw tooLarge();
            }
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_BODY) {
                    drain(in, buf);
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The most bytes of a refused body read and thrown away (beyond it the connection is simply closed). */
    static final long DRAIN = 16L << 20;

    private static void drain(InputStream in, byte[] buf) throws IOException {
        long read = 0;
        int n;
        while (read < DRAIN && (n = in.read(buf)) > 0) read += n;
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "the request body is larger than " + MAX_BODY + " bytes (allowed: at most " + MAX_BODY + " bytes)");
    }

    private static void error(HttpExchange x, int status, String message, boolean page) throws IOException {
        if (page) {
            send(x, status, "text/html; charset=utf-8", Page.error(message, false));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            send(x, status, "application/json", NssfJson.write(body));
        }
    }

    static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type.contains("charset") || !type.startsWith("text") ? type : type + "; charset=utf-8");
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream os = x.getResponseBody()) {
                os.write(bytes);
            }
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
