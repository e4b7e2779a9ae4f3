package dev.assay.core.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watchdog that replaces the JDK client's per-request timeout timer. */
class WatchdogTest {
    private final Watchdog watchdog = new Watchdog();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void a_flight_that_ends_in_time_is_not_interrupted_and_leaves_the_watch() {
        Watchdog.Flight f = watchdog.start(Duration.ofSeconds(30));
        assertThat(watchdog.inFlight()).isEqualTo(1);
        assertThat(watchdog.end(f)).isTrue();
        assertThat(watchdog.inFlight()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void an_overdue_flight_has_its_thread_interrupted_and_the_interrupt_does_not_outlive_it() {
        Watchdog.Flight f = watchdog.start(Duration.ofMillis(50));
        boolean interrupted = false;
        long t0 = System.nanoTime();
        try {
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(interrupted).as("the blocked thread was interrupted").isTrue();
        assertThat(waitedMs).as("woken long before the 20 s sleep ended").isLessThan(10_000);
        assertThat(watchdog.end(f)).as("ended in time").isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watchdog.inFlight()).isZero();
    }

    @Test
    void a_flight_that_ends_as_it_expires_never_leaves_an_interrupt_behind() throws Exception {
        // flights of 1 ms whose work takes 0 to 3 ms: some end in time, some are expired by the watchdog, and some
        // race it; after end() the thread must never be left interrupted, whichever way the race went
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger inTime = new AtomicInteger();
        AtomicInteger expired = new AtomicInteger();
        AtomicInteger leaked = new AtomicInteger();
        try {
            Future<?>[] fs = new Future<?>[4];
            for (int t = 0; t < fs.length; t++) {
                long seed = t;
                fs[t] = pool.submit(() -> {
                    SplittableRandom rnd = new SplittableRandom(seed);
                    for (int i = 0; i < 250; i++) {
                        long work = i % 2 == 0 ? 0 : rnd.nextLong(3_000_000);
                        Watchdog.Flight f = watchdog.start(Duration.ofMillis(1));
                        long until = System.nanoTime() + work;
                        while (System.nanoTime() - until < 0) {
                            LockSupport.parkNanos(100_000);
                        }
                        if (watchdog.end(f)) {
                            inTime.incrementAndGet();
                        } else {
                            expired.incrementAndGet();
                        }
                        if (Thread.currentThread().isInterrupted()) {
                            leaked.incrementAndGet();
                            Thread.interrupted();
                        }
                    }
                });
            }
            for (Future<?> f : fs) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(inTime.get() + expired.get()).isEqualTo(1000);
        assertThat(leaked.get()).as("interrupts left after end()").isZero();
        assertThat(inTime.get()).as("flights ended in time").isPositive();
        assertThat(expired.get()).as("flights expired by the watchdog").isPositive();
        assertThat(watchdog.inFlight()).isZero();
    }

    @Test
    void a_shorter_timeout_registered_after_a_longer_one_still_fires_on_time() {
        Watchdog.Flight slow = watchdog.start(Duration.ofSeconds(30));
        Watchdog.Flight quick = watchdog.start(Duration.ofMillis(20));
        long t0 = System.nanoTime();
        boolean interrupted = false;
        try {
            Thread.sleep(20_000);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        assertThat(interrupted).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        assertThat(watchdog.end(quick)).isFalse();
        assertThat(watchdog.end(slow)).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
