package org.rulesascode.nssf.rules.internal;

import org.rulesascode.nssf.eligibility.Citation;

import java.util.List;

/**
 * What a rule's metadata says: its id, scheme ("ALL" for shared criteria), benefit, citations and the ids of the
 * parameters it reads.
 */
public record RuleInfo(String id, String name, String file, String scheme, String benefit, List<Citation> citations,
                       List<String> parameterIds) {
}
