package dev.assay.reports.allure;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import dev.assay.reports.internal.CheckFamilies;
import dev.assay.reports.internal.DpAuditCharts;
import dev.assay.reports.internal.GroupCharts;
import dev.assay.reports.internal.Histograms;
import dev.assay.reports.internal.ReportLinks;
import dev.assay.reports.internal.ResultTables;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds a {@link CheckResult} to the Allure result of the test that is running. Does nothing when no Allure test is
 * running.
 *
 * <ul>
 *   <li>Labels: {@code epic} = the kind's family ("Performance", "Fairness", "Privacy", "PII", "Safety",
 *       "Data"), {@code feature} = the check kind, {@code story} = the metric, {@code severity} (given in
 *       {@link Options}, else {@code critical} for a failed or errored check and {@code normal} otherwise),
 *       {@code tag} = the verdict, plus any tags given.</li>
 *   <li>Parameters: {@code seed}, {@code threshold}, {@code decision rule}, {@code confidence}, and the measured
 *       {@code value}, {@code interval} and {@code n} (these three are excluded from Allure's history id, so a
 *       test keeps its history while its numbers change). When a test records several checks, a parameter whose
 *       name is already taken with another value is prefixed with the check's name.</li>
 *   <li>Links (type {@code link}): {@code scenario: <file>} to the check's scenario file when the options name one
 *       (its path relative to the project root, with {@code #L<line>}), {@code metric: <metric>} to
 *       {@code docs/metrics.md#<metric>} and {@code kind: <kind>} to {@code docs/metrics.md#<kind>} (for the kinds
 *       that page documents; a compare check's metric links to its kind, a fairness aggregate such as
 *       {@code accuracy_difference} to {@code #derived-group-metrics}); each prefixed
 *       with {@code assay.report.link-base} ({@link AssayConstants#REPORT_LINK_BASE}) when it is set, for example
 *       {@code https://github.com/acme/models/blob/main/}. A link already on the test is not added twice.</li>
 *   <li>Attachments, named after the check: {@code <name> - groups.html} (the result table, self-contained),
 *       {@code <name> - groups.csv}, {@code <name> - groups.svg} (per-group chart), {@code <name> - histogram <column>.svg} for each group with histogram bins
 *       (the drift check's drifted columns; at most {@value Histograms#MAX_CHARTS}, and the charts' titles say so
 *       when there were more), {@code <name> - event probabilities.svg} for a {@code dp-audit} check (p1 and p2
 *       with their Clopper-Pearson whiskers and the claim's bound {@code e^epsilon * p2 + delta}),
 *       {@code <name> - findings.csv} when there are findings, and {@code <name> - failure.txt} (the message) when
 *       the check did not pass.</li>
 * </ul>
 *
 * <p>The check's full evidence entry is not attached again: it is in the run's {@code evidence.json} (written by
 * {@link dev.assay.reports.RunRecorder}), which the manifest covers; every number of it is in the labels,
 * parameters, tables and failure text above.
 *
 * <p>The test's status is left to the test framework.
 */
public final class AllureCheckWriter {
    /** Suffixes of the attachment names: {@code "<check name>" + suffix}. */
    public static final String GROUPS_HTML = " - groups.html";
    public static final String GROUPS_CSV = " - groups.csv";
    public static final String FINDINGS_CSV = " - findings.csv";
    public static final String FAILURE_TXT = " - failure.txt";
    /** Suffixes of the failing-examples tables (checks with failing cases). */
    public static final String EXAMPLES_HTML = " - examples.html";
    public static final String EXAMPLES_CSV = " - examples.csv";
    /** Suffix of the per-group chart (checks with groups): values, interval whiskers, the threshold line. */
    public static final String GROUPS_SVG = " - groups.svg";
    /** Prefix of a histogram's suffix: {@code "<check name>" + HISTOGRAM + "<column>.svg"}. */
    public static final String HISTOGRAM = " - histogram ";
    /** Suffix of the DP audit's chart of the event probabilities. */
    public static final String EVENT_PROBABILITIES_SVG = " - event probabilities.svg";

    private AllureCheckWriter() {
    }

    /** Adds {@code result} to the running test with {@link Options#defaults() default options}. */
    public static void write(CheckResult result) {
        write(result, Options.defaults());
    }

    /** Adds {@code result} to the running test; {@code options} carry what the check's declaration adds. */
    public static void write(CheckResult result, Options options) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(options, "options");
        AllureLifecycle lifecycle = Allure.getLifecycle();
        if (lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        List<Label> labels = labels(result, options);
        String severity = options.severity() != null ? options.severity()
                : result.verdict() == Verdict.PASS ? "normal" : "critical";
        List<Parameter> parameters = parameters(result);
        List<Options.Link> links = links(result, options);
        // one update of the test result (each update looks the test up and locks it)
        lifecycle.updateTestCase(test -> {
            addLabels(test, labels, severity);
            addParameters(test, result, parameters);
            addLinks(test, links);
        });
        attachments(result);
    }

    /** The scenario link's target per scenario file: a run links many checks to few files. */
    private static final Map<Path, String> SCENARIO_PATHS = new ConcurrentHashMap<>();

    private static List<Options.Link> links(CheckResult r, Options options) {
        String base = options.linkBase() != null ? options.linkBase()
                : AssaySettings.fromSystem().get(AssayConstants.REPORT_LINK_BASE).orElse(null);
        List<Options.Link> wanted = new ArrayList<>();
        if (options.scenario() != null) {
            String rel = SCENARIO_PATHS.computeIfAbsent(options.scenario(), ReportLinks::projectRelative);
            String name = options.scenario().getFileName() == null ? rel : options.scenario().getFileName().toString();
            wanted.add(new Options.Link("scenario: " + name, "link", ReportLinks.resolve(base, rel)
                    + (options.scenarioLine() > 0 ? "#L" + options.scenarioLine() : "")));
        }
        String doc = ReportLinks.resolve(base, ReportLinks.METRICS_DOC) + "#";
        if (ReportLinks.DOCUMENTED_KINDS.contains(r.kind())) {
            if (r.metric() != null) {
                wanted.add(new Options.Link("metric: " + r.metric(), "link",
                        doc + ReportLinks.metricAnchor(r.kind(), r.metric())));
            }
            wanted.add(new Options.Link("kind: " + r.kind(), "link", doc + ReportLinks.kindAnchor(r.kind())));
        }
        wanted.addAll(options.links());
        return wanted;
    }

    private static void addLinks(TestResult test, List<Options.Link> wanted) {
        for (Options.Link l : wanted) {
            boolean present = false;
            for (Link e : test.getLinks()) {
                if (l.url().equals(e.getUrl()) && l.name().equals(e.getName())) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                test.getLinks().add(new Link().setName(l.name()).setType(l.type()).setUrl(l.url()));
            }
        }
    }

    private static List<Label> labels(CheckResult r, Options options) {
        List<Label> wanted = new ArrayList<>();
        wanted.add(label("epic", CheckFamilies.of(r.kind())));
        wanted.add(label("feature", r.kind()));
        if (r.metric() != null) {
            wanted.add(label("story", r.metric()));
        }
        wanted.add(label("tag", r.verdict().json()));
        for (String tag : options.tags()) {
            wanted.add(label("tag", tag));
        }
        return wanted;
    }

    private static void addLabels(TestResult test, List<Label> wanted, String severity) {
        List<Label> present = test.getLabels();
        for (Label l : wanted) {
            boolean found = false;
            for (Label e : present) {
                if (l.getName().equals(e.getName()) && l.getValue().equals(e.getValue())) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                present.add(l);
            }
        }
        // one severity per test: the highest of its checks
        String chosen = severity;
        for (Label e : present) {
            if ("severity".equals(e.getName())) {
                chosen = Options.higher(e.getValue(), chosen);
            }
        }
        present.removeIf(e -> "severity".equals(e.getName()));
        present.add(label("severity", chosen));
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    /** The check's parameters, defining ones first; the measured ones are excluded from the history id. */
    private static List<Parameter> parameters(CheckResult r) {
        List<Parameter> p = new ArrayList<>(7);
        if (r.seed() != null) {
            p.add(parameter("seed", Long.toString(r.seed()), false));
        }
        if (r.threshold() != null) {
            p.add(parameter("threshold", r.threshold().describe(), false));
        }
        if (r.decision() != null) {
            p.add(parameter("decision rule", r.decision().json(), false));
        }
        if (r.confidence() != null) {
            p.add(parameter("confidence", ResultTables.number(r.confidence()), false));
        }
        if (r.value() != null) {
            p.add(parameter("value", ResultTables.number(r.value()), true));
        }
        if (r.ci() != null) {
            p.add(parameter("interval", ResultTables.interval(r.ci()), true));
        }
        if (r.n() != null) {
            p.add(parameter("n", Long.toString(r.n()), true));
        }
        return p;
    }

    private static Parameter parameter(String name, String value, boolean excluded) {
        return new Parameter().setName(name).setValue(value).setExcluded(excluded).setMode(Parameter.Mode.DEFAULT);
    }

    /**
     * Adds {@code wanted} to the test's parameters: a parameter that an earlier check of the test recorded with the
     * same value is not added again; one whose name is taken with another value is prefixed with the check's name.
     */
    private static void addParameters(TestResult test, CheckResult r, List<Parameter> wanted) {
        Map<String, String> taken = new HashMap<>();
        for (Parameter p : test.getParameters()) {
            taken.put(p.getName(), p.getValue());
        }
        for (Parameter p : wanted) {
            String current = taken.get(p.getName());
            if (p.getValue().equals(current)) {
                continue; // the same seed (for example) recorded by an earlier check of this test
            }
            if (current != null) {
                String effective = r.name() + ": " + p.getName();
                if (p.getValue().equals(taken.get(effective))) {
                    continue;
                }
                p.setName(effective);
            }
            test.getParameters().add(p);
        }
    }

    private static void attachments(CheckResult r) {
        String name = r.name();
        Allure.addAttachment(name + GROUPS_HTML, "text/html", ResultTables.html(r), ".html");
        Allure.addAttachment(name + GROUPS_CSV, "text/csv", ResultTables.csv(r), ".csv");
        GroupCharts.svg(r).ifPresent(svg -> Allure.addAttachment(name + GROUPS_SVG, "image/svg+xml", svg, ".svg"));
        for (Histograms.Chart chart : Histograms.of(r)) {
            Allure.addAttachment(name + HISTOGRAM + chart.group() + ".svg", "image/svg+xml", chart.svg(), ".svg");
        }
        DpAuditCharts.svg(r).ifPresent(svg -> Allure.addAttachment(name + EVENT_PROBABILITIES_SVG, "image/svg+xml",
                svg, ".svg"));
        if (!r.findings().isEmpty()) {
            Allure.addAttachment(name + FINDINGS_CSV, "text/csv", ResultTables.findingsCsv(r), ".csv");
        }
        if (!r.examples().isEmpty()) {
            Allure.addAttachment(name + EXAMPLES_HTML, "text/html", ResultTables.examplesHtml(r), ".html");
            Allure.addAttachment(name + EXAMPLES_CSV, "text/csv", ResultTables.examplesCsv(r), ".csv");
        }
        if (!r.passed()) {
            String text = r.message() != null ? r.message()
                    : r.name() + ": verdict " + r.verdict().json() + " (the check gave no message)";
            Allure.addAttachment(name + FAILURE_TXT, "text/plain", text.endsWith("\n") ? text : text + "\n", ".txt");
        }
    }

    /**
     * What a check's declaration adds to its Allure result: a severity (from a scenario file or an annotation),
     * tags and links (for example to the scenario file or the metric's documentation). Immutable.
     */
    public static final class Options {
        /** Allure's severities, highest first. */
        public static final List<String> SEVERITIES = List.of("blocker", "critical", "normal", "minor", "trivial");

        private static final Options DEFAULTS = new Options(null, List.of(), List.of(), null, 0, null);

        private final String severity;
        private final List<String> tags;
        private final List<Link> links;
        private final Path scenario;
        private final int scenarioLine;
        private final String linkBase;

        private Options(String severity, List<String> tags, List<Link> links, Path scenario, int scenarioLine,
                        String linkBase) {
            this.severity = severity;
            this.tags = Collections.unmodifiableList(tags);
            this.links = Collections.unmodifiableList(links);
            this.scenario = scenario;
            this.scenarioLine = scenarioLine;
            this.linkBase = linkBase;
        }

        /**
         * The scenario file that declared the check, and the check's line in it (0 for unknown): the result links
         * to it, by its path relative to the project root.
         */
        public Options withScenario(Path file, int line) {
            return new Options(severity, tags, links, Objects.requireNonNull(file, "file"), Math.max(0, line),
                    linkBase);
        }

        /**
         * The base URL of the links, overriding {@code assay.report.link-base} from system properties and
         * environment (front ends pass their own configuration's value; blank for none).
         */
        public Options withLinkBase(String base) {
            return new Options(severity, tags, links, scenario, scenarioLine, base == null ? "" : base);
        }

        /** The scenario file, or {@code null}. */
        public Path scenario() {
            return scenario;
        }

        /** The check's line in {@link #scenario()}, 0 when unknown. */
        public int scenarioLine() {
            return scenarioLine;
        }

        /** The base URL given with {@link #withLinkBase}, or {@code null} to read {@code assay.report.link-base}. */
        public String linkBase() {
            return linkBase;
        }

        /** No severity (so it follows the verdict), no tags, no links. */
        public static Options defaults() {
            return DEFAULTS;
        }

        /** One of {@link #SEVERITIES} (any case). */
        public Options withSeverity(String severity) {
            String s = Objects.requireNonNull(severity, "severity").strip().toLowerCase(Locale.ROOT);
            if (!SEVERITIES.contains(s)) {
                throw new IllegalArgumentException("unknown severity '" + severity + "'; expected one of "
                        + String.join(", ", SEVERITIES));
            }
            return new Options(s, tags, links, scenario, scenarioLine, linkBase);
        }

        /** Adds tags. */
        public Options withTags(String... tags) {
            List<String> t = new ArrayList<>(this.tags);
            for (String tag : tags) {
                t.add(Objects.requireNonNull(tag, "tag"));
            }
            return new Options(severity, t, links, scenario, scenarioLine, linkBase);
        }

        /** Adds a plain link. */
        public Options withLink(String name, String url) {
            return withLink(name, "link", url);
        }

        /** Adds a link of an Allure link type ({@code link}, {@code issue}, {@code tms}). */
        public Options withLink(String name, String type, String url) {
            List<Link> l = new ArrayList<>(links);
            l.add(new Link(Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"),
                    Objects.requireNonNull(url, "url")));
            return new Options(severity, tags, l, scenario, scenarioLine, linkBase);
        }

        /** The severity given, or {@code null} when it follows the verdict. */
        public String severity() {
            return severity;
        }

        public List<String> tags() {
            return tags;
        }

        public List<Link> links() {
            return links;
        }

        static String higher(String a, String b) {
            int ia = SEVERITIES.indexOf(a);
            int ib = SEVERITIES.indexOf(b);
            if (ia < 0) {
                return b;
            }
            if (ib < 0) {
                return a;
            }
            return ia <= ib ? a : b;
        }

        /** A link of an Allure result. */
        public record Link(String name, String type, String url) {
        }
    }
}
