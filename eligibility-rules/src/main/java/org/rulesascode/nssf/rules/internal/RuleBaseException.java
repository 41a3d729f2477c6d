package org.rulesascode.nssf.rules.internal;

import java.util.List;

/** A defect in the rule base's own files (parameters, legal sources, DRL): names the file, the key and what is wrong. */
public final class RuleBaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** One DRL compiler error: the file (as written to the KieFileSystem, below {@code src/main/resources/}), line and text. */
    public record DrlProblem(String file, int line, String text) { }

    private final transient List<DrlProblem> problems;
    private final String ruleFile;

    public RuleBaseException(String file, String key, String problem) {
        super(file + (key == null || key.isEmpty() ? "" : " [" + key + "]") + ": " + problem);
        this.problems = List.of();
        this.ruleFile = null;
    }

    public RuleBaseException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
        this.ruleFile = null;
    }

    /** A DRL compile failure. */
    RuleBaseException(String message, List<DrlProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
        this.ruleFile = null;
    }

    private RuleBaseException(String message, String ruleFile) {
        super(message);
        this.problems = List.of();
        this.ruleFile = ruleFile;
    }

    /** @return the DRL compiler errors when the DRL does not compile; empty otherwise */
    public List<DrlProblem> problems() { return problems == null ? List.of() : problems; }

    /** @return the DRL file (below {@code src/main/resources/}) of the rule whose metadata is wrong, or null */
    public String ruleFile() { return ruleFile; }

    /** @return this error, located in the DRL file of the rule it is about */
    RuleBaseException inFile(String file) {
        RuleBaseException e = new RuleBaseException(getMessage(), file);
        e.setStackTrace(getStackTrace());
        return e;
    }
}
