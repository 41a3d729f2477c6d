package org.rulesascode.nssf.eligibility;

/**
 * One step of a calculation, in the order it was made.
 *
 * @param description what is computed, e.g. "contributable wage"
 * @param formula     how, with the values filled in, e.g. "min(max(852,800, 400,000), 1,200,000)"
 * @param result      the result, e.g. "852,800 KHR"
 */
public record TraceStep(String description, String formula, String result) {
}
