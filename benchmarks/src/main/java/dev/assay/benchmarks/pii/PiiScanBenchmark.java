package dev.assay.benchmarks.pii;

import dev.assay.core.pii.PiiEntity;
import dev.assay.core.pii.PiiScanner;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PII scanning throughput, one thread (= per core): the default entity set, and all entities, on mixed English
 * text with sparse PII (about one value per 2 KB, plus ordinary numbers such as years, prices and counts),
 * generated deterministically from a fixed seed; every PII value is distinct (so caches do not flatter the
 * figures). MB/s = size / time per op.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class PiiScanBenchmark {
    @Param({"1", "10"})
    public int megabytes;

    private String text;
    private PiiScanner defaults;
    private PiiScanner all;

    private static final String[] WORDS = ("the of and to a in is it you that he was for on are with as I his they be at"
            + " one have this from or had by hot word but what some we can out other were all there when up use your"
            + " how said an each she which do their time if will way about many then them write would like so these"
            + " her long make thing see him two has look more day could go come did number sound no most people my"
            + " over know water than call first who may down side been now find any new work part take get place"
            + " made live where after back little only round man year came show every good me give our under name"
            + " very through just form sentence great think say help low line differ turn cause much mean before"
            + " move right boy old too same tell does set three want air well also play small end put home read"
            + " hand port large spell add even land here must big high such follow act why ask men change went"
            + " light kind off need house picture try us again animal point mother world near build self earth"
            + " model answer customer account service order request policy refund delivery support product").split(" ");

    private static final String[] PII = {"jane.doe@example.com", "+44 20 7946 0018", "4242 4242 4242 4242",
        "DE89 3704 0044 0532 0130 00", "2024-01-15", "https://example.org/help", "192.0.2.44", "(201) 555-0123",
        "12345678Z", "support@example.co.uk"};

    /** Deterministic mixed English text of {@code bytes} characters with sparse PII. */
    public static String text(int bytes, long seed) {
        return text(bytes, seed, true);
    }

    /**
     * Deterministic text; with {@code distinct}, every PII value is different (fictional phone ranges, Luhn-valid
     * test-like card numbers, documentation IP ranges, example.* domains), else drawn from 10 fixed values.
     */
    public static String text(int bytes, long seed, boolean distinct) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(bytes + 200);
        int sinceLast = 0;
        while (sb.length() < bytes) {
            int n = 8 + r.nextInt(14);
            for (int i = 0; i < n; i++) {
                String w = WORDS[r.nextInt(WORDS.length)];
                sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(' ');
                int roll = r.nextInt(100);
                if (roll < 3) {
                    sb.append(1990 + r.nextInt(35)).append(' ');           // a year
                } else if (roll < 5) {
                    sb.append(r.nextInt(100)).append(' ');                 // a count
                } else if (roll == 5) {
                    sb.append('$').append(r.nextInt(500)).append('.').append(10 + r.nextInt(90)).append(' ');
                }
            }
            sb.setLength(sb.length() - 1);
            sb.append(r.nextInt(10) == 0 ? ", " : ". ");
            sinceLast += n * 5;
            if (sinceLast > 2048) {
                sb.append("Contact ").append(distinct ? pii(r) : PII[r.nextInt(PII.length)]).append(". ");
                sinceLast = 0;
            }
        }
        return sb.substring(0, bytes);
    }

    /** One distinct PII value. */
    static String pii(SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0:
                return WORDS[r.nextInt(WORDS.length)] + "." + r.nextInt(100000) + "@example.com";
            case 1:
                return String.format("+44 20 7946 %04d", r.nextInt(10000));   // Ofcom drama range
            case 2:
                return String.format("(%03d) 555-01%02d", 201 + r.nextInt(700), r.nextInt(100)); // NANP fiction
            case 3: {
                StringBuilder d = new StringBuilder("4");
                for (int i = 0; i < 14; i++) {
                    d.append(r.nextInt(10));
                }
                for (int c = 0; c < 10; c++) {
                    if (luhn(d.toString() + c)) {
                        d.append(c);
                        break;
                    }
                }
                return d.substring(0, 4) + " " + d.substring(4, 8) + " " + d.substring(8, 12) + " " + d.substring(12);
            }
            case 4:
                return String.format("20%02d-%02d-%02d", r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28));
            case 5:
                return "https://example.org/u/" + r.nextInt(1000000);
            case 6:
                return "198.51.100." + r.nextInt(256);
            default:
                return String.format("%08dZ", r.nextInt(100000000)); // NIF-shaped, check letter usually wrong
        }
    }

    static boolean luhn(String d) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int v = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v = v * 2 > 9 ? v * 2 - 9 : v * 2;
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    @Setup
    public void setup() {
        text = text(megabytes << 20, 42);
        defaults = PiiScanner.defaults();
        all = PiiScanner.builder().entities(PiiEntity.all()).build();
    }

    @Benchmark
    public int defaultSet() {
        return defaults.scan(text).size();
    }

    @Benchmark
    public int allEntities() {
        return all.scan(text).size();
    }
}
