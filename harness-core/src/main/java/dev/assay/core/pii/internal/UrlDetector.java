package dev.assay.core.pii.internal;

import java.util.List;
import java.util.Set;

/**
 * URL: scheme URLs ({@code http}, {@code https}, {@code ftp}, {@code ws(s)}; score 0.6) and scheme-less host names
 * ({@code www.example.org/x}, {@code example.co.uk}; score 0.5), found by a linear hand-written scanner. The host
 * must be an IP address, {@code localhost}, or a domain whose last label is in the shipped public-suffix list.
 * Scheme-less names whose suffix is also a common file extension ({@code setup.py}, {@code README.md}) are not
 * reported, nor are names whose TLD is capitalised like a word ({@code end.It}, a missing space after a full
 * stop). Trailing sentence punctuation is not part of the URL.
 */
public final class UrlDetector extends Detector {
    private static final Set<String> SCHEMES = Set.of("http", "https", "ftp", "sftp", "ws", "wss");
    private static final Set<String> FILE_EXTENSIONS = Set.of("py", "md", "sh", "rs", "so", "pl", "ps", "cc", "ml",
            "mk", "sc", "js", "ts", "cs", "kt", "rb", "pm", "ai", "gz", "bz", "mp", "tf");

    public UrlDetector() {
        super("URL", List.of("url", "website", "link", "site", "web", "enlace", "lien"));
    }

    static boolean urlChar(char c) {
        return c > ' ' && c != '<' && c != '>' && c != '"' && c != '`' && c != '{' && c != '}' && c != '|'
                && c != '\\' && c != '^' && c != '\'' && !Character.isWhitespace(c) && c != '\u00a0';
    }

    private static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        int n = text.length();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!alnum(c) || i > 0 && (alnum(text.charAt(i - 1)) || text.charAt(i - 1) == '@'
                    || text.charAt(i - 1) == '.' || text.charAt(i - 1) == '-' || text.charAt(i - 1) == '_'
                    || text.charAt(i - 1) == '/' || text.charAt(i - 1) == ':' || text.charAt(i - 1) == '%')) {
                i++;
                continue;
            }
            // i starts a token: scheme or host
            int j = i;
            while (j < n && j - i < 8 && (text.charAt(j) >= 'a' && text.charAt(j) <= 'z'
                    || text.charAt(j) >= 'A' && text.charAt(j) <= 'Z')) {
                j++;
            }
            if (j + 2 < n && text.charAt(j) == ':' && text.charAt(j + 1) == '/' && text.charAt(j + 2) == '/'
                    && SCHEMES.contains(text.substring(i, j).toLowerCase(java.util.Locale.ROOT))) {
                int hs = j + 3;
                int he = hs;
                if (he < n && text.charAt(he) == '[') {
                    while (he < n && he - hs < 48 && text.charAt(he) != ']') {
                        he++;
                    }
                    he = Math.min(n, he + 1);
                } else {
                    while (he < n && he - hs < 260 && (EmailDetector.domainChar(text.charAt(he)))) {
                        he++;
                    }
                }
                int hostEnd = he;
                while (hostEnd > hs && text.charAt(hostEnd - 1) == '.') {
                    hostEnd--;
                }
                String host = text.substring(hs, hostEnd);
                boolean ok = host.equalsIgnoreCase("localhost") || host.startsWith("[") || Suffixes.isDomain(host)
                        || IpDetector.isIpv4(host);
                if (ok) {
                    int e = extendPath(text, hostEnd);
                    out.add(new Candidate(this, entity(), i, e, 0.6, false));
                    i = e;
                    continue;
                }
                i = he;
                continue;
            }
            // scheme-less host name
            int e = i;
            boolean dot = false;
            while (e < n && e - i < 260 && EmailDetector.domainChar(text.charAt(e))) {
                dot |= text.charAt(e) == '.';
                e++;
            }
            if (!dot || e < n && (text.charAt(e) == '@' || alnum(text.charAt(e)) || text.charAt(e) == '_')) {
                i = Math.max(e, i + 1);
                continue;
            }
            int hostEnd = e;
            while (hostEnd > i && (text.charAt(hostEnd - 1) == '.' || text.charAt(hostEnd - 1) == '-')) {
                hostEnd--;
            }
            String host = text.substring(i, hostEnd);
            int lastDot = host.lastIndexOf('.');
            String tld = lastDot < 0 ? "" : host.substring(lastDot + 1).toLowerCase(java.util.Locale.ROOT);
            boolean www = host.regionMatches(true, 0, "www.", 0, 4);
            String rawTld = lastDot < 0 ? "" : host.substring(lastDot + 1);
            boolean caseOk = rawTld.equals(tld) || rawTld.equals(tld.toUpperCase(java.util.Locale.ROOT));
            if (caseOk && Suffixes.isDomain(host) && (www || !FILE_EXTENSIONS.contains(tld) || hostEnd < n
                    && text.charAt(hostEnd) == '/')) {
                int end = extendPath(text, hostEnd);
                out.add(new Candidate(this, entity(), i, end, 0.5, false));
                i = end;
            } else {
                i = Math.max(e, i + 1);
            }
        }
    }

    /** Extends over a port, path, query and fragment, then drops trailing punctuation and unbalanced ')'. */
    private static int extendPath(String text, int e) {
        int n = text.length();
        if (e < n && (text.charAt(e) == '/' || text.charAt(e) == ':' || text.charAt(e) == '?'
                || text.charAt(e) == '#')) {
            int start = e;
            while (e < n && e - start < 4096 && urlChar(text.charAt(e))) {
                e++;
            }
        }
        while (e > 0) {
            char c = text.charAt(e - 1);
            if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ']') {
                e--;
            } else if (c == ')') {
                int open = 0;
                int close = 0;
                for (int k = e - 1; k >= 0 && k > e - 4096 && urlChar(text.charAt(k)); k--) {
                    if (text.charAt(k) == '(') {
                        open++;
                    } else if (text.charAt(k) == ')') {
                        close++;
                    }
                }
                if (close > open) {
                    e--;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return e;
    }
}
