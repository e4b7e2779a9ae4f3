package dev.assay.core.models.internal;

import dev.assay.core.pii.PiiFinding;
import dev.assay.core.pii.PiiScanner;
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

    /**
     * A short, single-line excerpt of a body (a response, or a request for messages), masked: secrets as by
     * {@link #mask}, and personal data (an endpoint may echo a prompt or answer with it) replaced by its masked
     * rendering, before the excerpt is cut, so that no partial value remains.
     */
    public String excerpt(String body, int max) {
        if (body == null) {
            return "";
        }
        String b = maskPii(mask(body)).replaceAll("\\s+", " ").strip();
        return b.length() <= max ? b : b.substring(0, max) + "...";
    }

    /** {@code text} with every finding of the default PII scanner replaced by its masked rendering. */
    static String maskPii(String text) {
        List<PiiFinding> found = Pii.SCANNER.scan(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (PiiFinding f : found) {
            int start = text.offsetByCodePoints(0, f.start());
            if (start < at) {
                continue; // overlaps a span already masked
            }
            sb.append(text, at, start).append(f.masked());
            at = text.offsetByCodePoints(start, f.length());
        }
        return sb.append(text, at, text.length()).toString();
    }

    private static final class Pii {
        static final PiiScanner SCANNER = PiiScanner.defaults();
    }
}
