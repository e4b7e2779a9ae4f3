package dev.assay.core.pii.internal;

import java.util.List;

/**
 * PRIVATE_KEY: PEM private-key blocks ({@code -----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----}). With
 * the matching END line within 64 KiB the whole block scores 1.0; without it the header and the base64 body that
 * follows score 0.8. Scans the whole text with {@code indexOf}.
 */
public final class PemDetector extends Detector {
    private static final String BEGIN = "-----BEGIN ";
    private static final int MAX_BLOCK = 64 * 1024;

    public PemDetector() {
        super("PRIVATE_KEY", List.of("key", "private", "pem"));
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        int n = text.length();
        int i = text.indexOf(BEGIN, from);
        while (i >= 0 && i < to) {
            int labelStart = i + BEGIN.length();
            int labelEnd = text.indexOf("-----", labelStart);
            if (labelEnd < 0 || labelEnd - labelStart > 40) {
                i = text.indexOf(BEGIN, i + 1);
                continue;
            }
            String label = text.substring(labelStart, labelEnd);
            if (!label.endsWith("PRIVATE KEY")) {
                i = text.indexOf(BEGIN, labelEnd);
                continue;
            }
            int bodyStart = labelEnd + 5;
            String endLine = "-----END " + label + "-----";
            int end = text.indexOf(endLine, bodyStart);
            if (end >= 0 && end - bodyStart <= MAX_BLOCK) {
                int e = end + endLine.length();
                out.add(new Candidate(this, entity(), i, e, 1.0, true));
                i = text.indexOf(BEGIN, e);
            } else {
                int e = bodyStart;
                while (e < n && e - bodyStart < MAX_BLOCK) {
                    char c = text.charAt(e);
                    if (!(Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=' || c == '\n'
                            || c == '\r' || c == ' ' || c == ':' || c == '-' || c == ',')) {
                        break;
                    }
                    e++;
                }
                while (e > bodyStart && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                out.add(new Candidate(this, entity(), i, e, 0.8, false));
                i = text.indexOf(BEGIN, Math.max(e, i + 1));
            }
        }
    }
}
