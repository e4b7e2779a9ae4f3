package dev.assay.core.attacks.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The encodings an attack's {@code payload} can be wrapped in ({@code encode} in a pack): {@code base64} (standard
 * alphabet, padded, of the UTF-8 bytes), {@code rot13} (ASCII letters rotated by 13), {@code hex} (lower-case pairs of
 * the UTF-8 bytes, separated by spaces) and {@code leetspeak} (a fixed letter-to-digit table:
 * a→4, e→3, i→1, o→0, s→5, t→7, either case).
 */
public final class Encodings {
    /** The names accepted by {@link #encode}. */
    public static final List<String> NAMES = List.of("base64", "rot13", "hex", "leetspeak");

    private Encodings() {
    }

    /**
     * {@code text} encoded with {@code name}.
     *
     * @throws IllegalArgumentException for a name not in {@link #NAMES}
     */
    public static String encode(String name, String text) {
        switch (name) {
            case "base64":
                return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
            case "rot13":
                return rot13(text);
            case "hex":
                return hex(text);
            case "leetspeak":
                return leet(text);
            default:
                throw new IllegalArgumentException("unknown encoding '" + name + "'; known: " + NAMES);
        }
    }

    /** ROT13 of the ASCII letters; everything else unchanged (its own inverse). */
    public static String rot13(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) ('a' + (c - 'a' + 13) % 26);
            } else if (c >= 'A' && c <= 'Z') {
                c = (char) ('A' + (c - 'A' + 13) % 26);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String hex(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
        }
        return sb.toString();
    }

    static String leet(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (Character.toLowerCase(c)) {
                case 'a': sb.append('4'); break;
                case 'e': sb.append('3'); break;
                case 'i': sb.append('1'); break;
                case 'o': sb.append('0'); break;
                case 's': sb.append('5'); break;
                case 't': sb.append('7'); break;
                default: sb.append(c);
            }
        }
        return sb.toString();
    }
}
