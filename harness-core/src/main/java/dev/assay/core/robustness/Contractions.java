package dev.assay.core.robustness;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Expands English contractions ({@code "don't"} to {@code "do not"}) or contracts their expansions ({@code "do not"}
 * to {@code "don't"}), from the list shipped with Assay ({@code contractions.txt}). Whole words only, matched without
 * regard to case; the replacement follows the case of what it replaces ({@code "Don't"} to {@code "Do not"},
 * {@code "DO NOT"} to {@code "DON'T"}). Both the ASCII apostrophe and the typographic one ({@code ’}) are recognised;
 * contractions are written with the ASCII one. Where an expansion has several contractions' words in it, the longest
 * match wins. Deterministic.
 */
final class Contractions extends TextPerturbation {
    private static final String EDGE_BEFORE = "(?<![\\p{L}\\p{N}'\u2019])";
    private static final String EDGE_AFTER = "(?![\\p{L}\\p{N}'\u2019])";

    private final boolean expand;
    private final Map<String, String> map;
    private final Pattern pattern;

    Contractions(String column, boolean expand) {
        super(column);
        this.expand = expand;
        this.map = new LinkedHashMap<>();
        for (String line : WordLists.get("contractions.txt")) {
            String[] kv = line.split("\t");
            if (expand) {
                map.putIfAbsent(kv[0], kv[1]);
            } else {
                map.putIfAbsent(kv[1], kv[0]);
            }
        }
        this.pattern = Pattern.compile(EDGE_BEFORE + longestFirst(map.keySet(), Contractions::regex) + EDGE_AFTER,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** A contraction or expansion as a regex: any run of white space between words, either apostrophe. */
    private static String regex(String entry) {
        StringBuilder re = new StringBuilder();
        for (String part : entry.split("((?<=[ '])|(?=[ ']))")) {
            re.append(part.equals(" ") ? "\\s+" : part.equals("'") ? "['\u2019]" : Pattern.quote(part));
        }
        return re.toString();
    }

    @Override
    public String describe() {
        return "contractions " + column + (expand ? " expand" : " contract");
    }

    @Override
    boolean deterministic() {
        return true;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        return replace(text, matches(pattern, text), found -> inCaseOf(found, map.get(
                found.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " "))));
    }

    /** {@code replacement} in upper case when {@code found} is, capitalised when {@code found} starts in upper case. */
    static String inCaseOf(String found, String replacement) {
        int letters = 0;
        boolean allUpper = true;
        for (int i = 0; i < found.length(); i++) {
            char c = found.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                allUpper &= Character.isUpperCase(c);
            }
        }
        if (allUpper && letters > 1) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        if (Character.isUpperCase(found.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return replacement;
    }
}
