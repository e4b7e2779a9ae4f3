package dev.assay.scenarios;

import dev.assay.core.AssayException;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file that cannot be loaded. The message lists every problem found, each as
 * {@code file:line:column: what is wrong}; the first is exact, later ones may follow from it.
 */
public final class ScenarioException extends AssayException {
    private static final long serialVersionUID = 1L;

    /** One problem in a scenario file, at a 1-based line and column. */
    public record Problem(String file, int line, int column, String message) {
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        /** {@code credit.assay.yaml:12:5: unknown key 'metrc' ...}. */
        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public ScenarioException(List<Problem> problems, Throwable cause) {
        super(describe(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found (never empty). */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder(problems.get(0).toString());
        sb.append(System.lineSeparator()).append("and ").append(problems.size() - 1)
                .append(problems.size() == 2 ? " more problem:" : " more problems:");
        for (Problem p : problems.subList(1, problems.size())) {
            sb.append(System.lineSeparator()).append("  ").append(p);
        }
        return sb.toString();
    }
}
