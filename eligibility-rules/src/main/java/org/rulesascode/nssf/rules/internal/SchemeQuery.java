package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Scheme;

/** A scheme the request asks about; rules of other schemes do not fire. */
public final class SchemeQuery {
    private final Scheme scheme;

    public SchemeQuery(Scheme scheme) { this.scheme = scheme; }

    public Scheme getScheme() { return scheme; }
}
