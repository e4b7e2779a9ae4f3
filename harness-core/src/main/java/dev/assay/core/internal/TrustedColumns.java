package dev.assay.core.internal;

import dev.assay.core.Column;
import java.util.Objects;

/**
 * Builds a categorical {@link Column} from codes the caller has made valid by construction (for example by swapping
 * the valid codes of another column of the same dictionary), without the pass over every code that
 * {@link Column#categorical(String, int[], java.util.List)} makes to check them. Only for codes computed by Assay
 * itself from an existing column, never for user-supplied codes. Not API.
 */
public final class TrustedColumns {
    /** Makes a column without checking its codes; installed once, by {@link Column}'s class initialisation. */
    public interface Factory {
        Column categorical(String name, int[] codes, java.util.List<String> dictionary);
    }

    /** Set by Column's class initialisation, which has run before any Column exists to pass to withCodes. */
    private static Factory factory;

    private TrustedColumns() {
    }

    /**
     * Called once by {@link Column}; any later call fails.
     *
     * @throws IllegalStateException when a factory is already installed
     */
    public static synchronized void install(Factory f) {
        if (factory != null) {
            throw new IllegalStateException("the trusted column factory is installed by Column only");
        }
        factory = Objects.requireNonNull(f, "factory");
    }

    /**
     * A categorical column called {@code name} with the dictionary of {@code like} and {@code codes} (not copied),
     * each of which the caller guarantees is {@code -1} (missing) or an index into that dictionary.
     */
    public static Column withCodes(Column like, String name, int[] codes) {
        if (like.isNumeric()) {
            throw new IllegalArgumentException("column '" + like.name() + "' is numeric, not categorical");
        }
        if (codes.length != like.size()) {
            throw new IllegalArgumentException(codes.length + " codes for column '" + like.name() + "' of "
                    + like.size() + " rows");
        }
        Factory f;
        synchronized (TrustedColumns.class) {
            f = factory;
        }
        return f.categorical(name, codes, like.dictionary());
    }
}
