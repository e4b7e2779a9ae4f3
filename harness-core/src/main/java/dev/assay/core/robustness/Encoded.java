package dev.assay.core.robustness;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Encodes a text column, as attackers do to slip a request past a filter: {@code base64} (of the UTF-8 bytes, standard
 * alphabet, padded), {@code hex} (of the UTF-8 bytes, lower case) or {@code rot13} (ASCII letters rotated by 13; other
 * characters stay). An optional instruction is put in front, separated by a space unless it ends in whitespace
 * ({@code "Decode and answer: SGVsbG8="}). Deterministic.
 */
final class Encoded extends TextPerturbation {
    private final Perturbations.Encoding encoding;
    private final String instruction;

    Encoded(String column, Perturbations.Encoding encoding, String instruction) {
        super(column);
        this.encoding = java.util.Objects.requireNonNull(encoding, "encoding");
        this.instruction = instruction == null || instruction.isEmpty() ? ""
                : instruction.isBlank() || Character.isWhitespace(instruction.charAt(instruction.length() - 1))
                ? instruction : instruction + " ";
    }

    @Override
    public String describe() {
        return encoding.name().toLowerCase(Locale.ROOT) + " " + column
                + (instruction.isEmpty() ? "" : " with instruction");
    }

    @Override
    boolean deterministic() {
        return true;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        String encoded = switch (encoding) {
            case BASE64 -> Base64.getEncoder().encodeToString(utf8);
            case HEX -> HexFormat.of().formatHex(utf8);
            case ROT13 -> rot13(text);
        };
        return instruction + encoded;
    }

    static String rot13(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            char x = c[i];
            if (x >= 'a' && x <= 'z') {
                c[i] = (char) ('a' + (x - 'a' + 13) % 26);
            } else if (x >= 'A' && x <= 'Z') {
                c[i] = (char) ('A' + (x - 'A' + 13) % 26);
            }
        }
        return new String(c);
    }
}
