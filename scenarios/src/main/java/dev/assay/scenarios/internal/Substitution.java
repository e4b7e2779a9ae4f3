package dev.assay.scenarios.internal;

import java.util.function.Function;

/**
 * {@code ${VAR}} and {@code ${VAR:-default}} in scalar values; {@code $${} is a literal {@code ${}. Variables are
 * looked up with the given function (environment, then system properties).
 */
public final class Substitution {
    /** The text after substitution, or an exception naming the variable. */
    public static String apply(String text, Function<String, String> lookup) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int end = text.indexOf('}', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed '${' in '" + text + "'");
                }
                String body = text.substring(i + 2, end);
                int sep = body.indexOf(":-");
                String name = sep < 0 ? body : body.substring(0, sep);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
                    throw new IllegalArgumentException("'${" + body + "}' does not name a variable");
                }
                String value = lookup.apply(name);
                if (value == null) {
                    if (sep < 0) {
                        throw new IllegalArgumentException("variable ${" + name + "} is not set (no environment"
                                + " variable or system property " + name + "); set it or give a default: ${"
                                + name + ":-default}");
                    }
                    value = body.substring(sep + 2);
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Environment first, then system properties. */
    public static String environmentThenProperties(String name) {
        String v = System.getenv(name);
        return v != null ? v : System.getProperty(name);
    }

    private Substitution() {
    }
}
