package dev.assay.core.models.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Request timeouts for blocking sends, kept by one polling thread per JVM instead of the JDK client's per-request
 * timer.
 *
 * <p>Why: with {@code HttpRequest.Builder.timeout} the JDK client registers a timer event for every request and
 * wakes its selector thread to take it in (and again to drop it), which on a loopback endpoint costs about as much
 * selector CPU per call as the exchange itself (see BENCHMARKS.md, issue 3). Here a send registers a {@link Flight}
 * (its thread and deadline) in a set; the watchdog thread sleeps until the earliest deadline it knows of (at most
 * {@link #MAX_SLEEP_NANOS}), and interrupts the thread of a flight that is past its deadline.
 * {@code HttpClient.send} answers an interrupt by cancelling the exchange (closing its connection) and throwing
 * {@link InterruptedException}, which {@link HttpCaller} turns into a timeout. A flight is woken at most
 * {@code MAX_SLEEP_NANOS} after its deadline when a shorter timeout is registered later than a longer one; in the
 * common case (one timeout per client, so deadlines in order) the watchdog wakes at the deadline.
 *
 * <p>An interrupt never outlives its flight: a flight ends either by its own thread (RUNNING to DONE) or by the
 * watchdog (RUNNING to EXPIRING, the interrupt, then EXPIRED), whichever compare-and-set wins; a thread that loses
 * waits for EXPIRED and clears its interrupt flag before it goes on. The thread stops after
 * {@link #IDLE_NANOS} without flights and is started again by the next one.
 */
final class Watchdog {
    static final Watchdog SHARED = new Watchdog();

    static final long MAX_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRING = 2;
    private static final int EXPIRED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Flight.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Set<Flight> flights = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile boolean running;
    private volatile Thread thread;
    /** When the watchdog thread wakes next (System.nanoTime()); a flight due earlier wakes it at once. */
    private volatile long nextWake;

    /** One send under watch. */
    static final class Flight {
        final Thread owner;
        final long deadline;
        volatile int state;

        Flight(Thread owner, long deadline) {
            this.owner = owner;
            this.deadline = deadline;
        }
    }

    /** Puts the current thread's send under watch: it is interrupted once {@code timeout} has passed. */
    Flight start(Duration timeout) {
        long now = System.nanoTime();
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 4;
        }
        Flight f = new Flight(Thread.currentThread(), now + Math.min(nanos, Long.MAX_VALUE / 4));
        flights.add(f);
        if (!running) {
            synchronized (lock) {
                if (!running) {
                    running = true;
                    nextWake = now + MAX_SLEEP_NANOS;
                    Thread t = new Thread(this::watch, "assay-http-watchdog");
                    t.setDaemon(true);
                    thread = t;
                    t.start();
                    return f;
                }
            }
        }
        if (f.deadline - nextWake < 0) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
        return f;
    }

    /**
     * Ends the flight on its own thread. Returns {@code true} when it ended in time; {@code false} when the watchdog
     * expired it, in which case the interrupt it sent has been delivered and cleared from the current thread.
     */
    boolean end(Flight f) {
        if (STATE.compareAndSet(f, RUNNING, DONE)) {
            flights.remove(f);
            return true;
        }
        while (f.state != EXPIRED) {
            Thread.onSpinWait();
        }
        Thread.interrupted();
        return false;
    }

    /** Flights under watch now (for tests). */
    int inFlight() {
        return flights.size();
    }

    private void watch() {
        long idleSince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long earliest = now + MAX_SLEEP_NANOS;
            for (Flight f : flights) {
                if (now - f.deadline >= 0) {
                    if (STATE.compareAndSet(f, RUNNING, EXPIRING)) {
                        f.owner.interrupt();
                        f.state = EXPIRED;
                    }
                    flights.remove(f);
                } else if (f.deadline - earliest < 0) {
                    earliest = f.deadline;
                }
            }
            if (flights.isEmpty()) {
                if (now - idleSince >= IDLE_NANOS) {
                    synchronized (lock) {
                        running = false;
                        if (flights.isEmpty()) {
                            thread = null;
                            return;
                        }
                        running = true;
                    }
                }
            } else {
                idleSince = now;
            }
            nextWake = earliest;
            long sleep = earliest - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(this, sleep);
            }
            Thread.interrupted(); // nobody else interrupts this thread; never let it end the loop
        }
    }
}
