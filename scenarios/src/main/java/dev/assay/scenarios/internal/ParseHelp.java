package dev.assay.scenarios.internal;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.AssayConstants;
import dev.assay.core.Dataset;
import dev.assay.core.Decision;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Shared pieces of the check parsers: decision rules, intervals, column lists, builder calls that may refuse. */
final class ParseHelp {
    static final List<String> DECISIONS = List.of("point", "strict", "lenient");

    private ParseHelp() {
    }

    /** Runs {@code call}; a refusal ({@link IllegalArgumentException}, {@link AssayException}) is reported at key. */
    static boolean apply(Fields f, String key, Runnable call) {
        try {
            call.run();
            return true;
        } catch (IllegalArgumentException | AssayException e) {
            Node at = f.get(key);
            f.problems().at(at != null ? at : f.node(), f.path(key) + ": " + e.getMessage());
            return false;
        }
    }

    /**
     * Builds the check; a builder's refusal is reported at the first key present in the body that the message names
     * (longest key first), else at the body.
     */
    static <C> C build(Fields f, List<String> keys, java.util.function.Supplier<C> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | AssayException e) {
            String msg = String.valueOf(e.getMessage());
            List<String> sorted = new ArrayList<>(keys);
            sorted.sort((a, b) -> b.length() - a.length());
            for (String k : sorted) {
                if (f.has(k) && msg.contains(k)) {
                    f.problems().at(f.get(k), f.path(k) + ": " + msg);
                    return null;
                }
            }
            String where = f.path("x");
            f.problems().at(f.node(), where.substring(0, where.length() - 2) + ": " + msg);
            return null;
        }
    }

    /** Passes {@code value} to {@code set} unless it is {@code null} (the key is absent, or its problem reported). */
    static <T> void ifSet(T value, Consumer<? super T> set) {
        if (value != null) {
            set.accept(value);
        }
    }

    /**
     * The column named at {@code key}, checked, passed to {@code set}; without the key, the data (when known) must
     * have the default column, named as {@code role}: else a problem that asks for the column {@code what}.
     */
    static void columnOrDefault(Fields f, ScenarioContext ctx, String key, String role, String what,
                                Consumer<String> set) {
        String column = column(f, ctx, key, role);
        if (column != null) {
            set.accept(column);
        } else if (!f.has(key) && ctx.data() != null && !ctx.data().hasColumn(role)) {
            f.problems().at(f.node(), f.path(key) + ": the data has no column '" + role + "' (the default); name the"
                    + " column " + what);
        }
    }

    static Decision decision(Fields f) {
        String d = f.oneOf("decision", DECISIONS, false);
        return d == null ? null : Decision.parse(d);
    }

    /** A number strictly between 0 and 1. */
    static Double openUnit(Fields f, String key) {
        Double v = f.number(key);
        if (v != null && !(v > 0 && v < 1)) {
            f.problems().at(f.get(key), f.path(key) + ": expected a number between 0 and 1 (exclusive), found "
                    + f.get(key).text());
            return null;
        }
        return v;
    }

    /** A number in [0, 1]. */
    static Double unit(Fields f, String key) {
        Double v = f.number(key);
        if (v != null && !(v >= 0 && v <= 1)) {
            f.problems().at(f.get(key), f.path(key) + ": expected a number between 0 and 1, found "
                    + f.get(key).text());
            return null;
        }
        return v;
    }

    /** A number above 0. */
    static Double positive(Fields f, String key) {
        Double v = f.number(key);
        if (v != null && !(v > 0)) {
            f.problems().at(f.get(key), f.path(key) + ": expected a number above 0, found " + f.get(key).text());
            return null;
        }
        return v;
    }

    /** A list of column names of the data, each checked; {@code null} when absent or wrong. */
    static List<String> columns(Fields f, ScenarioContext ctx, String key, String role) {
        List<Node> nodes = f.strings(key);
        if (nodes == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        boolean ok = true;
        for (Node n : nodes) {
            ok &= ctx.requireColumn(n, f.path(key), role);
            out.add(n.text());
        }
        return ok ? out : null;
    }

    /** A single column name of the data, checked. */
    static String column(Fields f, ScenarioContext ctx, String key, String role) {
        String c = f.string(key, false);
        if (c == null) {
            return null;
        }
        return ctx.requireColumn(f.get(key), f.path(key), role) ? c : null;
    }

    /** Whether the value is an explicit YAML/JSON null ({@code max-psi: null} turns a criterion off). */
    static boolean isNull(Fields f, String key) {
        Node n = f.get(key);
        return n != null && n.isScalar() && n.scalar() == Node.Scalar.NULL;
    }

    /**
     * A model made from a nested {@code model:}-shaped map, made on first use. A {@code http} model here ignores
     * {@code assay.model.url}, which points the scenario's own model (the candidate) elsewhere.
     */
    static Model lazy(Function<AssaySettings, Model> factory) {
        return new Model() {
            private Model model;

            private synchronized Model get() {
                if (model == null) {
                    Map<String, String> properties = new HashMap<>();
                    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
                    properties.remove(AssayConstants.MODEL_URL);
                    Map<String, String> env = new HashMap<>(System.getenv());
                    env.remove(AssaySettings.environmentName(AssayConstants.MODEL_URL));
                    model = factory.apply(AssaySettings.of(k -> Optional.empty(), properties, env));
                }
                return model;
            }

            @Override
            public Predictions predict(Dataset data) {
                return get().predict(data);
            }

            @Override
            public ModelInfo info() {
                return get().info();
            }
        };
    }
}
