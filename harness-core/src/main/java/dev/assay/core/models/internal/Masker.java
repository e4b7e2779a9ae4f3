package dev.assay.core.models.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Replaces secret values (header values and the parts of them after a scheme like {@code Bearer}) with {@code ***}. */
public final class Masker {
    private final List<String> secrets;

    public Masker(Collection<String> values) {
        List<String> s = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            s.add(v);
            int sp = v.indexOf(' ');
            if (sp > 0 && sp < v.length() - 1) {
                s.add(v.substring(sp + 1).strip());
            }
        }
        s.removeIf(x -> x.length() < 4);
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(s);
    }

    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, "***");
        }
        return out;
    }

    /** A short, single-line excerpt of a body, masked. */
    public String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String b = mask(body).replaceAll("\\s+", " ").strip();
        return b.length() <= max ? b : b.substring(0, max) + "...";
    }
}
