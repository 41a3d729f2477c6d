package org.rulesascode.nssf.rules.internal;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;
import java.util.concurrent.atomic.AtomicLong;
import org.rulesascode.nssf.eligibility.Benefit;
import org.rulesascode.nssf.eligibility.Citation;
import org.rulesascode.nssf.eligibility.Scheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;

/**
 * One compiled rule set: the KieBase built from DRL text, the rules' metadata checked against the legal
 * catalogue and the parameter tree, and a session pool. Immutable once built; thread-safe.
 */
public final class RuleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBase.class);

    private static final AtomicLong SEQ = new AtomicLong();
    private final KieBase kieBase;
    private final KieSessionsPool pool;
    private final Map<String, RuleInfo> rules;
    private final Map<String, RuleInfo> byId;
    private final Map<String, String> drl;
    private final long buildNanos;
    private final Set<String> spanParameters;

    private RuleBase(KieBase kieBase, Map<String, RuleInfo> rules, Map<String, String> drl, long buildNanos, Set<String> spanParameters) {
        this.spanParameters = spanParameters;
        this.kieBase = kieBase;
        this.pool = kieBase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
        this.rules = rules;
        this.byId = new java.util.HashMap<>(rules); // looked up for every finding: hashed, not the sorted map's string comparisons
        this.drl = drl;
        this.buildNanos = buildNanos;
    }

    /** The folder of the standard DRL files on the class path (their packages follow it). */
    public static final String DRL_FOLDER = ResourceFiles.BASE + "drl/";

    /** Loads every standard DRL file the index lists, keyed by its class-path path ({@value #DRL_FOLDER}…). */
    public static Map<String, String> standardDrl() {
        Map<String, String> out = new TreeMap<>();
        ResourceFiles.read("drl", ".drl").forEach((path, text) -> out.put(DRL_FOLDER + path, text));
        return out;
    }

    /**
     * Compiles DRL files and checks their metadata.
     *
     * @param drl        file name → DRL text
     * @param catalogue  for citations
     * @param parameters for parameter ids
     */
    public static RuleBase build(Map<String, String> drl, LegalCatalogue catalogue, ParameterTree parameters) {
        // Drools finds its services through the thread's context class loader: a host application (a web container,
        // a test runner) may have set one that holds another copy of Drools, so build with the library's own loader
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleBase.class.getClassLoader());
        try {
            return compile(drl, catalogue, parameters);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The standard rule base from the executable model compiled at build time ({@link BuildTime}): no DRL is compiled
     * at run time. The model must have been compiled from exactly these DRL texts.
     *
     * @param drl        the standard DRL files (for the version, for structural reforms, and to check the model)
     * @param catalogue  for citations
     * @param parameters for parameter ids
     * @throws RuleBaseException when the model is missing, incomplete or compiled from other DRL
     */
    public static RuleBase fromModel(Map<String, String> drl, LegalCatalogue catalogue, ParameterTree parameters) {
        long t0 = System.nanoTime();
        return fromKieBase(modelKieBase(drl), drl, catalogue, parameters, t0);
    }

    /**
     * The KieBase of the executable model compiled at build time (without the metadata checks of
     * {@link #fromKieBase}): independent of the parameter files, so it can be built while they are read.
     *
     * @param drl the standard DRL files, to check the model was compiled from them
     * @throws RuleBaseException when the model is missing, incomplete or compiled from other DRL
     */
    public static KieBase modelKieBase(Map<String, String> drl) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader own = RuleBase.class.getClassLoader();
        thread.setContextClassLoader(own);
        try {
            String index = ResourceFiles.text(own, MODEL_INDEX);
            if (index == null) {
                throw new RuleBaseException(MODEL_INDEX, null, "is not on the class path: the eligibility-rules jar lacks the rules compiled at build time "
                        + "(its build step writes them; build the module with Maven)");
            }
            List<org.drools.model.Model> models = new ArrayList<>();
            String expected = null;
            for (String line : index.split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                if (l.startsWith(DRL_HASH)) {
                    expected = l.substring(DRL_HASH.length()).strip();
                    continue;
                }
                try {
                    models.add((org.drools.model.Model) Class.forName(l, true, own).getDeclaredConstructor().newInstance());
                } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                    throw new RuleBaseException(MODEL_INDEX, l, "the compiled rules class cannot be loaded (" + e + "): the eligibility-rules jar is incomplete");
                }
            }
            if (models.isEmpty()) throw new RuleBaseException(MODEL_INDEX, null, "lists no compiled rules");
            String actual = drlHash(drl);
            if (!actual.equals(expected)) {
                throw new RuleBaseException(MODEL_INDEX, DRL_HASH.strip(), "the compiled rules were built from other DRL (" + expected + ", the DRL on the class path is "
                        + actual + "): rebuild the eligibility-rules module");
            }
            return org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A rule base over a KieBase of the executable model ({@link #modelKieBase}), with its metadata checked.
     *
     * @param t0 {@link System#nanoTime()} when building started, for {@link #buildNanos()}
     */
    public static RuleBase fromKieBase(KieBase kb, Map<String, String> drl, LegalCatalogue catalogue, ParameterTree parameters, long t0) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RuleBase.class.getClassLoader());
        try {
            return describe(kb, drl, catalogue, parameters, t0, "the rules compiled at build time");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The list of the executable-model classes compiled at build time, with the hash of the DRL they come from. */
    public static final String MODEL_INDEX = ResourceFiles.BASE + "model.txt";
    static final String DRL_HASH = "drl-sha256: ";

    /** @return a SHA-256 over the DRL files' paths and texts (to tell whether compiled rules match the DRL) */
    public static String drlHash(Map<String, String> drl) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(drl).forEach((k, v) -> {
                md.update(k.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            });
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleBase compile(Map<String, String> drl, LegalCatalogue catalogue, ParameterTree parameters) {
        long t0 = System.nanoTime();
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId rid = ks.newReleaseId("org.rulesascode.nssf", "ruleset-" + Integer.toHexString(drl.hashCode()) + "-" + SEQ.incrementAndGet(), "1.0.0");
        kfs.generateAndWritePomXML(rid);
        drl.forEach((file, text) -> kfs.write("src/main/resources/" + (file.endsWith(".drl") ? file : file + ".drl"), text));
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder("the DRL does not compile:");
            List<RuleBaseException.DrlProblem> problems = new ArrayList<>();
            for (Message m : errors) {
                sb.append("\n  ").append(m.getPath()).append(" line ").append(m.getLine()).append(": ").append(m.getText());
                String path = m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", "");
                problems.add(new RuleBaseException.DrlProblem(path, m.getLine(), m.getText()));
            }
            throw new RuleBaseException(sb.toString(), problems);
        }
        KieContainer container = ks.newKieContainer(rid);
        KieBase kb = container.getKieBase();
        ks.getRepository().removeKieModule(rid);
        return describe(kb, drl, catalogue, parameters, t0, "DRL compiled at run time");
    }

    /** Reads and checks the rules' metadata of a built KieBase. */
    private static RuleBase describe(KieBase kb, Map<String, String> drl, LegalCatalogue catalogue, ParameterTree parameters, long t0, String how) {
        Map<String, RuleInfo> info = new TreeMap<>();
        Set<String> spanParameters = new TreeSet<>();
        for (KiePackage pkg : kb.getKiePackages()) {
            for (Rule r : pkg.getRules()) {
                RuleInfo ri;
                try {
                    ri = info(r, catalogue, parameters);
                } catch (RuleBaseException e) {
                    throw e.inFile(sourceFile(r));
                }
                RuleInfo previous = info.put(ri.id(), ri);
                if (previous != null) {
                    throw new RuleBaseException("rule '" + r.getName() + "'", "@id", "duplicate rule id " + ri.id() + " (also '" + previous.name() + "')")
                            .inFile(sourceFile(r));
                }
                if (matchesSpans(r)) spanParameters.addAll(ri.parameterIds());
            }
        }
        long nanos = System.nanoTime() - t0;
        if (info.isEmpty()) throw new RuleBaseException("the rule base", null, "has no rules (" + how + ")");
        LOG.debug("built rule base: {} rules from {} DRL files ({}) in {} ms", info.size(), drl.size(), how, nanos / 1_000_000);
        return new RuleBase(kb, java.util.Collections.unmodifiableMap(info), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(drl)), nanos,
                java.util.Collections.unmodifiableSet(spanParameters));
    }

    /** @return the DRL file of a rule, below {@code src/main/resources/}, or null when Drools does not say */
    private static String sourceFile(Rule r) {
        if (r instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && impl.getResource() != null
                && impl.getResource().getSourcePath() != null) {
            return impl.getResource().getSourcePath().replaceFirst("^src/main/resources/", "");
        }
        return null;
    }

    private static RuleInfo info(Rule r, LegalCatalogue catalogue, ParameterTree parameters) {
        Map<String, Object> md = r.getMetaData();
        String where = "rule '" + r.getName() + "'";
        String id = meta(md, "id", where);
        if (!r.getName().startsWith(id + " ")) throw new RuleBaseException(where, "@id", "the rule name must start with its id '" + id + "' and a space");
        String scheme = meta(md, "scheme", where);
        if (!"ALL".equals(scheme)) {
            try {
                Scheme.valueOf(scheme);
            } catch (IllegalArgumentException e) {
                throw new RuleBaseException(where, "@scheme", "'" + scheme + "' is not ALL or one of " + Arrays.toString(Scheme.values()));
            }
        }
        String benefit = meta(md, "benefit", where);
        try {
            Benefit.valueOf(benefit);
        } catch (IllegalArgumentException e) {
            throw new RuleBaseException(where, "@benefit", "'" + benefit + "' is not one of " + Arrays.toString(Benefit.values()));
        }
        List<Citation> cites = new ArrayList<>();
        for (String ref : meta(md, "cites", where).split(",")) cites.add(catalogue.cite(ref.trim(), where + " @cites"));
        List<String> params = new ArrayList<>();
        Object p = md.get("params");
        if (p != null) {
            for (String pid : p.toString().split(",")) {
                String t = pid.trim();
                if (t.isEmpty()) continue;
                if (!parameters.contains(t)) throw new RuleBaseException(where, "@params", "names parameter '" + t + "' that is not in parameters/");
                params.add(t);
            }
        }
        String file = r.getPackageName();
        return new RuleInfo(id, r.getName(), file, scheme, benefit, List.copyOf(cites), List.copyOf(params));
    }

    /** @return true if a pattern of the rule (at any depth) can match a {@link SpanFact} */
    private static boolean matchesSpans(Rule r) {
        if (!(r instanceof RuleImpl impl)) return true; // unknown implementation: assume it does
        return matchesSpans(impl.getLhs());
    }

    private static boolean matchesSpans(RuleConditionElement e) {
        if (e instanceof Pattern p && p.getObjectType() instanceof ClassObjectType c && c.getClassType().isAssignableFrom(SpanFact.class)) return true;
        for (RuleConditionElement child : e.getNestedElements()) if (matchesSpans(child)) return true;
        if (e instanceof Pattern p && p.getSource() != null) return matchesSpans(p.getSource());
        return false;
    }

    private static String meta(Map<String, Object> md, String key, String where) {
        Object v = md.get(key);
        if (v == null || v.toString().isBlank()) throw new RuleBaseException(where, "@" + key, "is missing");
        return v.toString();
    }

    private volatile RuleMemo memo;

    /**
     * @return the memo of first-phase rule outcomes over these rules, shared by every engine that uses them (both
     * sides of a parameter reform); planned from the DRL on first use. Off when {@value RuleMemo#PROPERTY} is
     * {@code false} or when the plan finds a rule it cannot key ({@link MemoPlan#problems()}).
     */
    public RuleMemo memo() {
        RuleMemo m = memo;
        if (m == null) {
            synchronized (this) {
                m = memo;
                if (m == null) {
                    m = new RuleMemo(MemoPlan.of(drl), !"false".equalsIgnoreCase(System.getProperty(RuleMemo.PROPERTY, "true")));
                    memo = m;
                }
            }
        }
        return m;
    }

    public KieBase kieBase() { return kieBase; }
    public KieSessionsPool pool() { return pool; }
    public Map<String, RuleInfo> rules() { return rules; }
    public Map<String, String> drl() { return drl; }
    public long buildNanos() { return buildNanos; }

    /**
     * @return the parameters of the rules that can match a {@link SpanFact}: only their changes need to cut the
     * history into spans (a change of a benefit parameter does not change how a month is contributed)
     */
    public Set<String> spanParameters() { return spanParameters; }

    /** @return the metadata of a rule id; throws for an unknown id */
    public RuleInfo rule(String id) {
        RuleInfo r = byId.get(id);
        if (r == null) throw new IllegalStateException("unknown rule id " + id);
        return r;
    }

    /** @return a short SHA-256 over the DRL files and the texts of the parameter and source files */
    public static String version(Map<String, String> drl, Map<String, String> parameterFiles, Map<String, String> sourceFiles, String extra) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map<String, String> m : List.of(drl, parameterFiles, sourceFiles)) {
                new TreeMap<>(m).forEach((k, v) -> {
                    md.update(k.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                    md.update(v.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                });
            }
            if (extra != null) md.update(extra.getBytes(StandardCharsets.UTF_8));
            return "nssf-" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
