package org.rulesascode.nssf.rules.internal;

/** A defect in the rule base's own files (parameters, legal sources, DRL): names the file, the key and what is wrong. */
public final class RuleBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleBaseException(String file, String key, String problem) {
        super(file + (key == null || key.isEmpty() ? "" : " [" + key + "]") + ": " + problem);
    }

    public RuleBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
