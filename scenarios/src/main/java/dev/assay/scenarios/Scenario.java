package dev.assay.scenarios;

import dev.assay.core.AssayException;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * A loaded and validated scenario file: its name, seed, model, data and checks. Load one with
 * {@link ScenarioLoader}; run it with {@link ScenarioRunner}.
 */
public final class Scenario {
    private final Path file;
    private final String name;
    private final Long seed;
    private final String modelKind;
    private final Supplier<Model> modelFactory;
    private final Dataset data;
    private final List<ScenarioCheck> checks;
    private Model model;
    private RuntimeException modelError;

    Scenario(Path file, String name, Long seed, String modelKind, Supplier<Model> modelFactory, Dataset data,
             List<ScenarioCheck> checks) {
        this.file = Objects.requireNonNull(file, "file");
        this.name = Objects.requireNonNull(name, "name");
        this.seed = seed;
        this.modelKind = modelKind;
        this.modelFactory = modelFactory;
        this.data = data;
        this.checks = List.copyOf(checks);
    }

    /** The scenario file. */
    public Path file() {
        return file;
    }

    /** The scenario's name ({@code name}, default: the file name without {@code .assay.yaml}). */
    public String name() {
        return name;
    }

    /** The scenario's {@code seed}, if it sets one. */
    public OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }

    /** {@code predictions} or {@code java}. */
    public String modelKind() {
        return modelKind;
    }

    /**
     * The model, made on first use (a {@code java} model's constructor runs then).
     *
     * @throws AssayException when the model cannot be made; every check of the scenario is then an {@code error}
     */
    public synchronized Model model() {
        if (model == null && modelError == null) {
            try {
                model = Objects.requireNonNull(modelFactory.get(), "model");
            } catch (RuntimeException e) {
                modelError = e instanceof AssayException ? e
                        : new AssayException("model of " + file + " cannot be made: " + e, e);
            }
        }
        if (modelError != null) {
            throw modelError;
        }
        return model;
    }

    /** The data, loaded with its roles (label, positive, sensitive). */
    public Dataset data() {
        return data;
    }

    /** The checks, in file order. */
    public List<ScenarioCheck> checks() {
        return checks;
    }

    @Override
    public String toString() {
        return "Scenario[" + name + " (" + file + "), " + checks.size() + " checks]";
    }
}
