package org.rulesascode.nssf.spark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.rulesascode.nssf.eligibility.EligibilityEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines of this JVM (a driver or an executor), built lazily on first use and reused by every later task: the
 * standard engine once, and one engine per reform, keyed by the reform's content. A Drools rule base cannot be
 * serialized, so it never travels: each JVM builds its own from the reform data it receives. At most
 * {@link #MAX_REFORMS} reformed engines are kept (least recently used dropped), for jobs that run many variants.
 */
final class Engines {
    private Engines() { }

    static final int MAX_REFORMS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(Engines.class);

    private static final Map<ReformData, EligibilityEngine> REFORMED = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ReformData, EligibilityEngine> eldest) {
            return size() > MAX_REFORMS;
        }
    };

    /** @return the standard engine (built once per JVM by the API) */
    static EligibilityEngine baseline() {
        return EligibilityEngine.standard();
    }

    /** @return the engine of {@code reform} in this JVM, built on first use; the standard engine for the empty reform */
    static EligibilityEngine of(ReformData reform) {
        if (reform.isEmpty()) return baseline();
        synchronized (REFORMED) { // one build per reform and JVM; tasks of the same reform wait for it
            EligibilityEngine e = REFORMED.get(reform);
            if (e == null) {
                LOG.debug("building the engine of reform '{}' in this JVM", reform.name());
                e = baseline().withReform(reform.toReform());
                REFORMED.put(reform, e);
            }
            return e;
        }
    }
}
