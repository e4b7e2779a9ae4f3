package dev.assay.core.pii.internal;

import dev.assay.core.pii.PiiEntity;
import dev.assay.core.pii.PiiFinding;
import dev.assay.core.pii.PiiScanner;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data and secrets in a text by deterministic <em>surrogates</em>: values of the same entity that
 * the same scanner finds again, as the same entity, at the surrogate's span, with a score within
 * {@value #SCORE_TOLERANCE} of the original's, while the number of findings per entity in the whole text stays
 * the same. Used for cassettes: a {@code pii-leak} check replayed from a cassette sees the same findings per entity
 * (and so gives the same verdict) without the raw values being stored.
 *
 * <p>Surrogates by entity:
 * <ul>
 * <li>EMAIL_ADDRESS: {@code user-<6 hex>@example.com};</li>
 * <li>CREDIT_CARD: a Luhn-valid number with the same separators, the same first two digits (the brand) and the same
 *     last 4, the digits in between drawn and one of them set so that the Luhn check holds;</li>
 * <li>IBAN_CODE: the same country and layout, the BBAN drawn (digits for digits, letters for letters) and the
 *     ISO 7064 mod-97 check digits computed;</li>
 * <li>PHONE_NUMBER: the same leading digits (country and area code) and separators, the last 7 digits drawn; for a
 *     North American number first the fictional 555-01xx range;</li>
 * <li>IP_ADDRESS: a documentation address (RFC 5737 {@code 192.0.2.x}, {@code 198.51.100.x}, {@code 203.0.113.x};
 *     RFC 3849 {@code 2001:db8::x});</li>
 * <li>URL: the same scheme, host {@code example.com} and a drawn path;</li>
 * <li>CRYPTO: the same version byte (Base58Check) or witness version (Bech32/Bech32m) with a drawn payload and a
 *     computed checksum;</li>
 * <li>JWT: a well-formed token ({@code {"alg":"HS256","typ":"JWT"}}, subject {@code s-<hex>}, a drawn
 *     signature);</li>
 * <li>secrets with a public prefix (AWS, GitHub, Slack) keep the prefix; PEM blocks keep their BEGIN/END lines;</li>
 * <li>DATE_TIME: the digits drawn, month names and separators kept; ES_NIE: the X/Y/Z letter kept;</li>
 * <li>every other entity (SSN, NHS, NIF, PESEL, MAC, licences, passports, API keys...): each digit replaced by
 *     a drawn digit, each letter by a drawn letter of the same case, separators kept; drawn again until the
 *     scanner accepts the value (its checksum, its date ranges).</li>
 * </ul>
 * A candidate is accepted only when the scanner, run over the whole text with the candidate in place, finds it as
 * the same entity at its span with a comparable score and the per-entity counts of the text are unchanged; up to
 * {@value #ATTEMPTS} candidates are drawn per value. A value for which none is accepted is replaced by a
 * hash mask {@code [ENTITY hmac:<8 hex>]}, which the scanner does not find: for that value a replayed
 * {@code pii-leak} check differs (this is counted by {@link Result#hashMasked()}).
 *
 * <p>Determinism: the draws are seeded by HMAC-SHA256(key, entity + ":" + value), so the same value always gets the
 * same surrogate (two findings of one value stay one value) and re-recording gives the same file. With the default
 * key, anyone with this code could test a guessed low-entropy value (a 9-digit number) against a surrogate; a
 * secret key ({@code assay.pii.salt}) prevents that.
 */
public final class Surrogates {
    /** Largest accepted difference between the score of a value and of its surrogate. */
    public static final double SCORE_TOLERANCE = 0.05;
    /** Candidates drawn per value before it is hash-masked. */
    public static final int ATTEMPTS = 400;
    private static final String DEFAULT_KEY = "assay-surrogates-v1";
    private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private final PiiScanner scanner;
    private final ThreadLocal<Mac> mac;

    /** What {@link #replace} did: the new text, the values replaced and those only hash-masked, by entity. */
    public record Result(String text, Map<String, Integer> replaced, Map<String, Integer> hashMasked) {
    }

    /**
     * A surrogate maker for values found by {@code scanner}, seeded with {@code key} (null or empty: a fixed
     * public key).
     */
    public Surrogates(PiiScanner scanner, String key) {
        this.scanner = scanner;
        byte[] k = (key == null || key.isEmpty() ? DEFAULT_KEY : key).getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(k, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** The default scanner plus every secret detector: what cassettes are cleaned with. */
    public static PiiScanner defaultScanner() {
        return Holder.SCANNER;
    }

    private static final class Holder {
        static final PiiScanner SCANNER;

        static {
            List<String> all = new ArrayList<>(PiiEntity.defaults());
            all.addAll(PiiEntity.secrets());
            SCANNER = PiiScanner.builder().entities(all).build();
        }
    }

    /** {@code text} with every finding replaced by its surrogate (or, failing that, a hash mask). */
    public Result replace(String text) {
        List<PiiFinding> found = scanner.scan(text);
        if (found.isEmpty()) {
            return new Result(text, Map.of(), Map.of());
        }
        Map<String, Integer> replaced = new HashMap<>();
        Map<String, Integer> masked = new HashMap<>();
        String t = text;
        // from the last finding to the first, so that the offsets of those still to do stay valid
        int limit = Integer.MAX_VALUE;
        for (int i = found.size() - 1; i >= 0; i--) {
            PiiFinding f = found.get(i);
            int start = text.offsetByCodePoints(0, f.start());
            int end = text.offsetByCodePoints(start, f.length());
            if (end > limit) {
                continue; // overlaps a span already replaced
            }
            limit = start;
            String value = t.substring(start, end);
            Map<String, Integer> counts = counts(scanner.scan(t));
            String chosen = null;
            SplittableRandom rnd = new SplittableRandom(seed(f.entity(), value));
            for (int a = 0; a < ATTEMPTS && chosen == null; a++) {
                String c = candidate(f.entity(), value, a, rnd);
                if (c == null || c.equals(value) || Checksums.alnumUpper(c).equals(Checksums.alnumUpper(value))) {
                    continue;
                }
                String candidateText = t.substring(0, start) + c + t.substring(end);
                if (accepted(candidateText, start, start + c.length(), f, counts)) {
                    chosen = c;
                }
            }
            if (chosen != null) {
                replaced.merge(f.entity(), 1, Integer::sum);
            } else {
                chosen = "[" + f.entity() + " hmac:" + hex(f.entity() + ":" + value, 4) + "]";
                masked.merge(f.entity(), 1, Integer::sum);
            }
            t = t.substring(0, start) + chosen + t.substring(end);
        }
        return new Result(t, replaced, masked);
    }

    private boolean accepted(String text, int start, int end, PiiFinding original, Map<String, Integer> counts) {
        List<PiiFinding> again = scanner.scan(text);
        if (!counts(again).equals(counts)) {
            return false;
        }
        int cpStart = text.codePointCount(0, start);
        int cpEnd = cpStart + text.codePointCount(start, end);
        for (PiiFinding g : again) {
            if (g.start() == cpStart && g.end() == cpEnd && g.entity().equals(original.entity())
                    && Math.abs(g.score() - original.score()) <= SCORE_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Integer> counts(List<PiiFinding> findings) {
        Map<String, Integer> m = new HashMap<>();
        for (PiiFinding f : findings) {
            m.merge(f.entity(), 1, Integer::sum);
        }
        return m;
    }

    private long seed(String entity, String value) {
        byte[] h = mac.get().doFinal((entity + ":" + value).getBytes(StandardCharsets.UTF_8));
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s = s << 8 | (h[i] & 0xff);
        }
        return s;
    }

    private String hex(String text, int bytes) {
        byte[] h = mac.get().doFinal(("mask:" + text).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(h, 0, bytes);
    }

    /** The {@code attempt}-th candidate for {@code value}, drawn from {@code rnd}; null when there is none. */
    static String candidate(String entity, String value, int attempt, SplittableRandom rnd) {
        switch (entity) {
            case PiiEntity.EMAIL_ADDRESS:
                return "user-" + draw(rnd, HEX, 6) + "@example.com";
            case PiiEntity.CREDIT_CARD:
                return card(value, attempt < ATTEMPTS / 2 ? 2 : 6, rnd);
            case PiiEntity.IBAN_CODE:
                return iban(value, rnd);
            case PiiEntity.PHONE_NUMBER:
                return phone(value, attempt, rnd);
            case PiiEntity.IP_ADDRESS:
                return ip(value, rnd);
            case PiiEntity.URL:
                return url(value, attempt, rnd);
            case PiiEntity.CRYPTO:
                return crypto(value, rnd);
            case PiiEntity.JWT:
                return jwt(rnd);
            case PiiEntity.AWS_ACCESS_KEY:
                return keepPrefix(value, 4, rnd);
            case PiiEntity.GITHUB_TOKEN:
                return keepPrefix(value, value.startsWith("github_pat_") ? 11 : 4, rnd);
            case PiiEntity.SLACK_TOKEN:
                return keepPrefix(value, Math.max(0, value.indexOf('-') + 1), rnd);
            case PiiEntity.PRIVATE_KEY:
                return pem(value, rnd);
            case PiiEntity.MAC_ADDRESS:
                return mac(value, rnd);
            case PiiEntity.DATE_TIME:
                return digitsOnly(value, rnd); // month names stay
            case PiiEntity.ES_NIE:
                return keepPrefix(value, 1, rnd); // X, Y or Z
            default:
                return keepPrefix(value, 0, rnd);
        }
    }

    private static String draw(SplittableRandom rnd, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Digits for digits, letters for letters of the same case, other characters kept, after {@code keep} chars. */
    private static String keepPrefix(String v, int keep, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(v.length());
        sb.append(v, 0, Math.min(keep, v.length()));
        for (int i = sb.length(); i < v.length(); i++) {
            sb.append(redraw(v.charAt(i), rnd));
        }
        return sb.toString();
    }

    private static String digitsOnly(String v, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(c >= '0' && c <= '9' ? (char) ('0' + rnd.nextInt(10)) : c);
        }
        return sb.toString();
    }

    private static char redraw(char c, SplittableRandom rnd) {
        if (c >= '0' && c <= '9') {
            return (char) ('0' + rnd.nextInt(10));
        } else if (c >= 'A' && c <= 'Z') {
            return UPPER.charAt(rnd.nextInt(26));
        } else if (c >= 'a' && c <= 'z') {
            return LOWER.charAt(rnd.nextInt(26));
        }
        return c;
    }

    private static String card(String v, int keepLead, SplittableRandom rnd) {
        char[] out = v.toCharArray();
        List<Integer> digitAt = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (Character.isDigit(out[i])) {
                digitAt.add(i);
            }
        }
        int n = digitAt.size();
        if (n < keepLead + 5) {
            return null;
        }
        for (int k = keepLead; k < n - 4; k++) {
            out[digitAt.get(k)] = (char) ('0' + rnd.nextInt(10));
        }
        // exactly one value of one drawn digit makes the Luhn sum 0 (doubling permutes the digits mod 10)
        int fix = digitAt.get(keepLead + rnd.nextInt(n - 4 - keepLead));
        for (int d = 0; d <= 9; d++) {
            out[fix] = (char) ('0' + d);
            if (Checksums.luhn(Checksums.digits(new String(out)))) {
                return new String(out);
            }
        }
        return null;
    }

    private static String iban(String v, SplittableRandom rnd) {
        String compact = Checksums.alnumUpper(v);
        if (compact.length() < 5) {
            return null;
        }
        // redraw the BBAN (after country and check digits), keeping the layout
        char[] out = v.toCharArray();
        int alnum = 0;
        int checkAt1 = -1;
        int checkAt2 = -1;
        for (int i = 0; i < out.length; i++) {
            if (!Character.isLetterOrDigit(out[i])) {
                continue;
            }
            if (alnum == 2) {
                checkAt1 = i;
            } else if (alnum == 3) {
                checkAt2 = i;
            } else if (alnum > 3) {
                out[i] = Character.toUpperCase(redraw(out[i], rnd));
                if (Character.isLowerCase(v.charAt(i))) {
                    out[i] = Character.toLowerCase(out[i]);
                }
            }
            alnum++;
        }
        String c = Checksums.alnumUpper(new String(out));
        String rearranged = c.substring(4) + c.substring(0, 2) + "00";
        int mod = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char ch = rearranged.charAt(i);
            mod = ch <= '9' ? (mod * 10 + (ch - '0')) % 97 : (mod * 100 + (ch - 'A' + 10)) % 97;
        }
        int check = 98 - mod;
        out[checkAt1] = (char) ('0' + check / 10);
        out[checkAt2] = (char) ('0' + check % 10);
        return new String(out);
    }

    private static String phone(String v, int attempt, SplittableRandom rnd) {
        char[] out = v.toCharArray();
        List<Integer> digitAt = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= '0' && out[i] <= '9') {
                digitAt.add(i);
            }
        }
        int n = digitAt.size();
        if (n < 4) {
            return null;
        }
        int keep = Math.max(1, n - 7);
        boolean nanp = n == 10 || n == 11 && v.charAt(digitAt.get(0)) == '1';
        if (nanp && attempt < 20) {
            // area code kept; exchange 555, line 01xx (reserved for fiction)
            int area = n == 11 ? 4 : 3;
            String tail = "55501" + (char) ('0' + rnd.nextInt(10)) + (char) ('0' + rnd.nextInt(10));
            for (int k = 0; k < 7; k++) {
                out[digitAt.get(area + k)] = tail.charAt(k);
            }
            return new String(out);
        }
        for (int k = keep; k < n; k++) {
            out[digitAt.get(k)] = (char) ('0' + rnd.nextInt(10));
        }
        return new String(out);
    }

    private static String ip(String v, SplittableRandom rnd) {
        if (v.indexOf(':') >= 0) {
            return "2001:db8::" + Integer.toHexString(1 + rnd.nextInt(0xfffe));
        }
        String[] nets = {"192.0.2.", "198.51.100.", "203.0.113."};
        return nets[rnd.nextInt(3)] + (1 + rnd.nextInt(254));
    }

    private static String url(String v, int attempt, SplittableRandom rnd) {
        int scheme = v.indexOf("://");
        String prefix = scheme > 0 && scheme < 8 ? v.substring(0, scheme + 3) : v.startsWith("www.") ? "www." : "";
        if (attempt < ATTEMPTS / 2) {
            return prefix + "example.com/u-" + draw(rnd, HEX, 6);
        }
        return prefix + "example.org/" + draw(rnd, LOWER, 8);
    }

    private static String crypto(String v, SplittableRandom rnd) {
        if (v.startsWith("bc1") || v.startsWith("BC1")) {
            String s = v.toLowerCase(Locale.ROOT);
            int sep = s.lastIndexOf('1');
            int[] data = new int[s.length() - sep - 1 - 6];
            for (int i = 0; i < data.length; i++) {
                data[i] = BECH32.indexOf(s.charAt(sep + 1 + i));
                if (i > 0) {
                    data[i] = rnd.nextInt(32);
                }
            }
            if (data.length == 0 || data[0] < 0) {
                return null;
            }
            String out = Checksums.bech32Encode(data, data[0] == 0 ? Checksums.BECH32_CONST : Checksums.BECH32M_CONST);
            return v.startsWith("BC1") ? out.toUpperCase(Locale.ROOT) : out;
        }
        BigInteger n = BigInteger.ZERO;
        for (int i = 0; i < v.length(); i++) {
            int d = B58.indexOf(v.charAt(i));
            if (d < 0) {
                return null;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        byte[] raw = n.toByteArray();
        int strip = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int leadingOnes = 0;
        while (leadingOnes < v.length() && v.charAt(leadingOnes) == '1') {
            leadingOnes++;
        }
        int len = leadingOnes + raw.length - strip - 4;
        if (len < 2) {
            return null;
        }
        byte[] payload = new byte[len];
        byte version = leadingOnes > 0 ? 0 : raw[strip];
        payload[0] = version;
        for (int i = 1; i < len; i++) {
            payload[i] = (byte) rnd.nextInt(256);
        }
        return Checksums.base58CheckEncode(payload);
    }

    private static String jwt(SplittableRandom rnd) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String header = b.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b.encodeToString(("{\"sub\":\"s-" + draw(rnd, HEX, 8) + "\"}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[32];
        for (int i = 0; i < sig.length; i++) {
            sig[i] = (byte) rnd.nextInt(256);
        }
        return header + "." + payload + "." + b.encodeToString(sig);
    }

    private static String pem(String v, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(v.length());
        for (String line : v.split("(?<=\n)")) {
            sb.append(line.startsWith("-----") ? line : keepPrefix(line, 0, rnd));
        }
        return sb.toString();
    }

    private static String mac(String v, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                char h = HEX.charAt(rnd.nextInt(16));
                sb.append(Character.isUpperCase(c) ? Character.toUpperCase(h) : h);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
