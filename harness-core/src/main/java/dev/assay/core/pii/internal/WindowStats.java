package dev.assay.core.pii.internal;

/**
 * Cheap facts about one seed window, gathered in one pass, that let the engine skip detectors that cannot match
 * there (a window with 4 digits cannot hold a card number). Gates only ever skip impossible matches.
 */
public final class WindowStats {
    public int digits;
    public int upper;
    public boolean at;
    public boolean colon;
    public boolean dot;
    public boolean slash;
    public boolean dash;
    public boolean plusOrParen;
    /** A word starting with a month abbreviation (jan, feb, ... dec), any case, next to a number. */
    public boolean month;
    /** The longest run of ASCII digits. */
    public int maxDigitRun;
    /** An upper-case ASCII letter next to a digit. */
    public boolean upperDigit;
    /** A {@code / . - :} between two digits. */
    public boolean digitSepDigit;
    /** How many {@code / . - :} stand between two digits. */
    public int sepsBetweenDigits;
    /** A {@code /} between two digits. */
    public boolean slashBetweenDigits;
    /** How many {@code ' '}, {@code -} or {@code .} stand between two digits (digit groups: 123-45-6789 has 2). */
    public int groupSeps;
    /** How many {@code .} stand between two digits (an IPv4 address has 3). */
    public int dotsBetweenDigits;
    /** A {@code .} between an ASCII letter or digit and an ASCII letter (a domain name's last dot). */
    public boolean dotLetter;
    /** The longest run of non-whitespace characters. */
    public int longestToken;

    public static WindowStats of(String text, int from, int to) {
        WindowStats s = new WindowStats();
        int token = 0;
        int run = 0;
        char prev = ' ';
        for (int i = from; i < to; prev = text.charAt(i), i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c >= 0x80 && Character.isWhitespace(c)) {
                token = 0;
                run = 0;
                continue;
            }
            if (c >= '0' && c <= '9') {
                run++;
                if (run > s.maxDigitRun) {
                    s.maxDigitRun = run;
                }
                if (prev >= 'A' && prev <= 'Z') {
                    s.upperDigit = true;
                }
            } else {
                run = 0;
                if (c >= 'A' && c <= 'Z' && prev >= '0' && prev <= '9') {
                    s.upperDigit = true;
                }
            }
            token++;
            if (token > s.longestToken) {
                s.longestToken = token;
            }
            if (c >= '0' && c <= '9') {
                s.digits++;
                if (i >= from + 2) {
                    char p = text.charAt(i - 1);
                    char q = text.charAt(i - 2);
                    if ((p == ' ' || p == '.' || p == '-') && q >= '0' && q <= '9') {
                        s.groupSeps++;
                    }
                    if ((p == '/' || p == '.' || p == '-' || p == ':') && q >= '0' && q <= '9') {
                        s.digitSepDigit = true;
                        s.sepsBetweenDigits++;
                        s.slashBetweenDigits |= p == '/';
                        if (p == '.') {
                            s.dotsBetweenDigits++;
                        }
                    }
                }
            } else if (c >= 'A' && c <= 'Z') {
                s.upper++;
                if (prev == '.' && !s.dotLetter) {
                    s.dotLetter = dotAfterAlnum(text, i, from);
                }
                if ((token == 1 || prev == '-') && !s.month) {
                    s.month = month(text, i, to);
                }
            } else if (c >= 'a' && c <= 'z') {
                if (prev == '.' && !s.dotLetter) {
                    s.dotLetter = dotAfterAlnum(text, i, from);
                }
                if ((token == 1 || prev == '-') && !s.month) {
                    s.month = month(text, i, to);
                }
            } else {
                switch (c) {
                    case '@' -> s.at = true;
                    case ':' -> s.colon = true;
                    case '.' -> s.dot = true;
                    case '/' -> s.slash = true;
                    case '-' -> s.dash = true;
                    case '+', '(' -> s.plusOrParen = true;
                    default -> {
                    }
                }
            }
        }
        return s;
    }

    /** Whether the {@code .} at {@code i - 1} follows an ASCII letter or digit inside the window. */
    private static boolean dotAfterAlnum(String text, int i, int from) {
        if (i < from + 2) {
            return false;
        }
        char q = text.charAt(i - 2);
        return q >= 'a' && q <= 'z' || q >= 'A' && q <= 'Z' || q >= '0' && q <= '9';
    }

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private static boolean month(String text, int i, int to) {
        if (i + 3 > to) {
            return false;
        }
        if (!monthWord(text, i)) {
            return false;
        }
        // a digit within 3 characters after the word, or before it ("3 March", "March 3", "Mar-2020", "3-Mar")
        int e = i;
        while (e < to && Character.isLetter(text.charAt(e))) {
            e++;
        }
        for (int k = e; k < Math.min(to, e + 3); k++) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        for (int k = i - 1; k >= Math.max(0, i - 5); k--) {
            if (Character.isDigit(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    private static boolean monthWord(String text, int i) {
        char a = Character.toLowerCase(text.charAt(i));
        char b = Character.toLowerCase(text.charAt(i + 1));
        char c = Character.toLowerCase(text.charAt(i + 2));
        for (int k = 0; k < MONTHS.length(); k += 3) {
            if (MONTHS.charAt(k) == a && MONTHS.charAt(k + 1) == b && MONTHS.charAt(k + 2) == c) {
                return true;
            }
        }
        return false;
    }

    public boolean separator() {
        return slash || dot || dash || colon;
    }
}
