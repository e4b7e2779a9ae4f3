package dev.assay.reports.internal;

import dev.assay.core.AssayException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scans every file under some directories for planted secrets (test PII, tokens, API keys) and reports where each
 * occurs, by file, byte offset and the planted value's index, <em>never</em> the value itself, so that a failing
 * leak test does not leak in its turn. Each value is searched as written (UTF-8) and in the forms that writers
 * produce when they escape it: JSON ({@code \"}, {@code \\}, {@code \/}, {@code \u00e9}), HTML ({@code &amp;},
 * {@code &lt;}, {@code &#39;} ...), URL encoding, Java properties ({@code \:} {@code \=} {@code \u00e9}), and
 * each of these in Base64 at any alignment (the single-file Allure report embeds its data as Base64).
 */
public final class LeakScan {
    /**
     * One occurrence.
     *
     * @param file    the file
     * @param offset  byte offset of the occurrence in the file
     * @param planted index of the planted value in the list given to {@link #scan}
     * @param form    which form matched: {@code raw}, {@code json}, {@code html}, {@code url} or {@code properties}
     */
    public record Hit(Path file, long offset, int planted, String form) {
        @Override
        public String toString() {
            return file + " at byte " + offset + ": planted value #" + planted + " (" + form + ")";
        }
    }

    private LeakScan() {
    }

    /**
     * Every occurrence of every value of {@code planted} in the files under {@code roots} (directories that do
     * not exist are skipped; a root may also be a file), sorted by file and offset.
     *
     * @throws IllegalArgumentException when a planted value is shorter than 4 characters (it would match by
     *                                  chance)
     * @throws AssayException           when a file cannot be read (naming it)
     */
    public static List<Hit> scan(List<Path> roots, List<String> planted) {
        Objects.requireNonNull(roots, "roots");
        List<List<Form>> needles = new ArrayList<>();
        for (int i = 0; i < planted.size(); i++) {
            String v = Objects.requireNonNull(planted.get(i), "planted value #" + i);
            if (v.length() < 4) {
                throw new IllegalArgumentException("planted value #" + i + " has " + v.length()
                        + " characters; use at least 4 so that it cannot match by chance");
            }
            needles.add(forms(v));
        }
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
            } else if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new AssayException("cannot list " + root + " for the leak scan: " + e, e);
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new AssayException("cannot read " + f + " for the leak scan: " + e, e);
            }
            for (int i = 0; i < needles.size(); i++) {
                Set<Long> seen = new LinkedHashSet<>();
                for (Form form : needles.get(i)) {
                    for (int at = indexOf(bytes, form.bytes, 0); at >= 0; at = indexOf(bytes, form.bytes, at + 1)) {
                        if (seen.add((long) at)) {
                            hits.add(new Hit(f, at, i, form.name));
                        }
                    }
                }
            }
        }
        hits.sort(Comparator.comparing((Hit h) -> h.file().toString()).thenComparingLong(Hit::offset)
                .thenComparingInt(Hit::planted));
        return hits;
    }

    private record Form(String name, byte[] bytes) {
    }

    private static List<Form> forms(String v) {
        List<Form> out = new ArrayList<>();
        Set<String> texts = new LinkedHashSet<>();
        add(out, texts, "raw", v);
        add(out, texts, "json", json(v, false));
        add(out, texts, "json", json(v, true));
        add(out, texts, "html", html(v, false));
        add(out, texts, "html", html(v, true));
        add(out, texts, "url", URLEncoder.encode(v, StandardCharsets.UTF_8));
        add(out, texts, "url", URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        add(out, texts, "properties", properties(v));
        for (Form f : List.copyOf(out)) {
            for (int shift = 0; shift < 3; shift++) {
                String b64 = base64(f.bytes, shift);
                if (b64.length() >= 6) {
                    add(out, texts, "base64 of " + f.name, b64);
                }
            }
        }
        return out;
    }

    private static void add(List<Form> out, Set<String> texts, String name, String text) {
        if (texts.add(text)) {
            out.add(new Form(name, text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * The Base64 characters that encode {@code bytes} wherever they stand in a larger Base64 text, when they start
     * {@code shift} bytes after a 3-byte boundary: the characters that also depend on neighbouring bytes are cut.
     */
    private static String base64(byte[] bytes, int shift) {
        byte[] padded = new byte[shift + bytes.length];
        System.arraycopy(bytes, 0, padded, shift, bytes.length);
        String enc = java.util.Base64.getEncoder().withoutPadding().encodeToString(padded);
        int skip = shift == 0 ? 0 : shift + 1;
        int full = padded.length / 3 * 4;
        return full <= skip ? "" : enc.substring(skip, full);
    }

    private static String json(String s, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '/' -> sb.append(asciiOnly ? "\\/" : "/");
                default -> sb.append(c < 0x20 || asciiOnly && c > 0x7e ? String.format("\\u%04x", (int) c)
                        : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    private static String html(String s, boolean numeric) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append(numeric ? "&#38;" : "&amp;");
                case '<' -> sb.append(numeric ? "&#60;" : "&lt;");
                case '>' -> sb.append(numeric ? "&#62;" : "&gt;");
                case '"' -> sb.append(numeric ? "&#34;" : "&quot;");
                case '\'' -> sb.append(numeric ? "&#39;" : "&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String properties(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '=', ':', '#', '!' -> sb.append('\\').append(c);
                default -> sb.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.toString();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        if (needle.length == 0) {
            return -1;
        }
        byte first = needle[0];
        int max = hay.length - needle.length;
        outer:
        for (int i = from; i <= max; i++) {
            if (hay[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
