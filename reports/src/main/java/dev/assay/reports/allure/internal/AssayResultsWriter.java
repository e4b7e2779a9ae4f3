package dev.assay.reports.allure.internal;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.UUID;

/**
 * Allure's results writer with the JSON written by {@link AllureResultsJson}: the same files, names and bytes as
 * Allure's {@code FileSystemResultsWriter} (without its clean-before-run and indented-output options, for which
 * {@code AllureResultsWriters} keeps Allure's writer), but no shaded Jackson mapper to build first.
 *
 * <p>In the background mode that a test run uses, the files are created on one daemon thread,
 * {@value #THREAD_NAME}, so that the test's thread does not wait for the file system: the caller's thread
 * serialises the JSON (and copies an in-memory attachment's bytes), the writer thread creates the file. Writes keep
 * their order. {@link #awaitWrites()} waits until every file so far is on disk and throws if one could not be
 * written (the run's flush calls it before it hashes the results into the manifest); a shutdown hook waits for the
 * rest when the JVM exits and prints a failure on standard error. A stream attachment that is not in memory is
 * copied on the caller's thread, as Allure's writer does.
 */
public final class AssayResultsWriter implements AllureResultsWriter {
    /** The background writer thread's name: {@value}. */
    public static final String THREAD_NAME = "assay-allure-writer";

    private final Path dir;
    private final boolean background;
    // guarded by this
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;
    private int failures;
    private String firstFailed;
    private IOException firstFailure;
    private Thread thread;

    /** A writer that creates each file on the caller's thread, as Allure's does. */
    public AssayResultsWriter(Path dir) {
        this(dir, false);
    }

    /** A writer that creates the files on its own thread when {@code background} is true. */
    public AssayResultsWriter(Path dir, boolean background) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.background = background;
    }

    /** The results directory. */
    public Path dir() {
        return dir;
    }

    @Override
    public void write(TestResult result) {
        String uuid = result.getUuid() != null ? result.getUuid() : UUID.randomUUID().toString();
        byte[] json;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            AllureResultsJson.write(result, out);
            json = out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new AllureResultsWriteException("Could not write Allure test result", e);
        }
        submit(new Pending(uuid + "-result.json", json, false), "Could not write Allure test result");
    }

    @Override
    public void write(TestResultContainer container) {
        String uuid = container.getUuid() != null ? container.getUuid() : UUID.randomUUID().toString();
        byte[] json;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(512);
            AllureResultsJson.write(container, out);
            json = out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new AllureResultsWriteException("Could not write Allure test result container", e);
        }
        submit(new Pending(uuid + "-container.json", json, false), "Could not write Allure test result container");
    }

    @Override
    public void write(String source, InputStream attachment) {
        try (InputStream in = attachment) {
            if (background && in instanceof ByteArrayInputStream) { // Allure's addAttachment(..., byte[]) and Strings
                submit(new Pending(source, in.readAllBytes(), true), "Could not write Allure attachment");
            } else {
                Files.copy(in, directory().resolve(source));
            }
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not write Allure attachment", e);
        }
    }

    /**
     * Waits until every file submitted so far is written.
     *
     * @throws AllureResultsWriteException when a file could not be written since the last call; it names the
     *                                     first such file and has its error as the cause
     */
    public void awaitWrites() {
        synchronized (this) {
            boolean interrupted = false;
            while (!queue.isEmpty() || writing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (failures > 0) {
                AllureResultsWriteException e = new AllureResultsWriteException("Could not write " + failures
                        + " Allure result file(s) to " + dir + ", the first " + firstFailed, firstFailure);
                failures = 0;
                firstFailed = null;
                firstFailure = null;
                throw e;
            }
        }
    }

    /**
     * Starts the writer thread now (in background mode) rather than at the first write, and lets it first run
     * {@code warmUp} (errors dropped): the JVM's first {@link UUID#randomUUID()}, which Allure calls for every test
     * and attachment, seeds a {@code SecureRandom}, and that is better done before the first test.
     */
    public synchronized void start(Runnable warmUp) {
        if (background && thread == null) {
            startThread(warmUp);
        }
    }

    private void submit(Pending file, String message) {
        if (!background) {
            try {
                file.write(directory());
            } catch (IOException e) {
                throw new AllureResultsWriteException(message, e);
            }
            return;
        }
        synchronized (this) {
            if (thread == null) {
                startThread(null);
            }
            queue.add(file);
            notifyAll();
        }
    }

    private void startThread(Runnable warmUp) {
        Thread t = new Thread(() -> run(warmUp), THREAD_NAME);
        t.setDaemon(true);
        thread = t;
        Runtime.getRuntime().addShutdownHook(new Thread(this::awaitAtExit, THREAD_NAME + "-exit"));
        t.start();
    }

    private void run(Runnable warmUp) {
        if (warmUp != null) {
            try {
                warmUp.run();
            } catch (Throwable ignored) { // a warm-up never affects the run
                // dropped
            }
        }
        while (true) {
            Pending next;
            synchronized (this) {
                while (queue.isEmpty()) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // a daemon thread: only the JVM's end stops it
                    }
                }
                next = queue.poll();
                writing = true;
            }
            IOException failure = null;
            try {
                next.write(directory());
            } catch (IOException e) {
                failure = e;
            } catch (AllureResultsWriteException e) {
                failure = e.getCause() instanceof IOException io ? io : new IOException(e);
            }
            synchronized (this) {
                writing = false;
                if (failure != null) {
                    if (failures++ == 0) {
                        firstFailed = next.name;
                        firstFailure = failure;
                    }
                }
                notifyAll();
            }
        }
    }

    /** At the JVM's exit: the files not written yet (for example Allure's last containers) are written. */
    private void awaitAtExit() {
        try {
            awaitWrites();
        } catch (AllureResultsWriteException e) {
            System.err.println("[assay] " + e.getMessage() + ": " + e.getCause());
        }
    }

    private Path directory() {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not create Allure results directory", e);
        }
    }

    /** A file to write: an attachment must not exist yet (as with Allure's writer); JSON replaces a file. */
    private record Pending(String name, byte[] bytes, boolean attachment) {
        void write(Path dir) throws IOException {
            Path file = dir.resolve(name);
            if (attachment) {
                Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } else {
                Files.write(file, bytes);
            }
        }
    }
}
