package dev.assay.scenarios;

import dev.assay.core.Check;
import java.util.Objects;

/** One check of a scenario file, with where it is declared (the line and column of its {@code name}). */
public final class ScenarioCheck {
    private final Check check;
    private final int line;
    private final int column;

    ScenarioCheck(Check check, int line, int column) {
        this.check = Objects.requireNonNull(check, "check");
        this.line = line;
        this.column = column;
    }

    public String name() {
        return check.name();
    }

    public String kind() {
        return check.kind();
    }

    /** The check to evaluate. */
    public Check check() {
        return check;
    }

    /** The 1-based line of the check in its scenario file. */
    public int line() {
        return line;
    }

    /** The 1-based column of the check in its scenario file. */
    public int column() {
        return column;
    }

    @Override
    public String toString() {
        return "ScenarioCheck[" + name() + " (" + kind() + ") at " + line + ":" + column + "]";
    }
}
