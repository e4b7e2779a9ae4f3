package dev.assay.core.pii.internal;

import java.util.List;

/**
 * IP_ADDRESS: IPv4 and IPv6 (with embedded IPv4 and {@code ::} compression), optionally with a CIDR prefix, found
 * by a linear scan of runs of {@code [0-9A-Fa-f:.]} and parsed by hand (never through DNS). Leading zeros in IPv4
 * octets are rejected, as Python's {@code ipaddress} does. Score 0.6; the unspecified address {@code ::} 0.1.
 */
public final class IpDetector extends Detector {
    public IpDetector() {
        super("IP_ADDRESS", List.of("ip", "ipv4", "ipv6", "address", "host", "server", "dirección"));
    }

    private static boolean runChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        int n = text.length();
        int i = from;
        while (i < to) {
            if (!runChar(text.charAt(i)) || i > 0 && runChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int e = i;
            while (e < n && runChar(text.charAt(e))) {
                e++;
            }
            int next = e;
            int s = i;
            while (s < e && (text.charAt(s) == '.' || text.charAt(s) == ':' && !(s + 1 < e && text.charAt(s + 1) == ':'))) {
                s++;
            }
            while (e > s && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == ':' && !(e - 2 >= s
                    && text.charAt(e - 2) == ':'))) {
                e--;
            }
            if (e - s >= 2 && e - s <= 45 && (s == 0 || !wordChar(text.charAt(s - 1)))) {
                String cand = text.substring(s, e);
                boolean v6 = cand.indexOf(':') >= 0;
                boolean ok = v6 ? isIpv6(cand) : isIpv4(cand);
                if (ok) {
                    int end = e;
                    if (end < n && text.charAt(end) == '/' && next == e) {
                        int k = end + 1;
                        while (k < n && k - end <= 3 && Character.isDigit(text.charAt(k))) {
                            k++;
                        }
                        if (k > end + 1 && (k == n || !wordChar(text.charAt(k)))) {
                            int prefix = Integer.parseInt(text.substring(end + 1, k));
                            if (prefix <= (v6 ? 128 : 32)) {
                                end = k;
                            }
                        }
                    }
                    if (end == n || !wordChar(text.charAt(end))) {
                        out.add(new Candidate(this, entity(), s, end, cand.equals("::") ? 0.1 : 0.6, false));
                    }
                }
            }
            i = Math.max(next, i + 1);
        }
    }

    /** Dotted-quad IPv4, octets 0-255 without leading zeros. */
    public static boolean isIpv4(String s) {
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (i <= n) {
            int j = i;
            while (j < n && s.charAt(j) != '.') {
                char c = s.charAt(j);
                if (c < '0' || c > '9') {
                    return false;
                }
                j++;
            }
            int len = j - i;
            if (len < 1 || len > 3 || len > 1 && s.charAt(i) == '0' || Integer.parseInt(s.substring(i, j)) > 255) {
                return false;
            }
            parts++;
            if (j == n) {
                break;
            }
            i = j + 1;
        }
        return parts == 4;
    }

    /** RFC 4291 text form: eight 16-bit groups, one {@code ::}, an optional trailing IPv4. */
    public static boolean isIpv6(String s) {
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        if (s.equals("::")) {
            return true;
        }
        String head = dbl >= 0 ? s.substring(0, dbl) : s;
        String tail = dbl >= 0 ? s.substring(dbl + 2) : "";
        int groups = 0;
        String[][] sides = dbl >= 0 ? new String[][] {split(head), split(tail)} : new String[][] {split(head)};
        for (int side = 0; side < sides.length; side++) {
            String[] gs = sides[side];
            for (int g = 0; g < gs.length; g++) {
                String x = gs[g];
                boolean last = side == sides.length - 1 && g == gs.length - 1;
                if (last && x.indexOf('.') >= 0) {
                    if (!isIpv4(x)) {
                        return false;
                    }
                    groups += 2;
                    continue;
                }
                if (x.isEmpty() || x.length() > 4) {
                    return false;
                }
                for (int k = 0; k < x.length(); k++) {
                    if (Character.digit(x.charAt(k), 16) < 0) {
                        return false;
                    }
                }
                groups++;
            }
        }
        return dbl >= 0 ? groups <= 7 : groups == 8;
    }

    private static String[] split(String s) {
        return s.isEmpty() ? new String[0] : s.split(":", -1);
    }
}
