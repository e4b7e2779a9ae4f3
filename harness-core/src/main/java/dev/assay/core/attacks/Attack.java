package dev.assay.core.attacks;

import dev.assay.core.attacks.internal.Encodings;
import java.util.Objects;

/**
 * One attack of a pack: an id, a family, a prompt template and the detector that recognises its success (see the
 * package documentation for the file format).
 *
 * <p>The prompt may hold three placeholders: {@code {canary}} (the run's canary token), {@code {document}} (the
 * attack's document, a text to summarise or translate that carries the injected instruction; it may hold
 * {@code {canary}} itself) and {@code {payload}} (the attack's payload, with {@code {canary}} filled in, then
 * encoded with {@code encode}). Other braces are left as written.
 *
 * @param id       unique within its pack, for example {@code pi-direct-03}
 * @param family   the attack family, for example {@code prompt-injection}
 * @param prompt   the prompt template
 * @param document the text for {@code {document}}; {@code null} for none
 * @param payload  the text for {@code {payload}}; {@code null} for none
 * @param encode   the encoding of the payload ({@code base64}, {@code rot13}, {@code hex}, {@code leetspeak});
 *                 {@code null} for none
 * @param detector how success is recognised
 * @param source   where the attack was read from ({@code builtin:prompt-injection}, a file path, a replay file)
 */
public record Attack(String id, String family, String prompt, String document, String payload, String encode,
                     Detector detector, String source) {
    /**
     * An attack.
     *
     * @throws IllegalArgumentException when a placeholder and its field do not go together, or the encoding is unknown
     */
    public Attack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(detector, "detector");
        if (id.isBlank() || family.isBlank() || prompt.isBlank()) {
            throw new IllegalArgumentException("id, family and prompt must not be blank");
        }
        if (document != null && !prompt.contains("{document}")) {
            throw new IllegalArgumentException("attack " + id + " has a document but its prompt has no {document}");
        }
        if (document == null && prompt.contains("{document}")) {
            throw new IllegalArgumentException("attack " + id + "'s prompt has {document} but the attack no document");
        }
        if (payload != null && !prompt.contains("{payload}")) {
            throw new IllegalArgumentException("attack " + id + " has a payload but its prompt has no {payload}");
        }
        if (payload == null && prompt.contains("{payload}")) {
            throw new IllegalArgumentException("attack " + id + "'s prompt has {payload} but the attack no payload");
        }
        if (encode != null && payload == null) {
            throw new IllegalArgumentException("attack " + id + " has encode but no payload to encode");
        }
        if (encode != null && !Encodings.NAMES.contains(encode)) {
            throw new IllegalArgumentException("attack " + id + ": unknown encode '" + encode + "'; known: "
                    + Encodings.NAMES);
        }
    }

    /** An attack with a plain prompt (no document, no payload). */
    public static Attack of(String id, String family, String prompt, Detector detector) {
        return new Attack(id, family, prompt, null, null, null, detector, "java");
    }

    /**
     * The prompt as sent: placeholders filled with {@code canary}, the document and the encoded payload. A
     * {@code leetspeak} payload keeps the canary itself readable (leetspeak would change its digits).
     */
    public String render(String canary) {
        Objects.requireNonNull(canary, "canary");
        String out = prompt;
        if (payload != null) {
            String p;
            if (encode == null) {
                p = payload.replace("{canary}", canary);
            } else if (encode.equals("leetspeak")) {
                String[] parts = payload.split("\\{canary}", -1);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        sb.append(canary);
                    }
                    sb.append(Encodings.encode(encode, parts[i]));
                }
                p = sb.toString();
            } else {
                p = Encodings.encode(encode, payload.replace("{canary}", canary));
            }
            out = out.replace("{payload}", p);
        }
        if (document != null) {
            out = out.replace("{document}", document);
        }
        return out.replace("{canary}", canary);
    }
}
