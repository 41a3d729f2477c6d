package org.rulesascode.nssf.population;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import org.rulesascode.nssf.eligibility.Scheme;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The reference for {@link PersonResult#toJsonLine()}: the line as Jackson's streaming generator wrote it before the
 * hand-written writer replaced it (the same calls, in the same order). Tests compare the two character for character.
 */
final class JacksonJsonLine {
    private JacksonJsonLine() { }

    private static final JsonFactory JSON = new JsonFactory();

    static String of(PersonResult r) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("line", r.line());
            g.writeStringField("id", r.id());
            g.writeStringField("sex", r.sex().name());
            g.writeStringField("employmentStatus", r.status().name());
            g.writeStringField("sector", r.sector().name());
            g.writeStringField("ageBand", r.ageBand());
            g.writeStringField("wageBand", r.wageBand());
            if (r.weight() != null) g.writeNumberField("weight", r.weight());
            g.writeArrayFieldStart("decisions");
            for (PersonResult.DecisionResult d : r.decisions()) {
                g.writeStartObject();
                g.writeStringField("scheme", d.scheme().name());
                g.writeStringField("benefit", d.benefit().name());
                if (d.eventDate() != null) g.writeStringField("eventDate", d.eventDate().toString());
                g.writeStringField("outcome", d.outcome().name());
                if (d.amount() != null) g.writeNumberField("amount", d.amount());
                if (d.period() != null) g.writeStringField("period", d.period().name());
                if (d.days() != null) g.writeNumberField("days", d.days());
                if (d.value() != null) g.writeNumberField("value", d.value());
                if (d.undetermined()) g.writeBooleanField("undetermined", true);
                if (d.inKind()) g.writeBooleanField("inKind", true);
                if (d.lastYear()) g.writeBooleanField("lastYear", true);
                if (d.estimate()) g.writeBooleanField("estimate", true);
                if (d.provisional()) g.writeBooleanField("provisional", true);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("contributions");
            for (Map.Entry<Scheme, PersonResult.Contributions> e : r.contributions().entrySet()) {
                g.writeObjectFieldStart(e.getKey().name());
                contributions(g, e.getValue());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeObjectFieldStart("contributionsTotal");
            contributions(g, r.contributionsTotal());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void contributions(JsonGenerator g, PersonResult.Contributions c) throws IOException {
        g.writeNumberField("total", c.total());
        g.writeNumberField("employer", c.employer());
        g.writeNumberField("worker", c.worker());
        g.writeNumberField("totalLast12Months", c.totalLast12());
        g.writeNumberField("employerLast12Months", c.employerLast12());
        g.writeNumberField("workerLast12Months", c.workerLast12());
    }
}
