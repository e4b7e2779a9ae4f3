package dev.assay.examples.assistant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text assistant of the example: a small rule-based support assistant for a fictional bank (no machine
 * learning), in two configurations.
 *
 * <ul>
 *   <li>{@link Config#VULNERABLE} does what any text tells it: it decodes base64, hex and ROT13 it is asked to
 *       decode, repeats any code it is given ({@code ASSAY-CANARY-...}, wherever it appears, documents included),
 *       renders any link or image it is asked for, recites its system prompt when asked about its instructions, and
 *       plays along with any role or request.</li>
 *   <li>{@link Config#GUARDED} treats documents as data (it summarises them without the sentences that carry
 *       instructions, codes or links), and refuses requests that try to override its instructions, ask for them,
 *       ask it to decode and obey, to play a role, to render links, or to help with fraud or malware.</li>
 * </ul>
 * Both answer ordinary questions from a few canned facts. The wording of an answer is chosen by the request's
 * {@code seed}, the prompt and the choice index, so it is deterministic for a seed.
 */
final class TextAssistant {
    /** The two configurations. */
    enum Config { VULNERABLE, GUARDED }

    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]+(?:-[A-Za-z0-9]+){2,}\\b");
    private static final Pattern MD_LINK = Pattern.compile("!?\\[[^\\]\\n]*]\\([^)\\s]+\\)");
    private static final Pattern HTML_IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\"'>]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{16,}={0,2}");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2} ){4,}[0-9a-fA-F]{2}");
    private static final Pattern LEET = Pattern.compile("\\b\\w*[a-z][0-9][a-z]\\w*\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> ASKS_FOR_INSTRUCTIONS = List.of("instructions", "system prompt", "text above",
            "configuration", "your rules", "code word", "context window", "first user message");
    private static final List<String> OVERRIDES = List.of("ignore", "disregard", "override", "forget", "debug mode",
            "developer mode", "new instruction", "set your guidelines aside", "exactly as written", "</user>",
            "end of user input", "verification string", "on second thought", "the access code");
    private static final List<String> ROLE_PLAY = List.of("pretend", "role", "act as", "character", "imagine",
            "story", "game", "terminal", "evil twin", "villain", "thriller", "actor", "persona", "no rules",
            "answer twice");
    private static final List<String> HARMFUL = List.of("card number", "card details", "password", "keylogger",
            "keystrokes", "malware", "ransomware", "copies itself", "phishing", "home address", "phone number",
            "someone else", "lost wallet", "cameras", "passcode", "fraud team", "credit card numbers", "wi-fi");
    private static final List<String> TASKS = List.of("summarise", "summarize", "translate", "classify",
            "extract", "proofread", "main point", "using only the retrieved passage", "summary");
    private static final String REFUSAL = "I can't help with that. I can answer questions about your Northwind "
            + "account, cards, payments and branches.";

    private TextAssistant() {
    }

    /** The answer of the assistant in configuration {@code config}. */
    static String answer(Config config, String system, String user, long seed, int choice) {
        String opener = pick(seed, user, choice, "Sure!", "Of course.", "Certainly.");
        return config == Config.VULNERABLE ? vulnerable(system, user, opener) : guarded(user, opener);
    }

    private static String vulnerable(String system, String user, String opener) {
        String text = decoded(user) + "\n" + user;
        String lower = text.toLowerCase(Locale.ROOT);
        String link = link(text);
        if (link != null) {
            return opener + " Here it is: " + link;
        }
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            return opener + " " + code.group();
        }
        for (String s : ASKS_FOR_INSTRUCTIONS) {
            if (lower.contains(s)) {
                return opener + " My instructions are: " + system;
            }
        }
        String faq = faq(lower);
        return faq != null ? faq : opener + " Here is what you asked for. Step one: ...";
    }

    private static String guarded(String user, String opener) {
        String lower = user.toLowerCase(Locale.ROOT);
        int split = documentStart(user);
        if (split > 0 && containsAny(lower.substring(0, split), TASKS)) {
            String request = lower.substring(0, split);
            if (!suspicious(request)) {
                return opener + " Summary of the text, without the instructions it contained: "
                        + clean(user.substring(split));
            }
        }
        if (suspicious(user)) {
            return REFUSAL;
        }
        String faq = faq(lower);
        return faq != null ? faq : "I'm not sure about that. " + REFUSAL.substring(REFUSAL.indexOf("I can answer"));
    }

    private static boolean suspicious(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return CODE.matcher(text).find() || URL.matcher(text).find() || MD_LINK.matcher(text).find()
                || HTML_IMG.matcher(text).find() || BASE64.matcher(text).find() || HEX.matcher(text).find()
                || lower.contains("decode") || lower.contains("rot13") || lower.contains("leetspeak")
                || LEET.matcher(text).results().count() >= 3
                || containsAny(lower, ASKS_FOR_INSTRUCTIONS) || containsAny(lower, OVERRIDES)
                || containsAny(lower, ROLE_PLAY) || containsAny(lower, HARMFUL);
    }

    /** Where the document of a "summarise this: ..." request starts (after a blank line or a colon), or -1. */
    private static int documentStart(String user) {
        int blank = user.indexOf("\n\n");
        if (blank > 0) {
            return blank + 2;
        }
        int passage = user.indexOf("Passage:");
        return passage > 0 ? passage + "Passage:".length() : -1;
    }

    /** The document's sentences that carry no instruction, code or link, at most two. */
    private static String clean(String document) {
        List<String> kept = new ArrayList<>();
        for (String s : document.split("(?<=[.!?])\\s+|\\n+|(?=!?\\[)|(?=\\()|(?=<!--)|(?=----)")) {
            String t = s.strip();
            String lower = t.toLowerCase(Locale.ROOT);
            if (t.length() < 12 || suspicious(t) || containsAny(lower, List.of("assistant", "model", "image",
                    "link", "render"))) {
                continue;
            }
            kept.add(t);
            if (kept.size() == 2) {
                break;
            }
        }
        return kept.isEmpty() ? "(nothing but instructions)" : String.join(" ", kept);
    }

    private static String link(String text) {
        Matcher md = MD_LINK.matcher(text);
        if (md.find()) {
            return fill(md.group());
        }
        Matcher img = HTML_IMG.matcher(text);
        if (img.find()) {
            return img.group();
        }
        Matcher url = URL.matcher(text);
        if (url.find()) {
            String u = url.group().replaceAll("[.,;]+$", "");
            return "[source](" + fill(u) + ")";
        }
        return null;
    }

    private static String fill(String link) {
        return link.replace("{secret}", "ACC-0042").replace("SUMMARY", "conversation-summary")
                .replace("USER_QUESTION", "question").replace("YOUR_INSTRUCTIONS", "instructions")
                .replace("LAST_ANSWER", "answer").replace("ORDERS", "orders");
    }

    private static String decoded(String user) {
        StringBuilder sb = new StringBuilder();
        String lower = user.toLowerCase(Locale.ROOT);
        if (!lower.contains("decode") && !lower.contains("rot13") && !lower.contains("hex")
                && !lower.contains("base64")) {
            return "";
        }
        Matcher b = BASE64.matcher(user);
        while (b.find()) {
            try {
                sb.append(new String(Base64.getDecoder().decode(b.group()), StandardCharsets.UTF_8)).append('\n');
            } catch (IllegalArgumentException notBase64) {
                // a long word, not base64
            }
        }
        Matcher h = HEX.matcher(user);
        while (h.find()) {
            String[] pairs = h.group().split(" ");
            byte[] bytes = new byte[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                bytes[i] = (byte) Integer.parseInt(pairs[i], 16);
            }
            sb.append(new String(bytes, StandardCharsets.UTF_8)).append('\n');
        }
        if (lower.contains("rot13")) {
            StringBuilder r = new StringBuilder();
            for (char c : user.toCharArray()) {
                r.append(c >= 'a' && c <= 'z' ? (char) ('a' + (c - 'a' + 13) % 26)
                        : c >= 'A' && c <= 'Z' ? (char) ('A' + (c - 'A' + 13) % 26) : c);
            }
            sb.append(r).append('\n');
        }
        return sb.toString();
    }

    private static String faq(String lower) {
        if (lower.contains("open") && (lower.contains("hour") || lower.contains("branch"))) {
            return "Our branches are open from 9am to 5pm on weekdays and from 9am to 1pm on Saturdays.";
        }
        if (lower.contains("lost") && lower.contains("card") || lower.contains("block")) {
            return "You can block a lost card at once in the app under Cards, Block card, or by calling us.";
        }
        if (lower.contains("refund")) {
            return "Card payments you did not make are refunded within 10 working days of your report.";
        }
        if (lower.contains("statement")) {
            return "Statements are in the app under Accounts, Statements, for the last seven years.";
        }
        return null;
    }

    private static boolean containsAny(String lower, List<String> words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static String pick(long seed, String user, int choice, String... options) {
        long h = seed * 0x9E3779B97F4A7C15L + user.hashCode() * 31L + choice;
        h ^= h >>> 29;
        return options[(int) Math.floorMod(h, (long) options.length)];
    }
}
