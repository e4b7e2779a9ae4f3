package dev.assay.core.pii.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The compact public-suffix list shipped as {@code dev/assay/core/pii/public-suffixes.txt}: the generic TLDs in
 * common use and every ISO 3166-1 country-code TLD (plus uk, eu, ac, su). A domain "has a real public suffix" when
 * its last label is in the list.
 */
public final class Suffixes {
    private static final Set<String> TLDS = load();

    private Suffixes() {
    }

    private static Set<String> load() {
        Set<String> s = new HashSet<>();
        try (InputStream in = Suffixes.class.getResourceAsStream("/dev/assay/core/pii/public-suffixes.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource dev/assay/core/pii/public-suffixes.txt is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    s.add(line.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(s);
    }

    /** Whether {@code tld} (without dot, any case) is a known top-level domain. */
    public static boolean isTld(String tld) {
        return TLDS.contains(tld.toLowerCase(Locale.ROOT));
    }

    /**
     * Whether {@code domain} is a syntactically valid host name of at least two labels whose last label is a known
     * TLD. Labels: 1-63 letters, digits or hyphens, not starting or ending with a hyphen; the TLD is alphabetic.
     */
    public static boolean isDomain(CharSequence domain) {
        int n = domain.length();
        if (n < 4 || n > 253) {
            return false;
        }
        int labels = 0;
        int labelStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || domain.charAt(i) == '.') {
                int len = i - labelStart;
                if (len < 1 || len > 63 || domain.charAt(labelStart) == '-' || domain.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == n) {
                    String tld = domain.subSequence(labelStart, n).toString();
                    for (int k = 0; k < tld.length(); k++) {
                        if (!Character.isLetter(tld.charAt(k))) {
                            return false;
                        }
                    }
                    return labels >= 2 && isTld(tld);
                }
                labelStart = i + 1;
            } else {
                char c = domain.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return false;
                }
            }
        }
        return false;
    }
}
