package dev.assay.core;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link AssayConstants configuration keys}: first from a front end's own source (JUnit configuration
 * parameters), then system properties, then the environment ({@code assay.seed} as {@code ASSAY_SEED}).
 */
public final class AssaySettings {
    private final Function<String, Optional<String>> first;
    private final Function<String, String> properties;
    private final Map<String, String> environment;

    private AssaySettings(Function<String, Optional<String>> first, Function<String, String> properties,
                          Map<String, String> environment) {
        this.first = first;
        this.properties = properties;
        this.environment = environment;
    }

    /** Settings from system properties and the environment only. */
    public static AssaySettings fromSystem() {
        return of(k -> Optional.empty());
    }

    /** Settings that look in {@code first} (for example JUnit configuration parameters) before the system. */
    public static AssaySettings of(Function<String, Optional<String>> first) {
        return new AssaySettings(Objects.requireNonNull(first), System::getProperty, System.getenv());
    }

    /** For tests: explicit sources. */
    public static AssaySettings of(Function<String, Optional<String>> first, Map<String, String> properties,
                                   Map<String, String> environment) {
        Objects.requireNonNull(properties, "properties");
        return new AssaySettings(Objects.requireNonNull(first, "first"), properties::get,
                Map.copyOf(Objects.requireNonNull(environment, "environment")));
    }

    /** The environment variable for a key: {@code assay.min-group-size} is {@code ASSAY_MIN_GROUP_SIZE}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The value of {@code key} from the first source that has a non-blank one, stripped.
     *
     * @param key a key of {@link AssayConstants}, not {@code null}
     * @return the value, or empty when no source has one
     */
    public Optional<String> get(String key) {
        Objects.requireNonNull(key, "key");
        Optional<String> fromFirst = first.apply(key);
        Optional<String> v = fromFirst == null ? Optional.empty() : fromFirst.filter(s -> !s.isBlank());
        if (v.isPresent()) {
            return v.map(String::strip);
        }
        String p = properties.apply(key);
        if (p != null && !p.isBlank()) {
            return Optional.of(p.strip());
        }
        String e = environment.get(environmentName(key));
        return e == null || e.isBlank() ? Optional.empty() : Optional.of(e.strip());
    }

    /** The value of {@code key}, or {@code defaultValue} ({@code null} allowed) when none is set. */
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /**
     * The value of {@code key} as a {@code long}, or {@code defaultValue}.
     *
     * @throws AssayException naming the key and value when the value is not a number
     */
    public long getLong(String key, long defaultValue) {
        return get(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    /**
     * The value of {@code key} as an {@code int}, or {@code defaultValue}.
     *
     * @throws AssayException naming the key and value when the value is not a number
     */
    public int getInt(String key, int defaultValue) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    /**
     * The value of {@code key} as a {@code double}, or {@code defaultValue}.
     *
     * @throws AssayException naming the key and value when the value is not a number
     */
    public double getDouble(String key, double defaultValue) {
        return get(key).map(v -> parse(key, v, Double::parseDouble)).orElse(defaultValue);
    }

    /** The seed ({@link AssayConstants#SEED}). */
    public long seed() {
        return getLong(AssayConstants.SEED, AssayConstants.DEFAULT_SEED);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new AssayException("configuration " + key + " = '" + value + "' is not a number");
        }
    }
}
