package dev.assay.core.pii.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret with a fixed literal prefix (AWS key ids, GitHub and Slack tokens, JWTs): {@code indexOf} over the whole
 * text for each prefix, then an anchored regex at that position; the match must not be preceded or followed by a
 * token character.
 */
public final class PrefixDetector extends Detector {
    private final List<String> prefixes;
    private final Pattern body;
    private final double score;
    private final RegexDetector.Validator validator;

    public PrefixDetector(String entity, List<String> context, List<String> prefixes, String regex, double score,
                          RegexDetector.Validator validator) {
        super(entity, context);
        this.prefixes = List.copyOf(prefixes);
        this.body = Pattern.compile(regex);
        this.score = score;
        this.validator = validator;
    }

    @Override
    public boolean windowed() {
        return false;
    }

    private static boolean tokenChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        Matcher m = body.matcher(text);
        for (String p : prefixes) {
            for (int i = text.indexOf(p, from); i >= 0 && i < to; i = text.indexOf(p, i + 1)) {
                if (i > 0 && tokenChar(text.charAt(i - 1))) {
                    continue;
                }
                m.region(i, text.length());
                if (m.lookingAt() && (m.end() == text.length() || !tokenChar(text.charAt(m.end())))) {
                    int v = validator == null ? RegexDetector.UNKNOWN : validator.validate(text.substring(i, m.end()));
                    if (v != RegexDetector.INVALID) {
                        out.add(new Candidate(this, entity(), i, m.end(), v == RegexDetector.VALID ? 1.0 : score,
                                v == RegexDetector.VALID));
                    }
                    i = m.end() - 1;
                }
            }
        }
    }
}
