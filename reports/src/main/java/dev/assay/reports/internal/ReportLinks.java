package dev.assay.reports.internal;

import dev.assay.core.fairness.FairnessMetrics;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The links of a check's Allure result: to its scenario file (the path relative to the project root) and to the
 * documentation of its metric in {@value #METRICS_DOC}, both prefixed with the configured base
 * ({@code assay.report.link-base}, for example {@code https://github.com/acme/models/blob/main/}); without a base the
 * links are the project-relative paths themselves.
 */
public final class ReportLinks {
    /** The metric documentation, relative to the project root: {@value}. */
    public static final String METRICS_DOC = "docs/metrics.md";

    private ReportLinks() {
    }

    /** {@code base + path}, with exactly one slash between them; {@code path} alone when the base is blank. */
    public static String resolve(String base, String path) {
        if (base == null || base.isBlank()) {
            return path;
        }
        String b = base.strip();
        return b.endsWith("/") ? b + path : b + "/" + path;
    }

    /**
     * The anchor in {@value #METRICS_DOC} for a check's metric: the metric's name (such as {@code recall} or
     * {@code drifted_share}); the kind's (such as {@code compare}) when the check has no metric or when the metric
     * is derived from another per kind (compare's {@code <metric>_difference}).
     */
    public static String metricAnchor(String kind, String metric) {
        if (metric == null || "compare".equals(kind)) {
            return kindAnchor(kind);
        }
        if ("fairness".equals(kind) && !NAMED_FAIRNESS_METRICS.contains(metric)
                && metric.matches(".+_(difference|ratio|group_min|group_max)")) {
            return DERIVED_GROUP_METRICS;
        }
        return metric;
    }

    /** The anchor of the aggregates ({@code <base>_difference}, ...) of the fairness catalogue: {@value}. */
    public static final String DERIVED_GROUP_METRICS = "derived-group-metrics";

    /** The check kinds that {@value #METRICS_DOC} documents, each under its own anchor. */
    public static final Set<String> DOCUMENTED_KINDS = Set.of("performance", "fairness", "privacy-budget", "dp-audit",
            "membership-inference", "pii-leak", "expect-data", "expect-output", "drift", "compare", "invariance",
            "directional", "boundary-search", "adversarial", "canary", "expect", "consistency");

    /**
     * The anchor of a kind in {@value #METRICS_DOC}: the kind's name, except where a metric has that name already
     * ({@code consistency}, AIF360's individual-fairness metric), where it is {@code <kind>-check}.
     */
    public static String kindAnchor(String kind) {
        return "consistency".equals(kind) ? "consistency-check" : kind;
    }

    /** The named metrics of the fairness catalogue ({@link FairnessMetrics}' constants). */
    static final Set<String> NAMED_FAIRNESS_METRICS = namedFairnessMetrics();

    private static Set<String> namedFairnessMetrics() {
        Set<String> names = new HashSet<>();
        for (Field f : FairnessMetrics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(names);
    }

    /**
     * {@code file} as a path relative to the project root, with forward slashes. The root is the nearest directory
     * above {@code file} (or above the working directory, for a relative {@code file}) that holds {@code .git}; else
     * the outermost directory with a {@code pom.xml} in an unbroken chain; else the working directory. A file copied
     * to a build's class path ({@code target/classes}, {@code target/test-classes}) is mapped back to its source
     * ({@code src/main/resources}, {@code src/test/resources}) when that exists.
     */
    public static String projectRelative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path root = root(abs.getParent() != null ? abs.getParent() : abs);
        Path source = toSource(abs);
        Path rel = source.startsWith(root) ? root.relativize(source) : source;
        return rel.toString().replace('\\', '/');
    }

    /** {@link #root} per directory: a run links many checks from few scenario folders, and the walk stats files. */
    private static final Map<Path, Path> ROOTS = new ConcurrentHashMap<>();

    static Path root(Path start) {
        return ROOTS.computeIfAbsent(start, ReportLinks::findRoot);
    }

    private static Path findRoot(Path start) {
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        Path outermostPom = null;
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml"))) {
                outermostPom = p;
            } else if (outermostPom != null) {
                break;
            }
        }
        return outermostPom != null ? outermostPom : Path.of("").toAbsolutePath();
    }

    static Path toSource(Path abs) {
        String text = abs.toString().replace('\\', '/');
        for (String[] m : new String[][] {{"/target/test-classes/", "/src/test/resources/"},
                {"/target/classes/", "/src/main/resources/"}}) {
            int i = text.lastIndexOf(m[0]);
            if (i >= 0) {
                Path candidate = Path.of(text.substring(0, i) + m[1] + text.substring(i + m[0].length()));
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return abs;
    }
}
