package dev.assay.core.pii;

import dev.assay.core.internal.Require;
import dev.assay.core.pii.internal.Candidate;
import dev.assay.core.pii.internal.DenyListDetector;
import dev.assay.core.pii.internal.Detector;
import dev.assay.core.pii.internal.Engine;
import dev.assay.core.pii.internal.RegexDetector;
import dev.assay.core.pii.internal.Registry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds personal data and secrets in text: the entry point of the PII detectors.
 *
 * <pre>{@code
 * List<PiiFinding> found = PiiScanner.defaults().scan(answer);
 * PiiScanner cards = PiiScanner.builder().entities(PiiEntity.CREDIT_CARD, PiiEntity.IBAN_CODE).minScore(0.5).build();
 * }</pre>
 *
 * <p><b>Scores</b> work like Presidio's: each pattern has a base score; a passing checksum or validator makes it
 * 1.0 and a failing one drops the match; a context word among the 5 words before a match raises an unvalidated
 * score to {@code min(1, max(score + 0.35, 0.4))} (context words match whole words, with plural and possessive
 * forms, never substrings); matches below {@code minScore} (default {@value #DEFAULT_MIN_SCORE}) are dropped, so
 * the very weak patterns (a bare 9-digit number as US_PASSPORT, 0.05) need context to be reported.
 *
 * <p><b>Overlaps</b>: when findings overlap, the one with the higher score wins; ties go to the longer span, then
 * the earlier start, then the entity enabled first. Overlapping findings are never both reported.
 *
 * <p><b>Offsets</b> are Unicode code point offsets into the scanned text, end exclusive (the evidence contract),
 * so an emoji before a match counts as one.
 *
 * <p>A scanner is immutable and thread-safe.
 */
public final class PiiScanner {
    /** The default {@code min-score}. */
    public static final double DEFAULT_MIN_SCORE = 0.4;
    private static final Pattern ENTITY_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final PiiScanner DEFAULTS = builder().build();

    private final List<String> entities;
    private final List<Detector> detectors;
    private final Engine engine;
    private final double minScore;
    private final PiiMasker masker;

    private PiiScanner(Builder b) {
        this.minScore = b.minScore;
        this.masker = b.masker;
        List<Detector> ds = new ArrayList<>(Registry.create(List.copyOf(b.entities), b.regions));
        ds.addAll(b.custom);
        this.detectors = List.copyOf(ds);
        List<String> names = new ArrayList<>(b.entities);
        b.custom.forEach(d -> {
            if (!names.contains(d.entity())) {
                names.add(d.entity());
            }
        });
        this.entities = List.copyOf(names);
        this.engine = new Engine(detectors, minScore);
    }

    /** The default set ({@link PiiEntity#defaults()}), Presidio's phone regions, min-score 0.4, per-run salt. */
    public static PiiScanner defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The enabled entities, built-in and user-defined. */
    public List<String> entities() {
        return entities;
    }

    public double minScore() {
        return minScore;
    }

    /** The findings in {@code text}, ordered by start. */
    public List<PiiFinding> scan(CharSequence text) {
        String s = Objects.requireNonNull(text, "text").toString();
        List<Candidate> found = engine.scan(s);
        List<PiiFinding> out = new ArrayList<>(found.size());
        int lastChar = 0;
        int lastCp = 0;
        for (Candidate c : found) {
            int startCp = lastCp + s.codePointCount(lastChar, c.start);
            int endCp = startCp + s.codePointCount(c.start, c.end);
            lastChar = c.start;
            lastCp = startCp;
            String value = s.substring(c.start, c.end);
            out.add(new PiiFinding(c.entity, startCp, endCp, round(c.score), PiiMasker.mask(c.entity, value),
                    masker.hash(c.entity, value)));
        }
        return out;
    }

    /**
     * {@code text} with every finding replaced by its masked rendering ({@code j***@e******.com}), for writing
     * model inputs and answers into evidence, reports and replay files. Overlapping findings were already resolved
     * by {@link #scan}, so each character is masked at most once.
     */
    public String redact(CharSequence text) {
        String s = Objects.requireNonNull(text, "text").toString();
        List<Candidate> found = engine.scan(s);
        if (found.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        for (Candidate c : found) {
            if (c.start < at) {
                continue;
            }
            out.append(s, at, c.start).append(PiiMasker.mask(c.entity, s.substring(c.start, c.end)));
            at = c.end;
        }
        return out.append(s, at, s.length()).toString();
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    @Override
    public String toString() {
        return "PiiScanner" + entities + " min-score " + minScore;
    }

    /** Configures a scanner. */
    public static final class Builder {
        private final Set<String> entities = new LinkedHashSet<>(Registry.DEFAULTS);
        private final List<Detector> custom = new ArrayList<>();
        private List<String> regions = Registry.DEFAULT_REGIONS;
        private double minScore = DEFAULT_MIN_SCORE;
        private PiiMasker masker = PiiMasker.perRun();

        private Builder() {
        }

        /** The built-in entities to detect (replaces the default set); see {@link PiiEntity}. */
        public Builder entities(String... names) {
            return entities(List.of(names));
        }

        /** The built-in entities to detect (replaces the default set); see {@link PiiEntity}. */
        public Builder entities(Collection<String> names) {
            entities.clear();
            for (String n : names) {
                if (!Registry.known(n)) {
                    throw new IllegalArgumentException("unknown PII entity '" + n + "'; expected one of "
                            + Registry.all());
                }
                entities.add(n);
            }
            return this;
        }

        /** Drops matches scoring below {@code minScore} (0 to 1; default 0.4). */
        public Builder minScore(double minScore) {
            Require.unitInterval("min-score", minScore);
            this.minScore = minScore;
            return this;
        }

        /** Regions for PHONE_NUMBER (ISO 3166-1 alpha-2; default US, GB, DE, FR, IL, IN, CA, BR). */
        public Builder regions(String... regions) {
            if (regions.length == 0) {
                throw new IllegalArgumentException("regions must name at least one region, such as US");
            }
            this.regions = List.of(regions);
            return this;
        }

        /** The masker (and so the hashing salt) for findings; default {@link PiiMasker#perRun()}. */
        public Builder masker(PiiMasker masker) {
            this.masker = Objects.requireNonNull(masker, "masker");
            return this;
        }

        /** A user detector: every match of {@code regex} is a finding of {@code entity} with {@code score}. */
        public Builder detector(String entity, String regex, double score) {
            return detector(entity, regex, score, null);
        }

        /**
         * A user detector with a validator: a match the validator accepts scores 1.0, one it rejects is dropped
         * (Presidio's {@code validate_result}). The regex runs on the whole text: keep it linear (possessive
         * quantifiers, no nested repetition).
         */
        public Builder detector(String entity, String regex, double score, Predicate<String> validator) {
            checkName(entity);
            if (!(score > 0 && score <= 1)) {
                throw new IllegalArgumentException("score of detector " + entity + " must be in (0, 1], was "
                        + score);
            }
            Pattern p;
            try {
                p = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex of detector " + entity + " does not compile: "
                        + e.getDescription() + " at index " + e.getIndex(), e);
            }
            RegexDetector.Validator v = validator == null ? null : s -> {
                boolean ok;
                try {
                    ok = validator.test(s);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("validator of detector " + entity + " failed: "
                            + e.getClass().getName()); // no message: it may quote the value
                }
                return ok ? RegexDetector.VALID : RegexDetector.INVALID;
            };
            custom.add(new RegexDetector(entity, List.of(), v, false, 0, new RegexDetector.Pat(p, score)));
            return this;
        }

        /**
         * Known values that must never appear (for example real customer records), matched after normalisation
         * (NFKC, lower case, letters and digits only) on word boundaries; score 1.0.
         */
        public Builder denyList(String entity, Collection<String> values) {
            checkName(entity);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("deny list " + entity + " is empty");
            }
            custom.add(new DenyListDetector(entity, values));
            return this;
        }

        private void checkName(String entity) {
            if (entity == null || !ENTITY_NAME.matcher(entity).matches()) {
                throw new IllegalArgumentException("entity name '" + entity
                        + "' must be upper case letters, digits and '_', such as CUSTOMER_ID");
            }
            if (Registry.known(entity)) {
                throw new IllegalArgumentException("entity " + entity + " is built in; give your detector its own"
                        + " name");
            }
        }

        public PiiScanner build() {
            if (entities.isEmpty() && custom.isEmpty()) {
                throw new IllegalArgumentException("no PII entity enabled: name at least one entity or detector");
            }
            return new PiiScanner(this);
        }
    }
}
