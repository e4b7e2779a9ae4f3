package dev.assay.core.pii.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Presidio-style pattern detector: named patterns with base scores and an optional validator. A validator returns
 * {@link #VALID} (score 1.0), {@link #INVALID} (match dropped) or {@link #UNKNOWN} (base score kept).
 */
public class RegexDetector extends Detector {
    public static final int VALID = 1;
    public static final int INVALID = -1;
    public static final int UNKNOWN = 0;

    /** Validates a matched value. */
    @FunctionalInterface
    public interface Validator {
        int validate(String value);
    }

    /** A regex with its base score. */
    public record Pat(Pattern pattern, double score, java.util.function.Predicate<WindowStats> when) {
        public Pat(Pattern pattern, double score) {
            this(pattern, score, null);
        }

        public static Pat of(String regex, double score) {
            return new Pat(Pattern.compile(regex), score, null);
        }

        /** A pattern only tried in windows passing {@code when}. */
        public static Pat of(String regex, double score, java.util.function.Predicate<WindowStats> when) {
            return new Pat(Pattern.compile(regex), score, when);
        }
    }

    private final List<Pat> patterns;
    /** Per-thread matchers, reset once per scanned text instead of allocated per window. */
    private final ThreadLocal<Object[]> state = new ThreadLocal<>();
    private final Validator validator;
    private final boolean windowed;
    private final int group;

    public RegexDetector(String entity, List<String> context, Validator validator, Pat... patterns) {
        this(entity, context, validator, true, 0, patterns);
    }

    public RegexDetector(String entity, List<String> context, Validator validator, boolean windowed, int group,
                         Pat... patterns) {
        super(entity, context);
        this.patterns = List.of(patterns);
        this.validator = validator;
        this.windowed = windowed;
        this.group = group;
    }

    @Override
    public void release() {
        Object[] st = state.get();
        if (st != null && st[0] != null) {
            for (int k = 1; k < st.length; k++) {
                ((Matcher) st[k]).reset("");
            }
            st[0] = null;
        }
    }

    @Override
    public boolean windowed() {
        return windowed;
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        find(text, from, to, out, null);
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out, WindowStats stats) {
        Object[] st = state.get();
        if (st == null) {
            st = new Object[patterns.size() + 1];
            for (int k = 0; k < patterns.size(); k++) {
                st[k + 1] = patterns.get(k).pattern().matcher("");
            }
            state.set(st);
        }
        if (st[0] != text) {
            for (int k = 1; k < st.length; k++) {
                ((Matcher) st[k]).reset(text);
            }
            st[0] = text;
        }
        for (int k = 0; k < patterns.size(); k++) {
            Pat p = patterns.get(k);
            if (stats != null && p.when() != null && !p.when().test(stats)) {
                continue;
            }
            Matcher m = (Matcher) st[k + 1];
            m.useTransparentBounds(true);
            m.useAnchoringBounds(false);
            m.region(from, to);
            while (m.find()) {
                int s = m.start(group);
                int e = m.end(group);
                if (s < 0 || e <= s) {
                    continue;
                }
                int v = validator == null ? UNKNOWN : validator.validate(text.substring(s, e));
                if (v == INVALID) {
                    continue;
                }
                out.add(new Candidate(this, entity(), s, e, v == VALID ? 1.0 : p.score(), v == VALID));
            }
        }
    }
}
