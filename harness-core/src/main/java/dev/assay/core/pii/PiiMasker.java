package dev.assay.core.pii;

import dev.assay.core.AssaySettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Masks values and hashes them with a salt, so reports can show {@code j***@e******.com} or
 * {@code **** **** **** 4242} and still tell whether two findings are the same value.
 *
 * <p>Masking keeps separators and the shape of the value and replaces letters and digits with {@code *}:
 * e-mail addresses keep the first character of the local part and of the domain and the top-level domain; card,
 * IBAN and bank numbers keep their last 4 characters; phone numbers their last 2; secrets their public prefix
 * ({@code AKIA}, {@code ghp_}, {@code xoxb-}, {@code eyJ}); URLs their scheme; PEM blocks become a one-line
 * description. Long values are shortened to at most 32 mask characters plus their length.
 *
 * <p>Hash: {@code hmac-sha256:} + the first 16 hex digits of HMAC-SHA256(salt, entity + ":" + normalised value),
 * where normalised is lower case for e-mail addresses and URLs and letters and digits only, upper case, for
 * everything else (so {@code 4242-4242-...} and {@code 4242 4242 ...} hash alike). The salt comes from
 * {@link #withSalt(String)}, or from the configuration key {@value #SALT_KEY} (environment {@code ASSAY_PII_SALT})
 * via {@link #fromSettings(AssaySettings)}, or else is 32 random bytes drawn once per JVM ({@link #perRun()}):
 * hashes are then comparable within a run but not across runs. The salt itself is never written anywhere; with a
 * configured salt, keep it secret, since low-entropy values (9-digit SSNs) could otherwise be brute-forced.
 */
public final class PiiMasker {
    /** Configuration key of the hashing salt. */
    public static final String SALT_KEY = "assay.pii.salt";
    private static final int MAX_STARS = 32;
    private static final PiiMasker PER_RUN;

    static {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        PER_RUN = new PiiMasker(salt);
    }

    private final ThreadLocal<Mac> mac;

    private PiiMasker(byte[] salt) {
        byte[] key = salt.clone();
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    /** A masker hashing with {@code salt} (UTF-8 bytes; must not be empty). */
    public static PiiMasker withSalt(String salt) {
        Objects.requireNonNull(salt, "salt");
        if (salt.isEmpty()) {
            throw new IllegalArgumentException("the PII hashing salt must not be empty");
        }
        return new PiiMasker(salt.getBytes(StandardCharsets.UTF_8));
    }

    /** The JVM-wide masker with a random salt drawn at start-up. */
    public static PiiMasker perRun() {
        return PER_RUN;
    }

    /** The salt configured under {@value #SALT_KEY}, else {@link #perRun()}. */
    public static PiiMasker fromSettings(AssaySettings settings) {
        return settings.get(SALT_KEY).filter(s -> !s.isEmpty()).map(PiiMasker::withSalt).orElse(PER_RUN);
    }

    /** The salted hash of {@code value} found as {@code entity}. */
    public String hash(String entity, String value) {
        String norm = switch (entity) {
            case PiiEntity.EMAIL_ADDRESS, PiiEntity.URL -> value.toLowerCase(Locale.ROOT);
            default -> alnumUpper(value);
        };
        byte[] h = mac.get().doFinal((entity + ":" + norm).getBytes(StandardCharsets.UTF_8));
        return "hmac-sha256:" + HexFormat.of().formatHex(h, 0, 8);
    }

    private static String alnumUpper(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        v.codePoints().filter(Character::isLetterOrDigit).map(Character::toUpperCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    /** The masked rendering of {@code value} found as {@code entity}; never contains the value itself. */
    public static String mask(String entity, String value) {
        return switch (entity) {
            case PiiEntity.EMAIL_ADDRESS -> maskEmail(value);
            case PiiEntity.CREDIT_CARD, PiiEntity.IBAN_CODE, PiiEntity.US_BANK_NUMBER -> keepLast(value, 4);
            case PiiEntity.PHONE_NUMBER -> keepLast(value, 2);
            case PiiEntity.PRIVATE_KEY -> maskPem(value);
            case PiiEntity.AWS_ACCESS_KEY -> keepPrefix(value, 4);
            case PiiEntity.GITHUB_TOKEN -> keepPrefix(value, value.startsWith("github_pat_") ? 11 : 4);
            case PiiEntity.SLACK_TOKEN -> keepPrefix(value, 5);
            case PiiEntity.JWT -> keepPrefix(value, 3);
            case PiiEntity.URL -> {
                int scheme = value.indexOf("://");
                yield scheme > 0 && scheme < 8 ? value.substring(0, scheme + 3) + shape(value.substring(scheme + 3))
                        : shape(value);
            }
            default -> shape(value);
        };
    }

    private static String maskEmail(String v) {
        int at = v.lastIndexOf('@');
        int dot = v.lastIndexOf('.');
        if (at < 1 || dot < at + 2) {
            return shape(v);
        }
        return v.charAt(0) + stars(at - 1) + "@" + v.charAt(at + 1) + stars(dot - at - 2) + v.substring(dot);
    }

    private static String stars(int n) {
        return "*".repeat(Math.max(0, Math.min(n, MAX_STARS)));
    }

    /** Letters and digits become {@code *}; other characters are kept; long values are shortened. */
    private static String shape(String v) {
        StringBuilder sb = new StringBuilder();
        int stars = 0;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (stars++ < MAX_STARS) {
                    sb.append('*');
                }
            } else if (stars <= MAX_STARS && !Character.isISOControl(cp)) {
                sb.appendCodePoint(cp);
            }
        }
        if (stars > MAX_STARS) {
            sb.append("…(").append(v.codePointCount(0, v.length())).append(" chars)");
        }
        return sb.toString();
    }

    private static String keepLast(String v, int keep) {
        int alnum = 0;
        for (int i = 0; i < v.length(); i++) {
            if (Character.isLetterOrDigit(v.charAt(i))) {
                alnum++;
            }
        }
        if (alnum <= keep * 2) {
            return shape(v);
        }
        StringBuilder sb = new StringBuilder(v.length());
        int seen = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                seen++;
                sb.append(seen > alnum - keep ? c : '*');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String keepPrefix(String v, int prefix) {
        int p = Math.min(prefix, v.length());
        return v.substring(0, p) + stars(v.length() - p) + (v.length() - p > MAX_STARS ? "…(" + v.length()
                + " chars)" : "");
    }

    private static String maskPem(String v) {
        int s = v.indexOf("-----BEGIN ");
        int e = s < 0 ? -1 : v.indexOf("-----", s + 11);
        String label = s >= 0 && e > s ? v.substring(s + 11, e) : "PRIVATE KEY";
        return "-----BEGIN " + label + "----- ***(" + v.length() + " chars)";
    }
}
