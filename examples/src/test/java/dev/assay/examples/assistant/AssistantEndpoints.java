package dev.assay.examples.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the example's two chat endpoints ({@link TextAssistant.Config#GUARDED guarded} and
 * {@link TextAssistant.Config#VULNERABLE vulnerable}) when the JUnit Platform opens a launcher session, before any
 * test or scenario file is discovered, and publishes their URLs as the system properties {@value #GUARDED_URL} and
 * {@value #VULNERABLE_URL}: scenario files reach them as {@code ${ASSAY_ASSISTANT_URL}}, tests through
 * {@link #guarded()} and {@link #vulnerable()}. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; nested sessions (a test that runs
 * suites through its own launcher) share the endpoints, which stop when the outermost session closes.
 */
public final class AssistantEndpoints implements LauncherSessionListener {
    /** The guarded endpoint's base URL. */
    public static final String GUARDED_URL = "ASSAY_ASSISTANT_URL";
    /** The vulnerable endpoint's base URL. */
    public static final String VULNERABLE_URL = "ASSAY_ASSISTANT_VULNERABLE_URL";

    private static int sessions;
    private static TextAssistantServer guarded;
    private static TextAssistantServer vulnerable;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (AssistantEndpoints.class) {
            if (sessions > 0 && --sessions == 0) {
                guarded.close();
                vulnerable.close();
                guarded = null;
                vulnerable = null;
                System.clearProperty(GUARDED_URL);
                System.clearProperty(VULNERABLE_URL);
            }
        }
    }

    private static void start() {
        synchronized (AssistantEndpoints.class) {
            if (sessions++ == 0 || guarded == null) {
                try {
                    guarded = new TextAssistantServer(TextAssistant.Config.GUARDED);
                    vulnerable = new TextAssistantServer(TextAssistant.Config.VULNERABLE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot start the example chat endpoints", e);
                }
                System.setProperty(GUARDED_URL, guarded.url().toString());
                System.setProperty(VULNERABLE_URL, vulnerable.url().toString());
            }
        }
    }

    /** The guarded endpoint (started on first use when no session listener ran, as in an IDE's own runner). */
    static TextAssistantServer guarded() {
        synchronized (AssistantEndpoints.class) {
            if (guarded == null) {
                start();
            }
            return guarded;
        }
    }

    /** The vulnerable endpoint. */
    static TextAssistantServer vulnerable() {
        synchronized (AssistantEndpoints.class) {
            if (vulnerable == null) {
                start();
            }
            return vulnerable;
        }
    }
}
