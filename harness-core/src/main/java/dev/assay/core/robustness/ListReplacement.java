package dev.assay.core.robustness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replaces every occurrence of an entry of shipped word lists by another entry, drawn uniformly (seeded) from the same
 * list: {@code names} uses {@code first-names.txt} (first names from many cultures), {@code locations} uses
 * {@code cities.txt} and {@code countries.txt} (a city becomes another city, a country another country). Entries
 * match as whole words (not inside a longer word) and case-sensitively; a longer entry wins over a shorter one at the
 * same place ({@code "New Zealand"}, not a name {@code "New"}). Text with none of the entries stays as it is.
 */
final class ListReplacement extends TextPerturbation {
    private final String what;
    private final List<List<String>> lists;
    private final Map<String, Integer> listOf = new HashMap<>();
    private final Pattern pattern;

    ListReplacement(String column, String what, List<String> resources) {
        super(column);
        this.what = what;
        this.lists = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (String r : resources) {
            List<String> l = WordLists.get(r);
            for (String e : l) {
                listOf.putIfAbsent(e, lists.size());
                all.add(e);
            }
            lists.add(l);
        }
        this.pattern = Pattern.compile("(?<![\\p{L}\\p{N}\\p{M}])" + longestFirst(all, Pattern::quote)
                + "(?![\\p{L}\\p{N}\\p{M}])");
    }

    static ListReplacement names(String column) {
        return new ListReplacement(column, "names", List.of("first-names.txt"));
    }

    static ListReplacement locations(String column) {
        return new ListReplacement(column, "locations", List.of("cities.txt", "countries.txt"));
    }

    @Override
    public String describe() {
        return what + " " + column;
    }

    /** The matches of the entries in {@code text}, found once per distinct text. */
    @Override
    Object prepare(String text) {
        return matches(pattern, text);
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        return perturb(text, prepare(text), rng);
    }

    @Override
    String perturb(String text, Object prepared, UniformRandomProvider rng) {
        return replace(text, (int[]) prepared, found -> {
            List<String> list = lists.get(listOf.get(found));
            int self = list.indexOf(found);
            int r = rng.nextInt(list.size() - 1);
            return list.get(r >= self ? r + 1 : r);
        });
    }
}
