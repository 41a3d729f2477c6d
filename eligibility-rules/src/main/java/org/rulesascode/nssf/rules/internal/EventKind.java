package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Childbirth;
import org.rulesascode.nssf.eligibility.Death;
import org.rulesascode.nssf.eligibility.InvalidityClaim;
import org.rulesascode.nssf.eligibility.LifeEvent;
import org.rulesascode.nssf.eligibility.RetirementClaim;
import org.rulesascode.nssf.eligibility.Sickness;
import org.rulesascode.nssf.eligibility.WorkInjury;

/** The kind of a life event, for rules to match on. */
public enum EventKind {
    CHILDBIRTH, WORK_INJURY, SICKNESS, DEATH, RETIREMENT_CLAIM, INVALIDITY;

    static EventKind of(LifeEvent e) {
        if (e instanceof Childbirth) return CHILDBIRTH;
        if (e instanceof WorkInjury) return WORK_INJURY;
        if (e instanceof Sickness) return SICKNESS;
        if (e instanceof Death) return DEATH;
        if (e instanceof RetirementClaim) return RETIREMENT_CLAIM;
        if (e instanceof InvalidityClaim) return INVALIDITY;
        throw new IllegalArgumentException("unknown event " + e);
    }
}
