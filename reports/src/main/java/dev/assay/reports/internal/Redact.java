package dev.assay.reports.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Defence in depth for texts that reports copy from the run (model ids, data paths, URLs): drops URL user
 * information ({@code https://user:token@host} becomes {@code https://host}) and the values of query parameters
 * whose name mentions a token, key, secret, password or authorization ({@code ?api_key=***}).
 */
public final class Redact {
    /** Name fragments that mark a configuration key or parameter as secret. */
    private static final String SECRET_WORDS = "token|secret|key|password|passwd|authorization|auth|credential";

    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s?#]+@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&;][^=&\\s#]*(?:" + SECRET_WORDS + ")[^=&\\s#]*=)[^&\\s#]*");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(?:" + SECRET_WORDS + ").*");

    private Redact() {
    }

    /** {@code text} without URL user information and secret query parameter values; {@code null} stays null. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        // each pattern only where it can match (user information needs "://" and '@', a parameter a '=' after one
        // of ?&;): the fingerprints ("sha256:...") and names with a colon that reports show skip the regexes, which
        // a report's cold JVM runs slowly
        boolean userInfo = text.indexOf('@') >= 0 && text.contains("://");
        boolean param = text.indexOf('=') >= 0
                && (text.indexOf('?') >= 0 || text.indexOf('&') >= 0 || text.indexOf(';') >= 0);
        String out = userInfo ? USERINFO.matcher(text).replaceAll("$1") : text;
        return param ? SECRET_PARAM.matcher(out).replaceAll("$1***") : out; // removing characters adds no match
    }

    /** Whether a configuration key or header name looks secret ({@code assay.http.token}, {@code Authorization}). */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
