package dev.assay.scenarios;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * A loaded and validated scenario file: its name, seed, model, data and checks. Load one with
 * {@link ScenarioLoader}; run it with {@link ScenarioRunner}.
 */
public final class Scenario {
    private final Path file;
    private final String name;
    private final Long seed;
    private final String modelKind;
    private final Function<AssaySettings, Model> modelFactory;
    private final Dataset data;
    private final List<ScenarioCheck> checks;
    private Model model;
    private RuntimeException modelError;

    Scenario(Path file, String name, Long seed, String modelKind, Function<AssaySettings, Model> modelFactory, Dataset data,
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

    /** {@code predictions}, {@code java}, {@code http} or {@code onnx}. */
    public String modelKind() {
        return modelKind;
    }

    /**
     * The model, made on first use (a {@code java} model's constructor runs then).
     *
     * @throws AssayException when the model cannot be made; every check of the scenario is then an {@code error}
     */
    public Model model() {
        return model(AssaySettings.fromSystem());
    }

    /**
     * The model, made on first use with {@code settings} ({@code assay.model.url}, {@code assay.model.mode} and
     * header variables of an {@code http} model are read from them).
     *
     * @throws AssayException when the model cannot be made; every check of the scenario is then an {@code error}
     */
    public synchronized Model model(AssaySettings settings) {
        if (model == null && modelError == null) {
            try {
                model = Objects.requireNonNull(modelFactory.apply(settings), "model");
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
