package dev.assay.reports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.reports.internal.Ed25519Keys;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Integrity manifests of a run's output, for auditors: {@code manifest.json} lists the SHA-256 and size of every
 * file under the given directories (evidence, model card, Allure results, the Allure HTML report), with paths
 * relative to a base directory, sorted; it holds no timestamp, so the same files give the same manifest. With an
 * Ed25519 key (PKCS#8, configuration {@value #SIGNING_KEY}) it is signed: {@code manifest.json.sig} (Base64
 * signature of the manifest's bytes) and {@code manifest.json.pub} (the PEM public key) are written next to it.
 *
 * <p>Command line (exit status 0 = verified/written, 1 = verification failed, 2 = usage or I/O error):
 * <pre>
 * java -cp assay-reports.jar:assay-harness-core.jar:jackson-*.jar dev.assay.reports.Manifests \
 *      verify target/assay/manifest.json [--public-key trusted.pub]
 * ... Manifests write target/assay/manifest.json target/assay target/allure-results target/allure-report [--key k.pem]
 * ... Manifests keygen private.pem public.pem
 * </pre>
 */
public final class Manifests {
    /** The manifest's file name in the evidence directory. */
    public static final String FILE_NAME = "manifest.json";
    /** Suffixes of the signature and public key files next to a manifest. */
    public static final String SIGNATURE_SUFFIX = ".sig";
    public static final String PUBLIC_KEY_SUFFIX = ".pub";
    /** The schema id written in every manifest. */
    public static final String SCHEMA = "assay-manifest/1";
    /**
     * Configuration key: path of a PKCS#8 Ed25519 private key (PEM or Base64) to sign manifests with. Unset: not
     * signed. The key is never written or logged.
     */
    public static final String SIGNING_KEY = "assay.signing.key";

    /**
     * The manifest is written with a generator and Jackson's default pretty printer (the layout of a mapper with
     * {@code INDENT_OUTPUT}): a flush in a cold JVM does not build a mapper for it. Reading ({@link #verify}) uses a
     * mapper, built on first use.
     */
    private static final JsonFactory JSON_FACTORY = new JsonFactory();

    private static final class Reading {
        static final ObjectMapper JSON = JsonMapper.builder().build();
    }

    private Manifests() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes an unsigned manifest of every file under {@code dirs} (directories that do not exist are skipped)
     * to {@code manifest} and returns its path.
     */
    public static Path write(Path manifest, List<Path> dirs) {
        return write(manifest, dirs, null);
    }

    /**
     * Writes a manifest of every file under {@code dirs} to {@code manifest}; with {@code privateKeyFile}, signs
     * it and writes {@code <manifest>.sig} and {@code <manifest>.pub}. Stale signature files of an unsigned
     * manifest are removed. The manifest and its signature files are not listed in it.
     *
     * @throws AssayException when a file cannot be read or written, or the key is not a PKCS#8 Ed25519 key
     */
    public static Path write(Path manifest, List<Path> dirs, Path privateKeyFile) {
        Objects.requireNonNull(manifest, "manifest");
        Path manifestAbs = manifest.toAbsolutePath().normalize();
        Path manifestDir = manifestAbs.getParent();
        List<Path> roots = new ArrayList<>();
        for (Path d : dirs) {
            Path abs = d.toAbsolutePath().normalize();
            if (Files.isDirectory(abs) && !roots.contains(abs)) {
                roots.add(abs);
            }
        }
        Path common = manifestDir;
        for (Path r : roots) {
            while (!r.startsWith(common)) {
                common = common.getParent();
            }
        }
        final Path base = common;
        List<Path> own = List.of(manifestAbs, sibling(manifestAbs, SIGNATURE_SUFFIX),
                sibling(manifestAbs, PUBLIC_KEY_SUFFIX));
        Map<String, Path> files = new TreeMap<>();
        Map<Path, BasicFileAttributes> attributes = new java.util.HashMap<>();
        for (Path r : roots) {
            try {
                // one stat per file (Files.walk + isRegularFile would take two)
                Files.walkFileTree(r, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile()) {
                            Path abs = f.toAbsolutePath().normalize();
                            if (!own.contains(abs) && !abs.getFileName().toString().endsWith(".tmp")) {
                                files.put(slashes(base.relativize(abs)), abs);
                                attributes.put(abs, attrs);
                            }
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new AssayException("cannot list " + r + " for the manifest: " + e, e);
            }
        }
        List<String> rootNames = new ArrayList<>(roots.size());
        for (Path r : roots) {
            rootNames.add(slashes(base.relativize(r)));
        }
        rootNames.sort(null);
        StringWriter out = new StringWriter(256 + 160 * files.size());
        Hasher hasher = new Hasher();
        try (JsonGenerator g = JSON_FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("algorithm", "SHA-256");
            g.writeStringField("base", slashes(manifestDir.relativize(base)));
            g.writeArrayFieldStart("roots");
            for (String r : rootNames) {
                g.writeString(r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("files");
            for (Map.Entry<String, Path> e : files.entrySet()) {
                long size = hasher.hash(e.getValue(), attributes.get(e.getValue()));
                if (size < 0) {
                    continue; // removed while listing (another writer's temporary file)
                }
                g.writeStartObject();
                g.writeStringField("path", e.getKey());
                g.writeStringField("sha256", hasher.hex());
                g.writeNumberField("size", size);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e); // an in-memory writer
        }
        byte[] bytes = out.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        writeAtomically(manifestAbs, bytes);
        Path sig = sibling(manifestAbs, SIGNATURE_SUFFIX);
        Path pub = sibling(manifestAbs, PUBLIC_KEY_SUFFIX);
        try {
            if (privateKeyFile == null) {
                Files.deleteIfExists(sig);
                Files.deleteIfExists(pub);
            } else {
                PrivateKey key = Ed25519Keys.readPrivate(privateKeyFile);
                writeAtomically(sig, (Base64.getEncoder().encodeToString(Ed25519Keys.sign(key, bytes)) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                writeAtomically(pub, Ed25519Keys.pem(Ed25519Keys.publicKeyOf(key)).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new AssayException("cannot remove the stale signature next to " + manifestAbs + ": " + e, e);
        }
        return manifest;
    }

    /**
     * Writes {@code <evidenceDir>/manifest.json} over the evidence directory and the other {@code dirs}, signed
     * when {@value #SIGNING_KEY} is set.
     */
    public static Path write(AssaySettings settings, Path evidenceDir, List<Path> dirs) {
        List<Path> all = new ArrayList<>();
        all.add(evidenceDir);
        all.addAll(dirs);
        Optional<String> key = settings.get(SIGNING_KEY);
        Path keyFile = key.isPresent() && !key.get().isBlank() ? Path.of(key.get().strip()) : null;
        return write(evidenceDir.resolve(FILE_NAME), all, keyFile);
    }

    // ---------------------------------------------------------------- verifying

    /**
     * The outcome of {@link #verify(Path, Path)}: every problem found (a changed, missing or unlisted file, a bad
     * signature), what was checked, and the fingerprint of the key that verified the signature.
     *
     * @param problems       one line per problem, naming the file; empty when verified
     * @param filesChecked   how many listed files were hashed
     * @param signed         whether a signature was checked
     * @param keyFingerprint {@code sha256:...} of the public key used, {@code null} when unsigned
     */
    public record Verification(List<String> problems, int filesChecked, boolean signed, String keyFingerprint) {
        public Verification {
            problems = List.copyOf(problems);
        }

        /** Whether nothing was found wrong. */
        public boolean verified() {
            return problems.isEmpty();
        }
    }

    /** Verifies {@code manifest} and, when {@code <manifest>.sig} exists, its signature with {@code <manifest>.pub}. */
    public static Verification verify(Path manifest) {
        return verify(manifest, null);
    }

    /**
     * Verifies that every file that {@code manifest} lists has its recorded SHA-256 and size, that no file was
     * added under its roots, and the signature: with {@code trustedPublicKey} the manifest must be signed by that
     * key; without it, a signature next to the manifest is checked with the public key next to it (which proves
     * only that the manifest was not changed after signing; pin the key for authenticity).
     *
     * @throws AssayException when the manifest cannot be read or is not a manifest
     */
    public static Verification verify(Path manifest, Path trustedPublicKey) {
        Path manifestAbs = manifest.toAbsolutePath().normalize();
        byte[] bytes;
        JsonNode root;
        try {
            bytes = Files.readAllBytes(manifestAbs);
            root = Reading.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssayException("cannot read the manifest " + manifest + ": " + e.getMessage(), e);
        }
        if (root == null || !SCHEMA.equals(root.path("schema").asText()) || !root.path("files").isArray()) {
            throw new AssayException(manifest + " is not an Assay manifest (expected \"schema\": \"" + SCHEMA + "\")");
        }
        List<String> problems = new ArrayList<>();
        boolean signed = false;
        String fingerprint = null;
        Path sig = sibling(manifestAbs, SIGNATURE_SUFFIX);
        if (Files.exists(sig) || trustedPublicKey != null) {
            signed = true;
            if (!Files.exists(sig)) {
                problems.add("signature: " + sig.getFileName() + " is missing, but a public key was given");
            } else {
                Path keyFile = trustedPublicKey != null ? trustedPublicKey : sibling(manifestAbs, PUBLIC_KEY_SUFFIX);
                if (!Files.exists(keyFile)) {
                    problems.add("signature: no public key to verify it with (" + keyFile.getFileName()
                            + " is missing)");
                } else {
                    PublicKey key = Ed25519Keys.readPublic(keyFile);
                    fingerprint = Ed25519Keys.fingerprint(key);
                    byte[] signature;
                    try {
                        signature = Base64.getMimeDecoder().decode(Files.readString(sig, StandardCharsets.US_ASCII)
                                .strip());
                    } catch (IOException | IllegalArgumentException e) {
                        signature = new byte[0];
                    }
                    if (!Ed25519Keys.verify(key, bytes, signature)) {
                        problems.add("signature: " + sig.getFileName() + " is not a valid signature of "
                                + manifestAbs.getFileName() + " by the key " + fingerprint);
                    }
                }
            }
        }
        Path base = manifestAbs.getParent().resolve(root.path("base").asText("")).normalize();
        Map<String, JsonNode> listed = new LinkedHashMap<>();
        root.get("files").forEach(f -> listed.put(f.path("path").asText(), f));
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : listed.entrySet()) {
            Path f = base.resolve(e.getKey()).normalize();
            if (!f.startsWith(base) || e.getKey().isEmpty()) {
                problems.add("invalid path in the manifest: " + e.getKey());
                continue;
            }
            if (!Files.isRegularFile(f)) {
                problems.add("missing: " + e.getKey());
                continue;
            }
            checked++;
            String expected = e.getValue().path("sha256").asText();
            String actual = sha256(f);
            long expectedSize = e.getValue().path("size").asLong(-1);
            long actualSize = size(f);
            if (!expected.equals(actual)) {
                problems.add("changed: " + e.getKey() + " (expected sha256 " + expected + ", found " + actual
                        + (expectedSize != actualSize ? "; size " + expectedSize + " -> " + actualSize : "") + ")");
            } else if (expectedSize != actualSize) {
                problems.add("changed: " + e.getKey() + " (size " + expectedSize + " -> " + actualSize + ")");
            }
        }
        List<Path> own = List.of(manifestAbs, sig, sibling(manifestAbs, PUBLIC_KEY_SUFFIX));
        for (JsonNode r : root.path("roots")) {
            Path dir = base.resolve(r.asText()).normalize();
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize())
                        .filter(p -> !own.contains(p) && !p.getFileName().toString().endsWith(".tmp"))
                        .map(p -> slashes(base.relativize(p))).filter(p -> !listed.containsKey(p)).sorted()
                        .forEach(p -> problems.add("not in the manifest: " + p));
            } catch (IOException e) {
                problems.add("cannot list " + r.asText() + ": " + e.getMessage());
            }
        }
        return new Verification(problems, checked, signed, fingerprint);
    }

    // ---------------------------------------------------------------- command line

    /** {@code verify <manifest> [--public-key <file>]}, {@code write <manifest> <dir>... [--key <file>]}, {@code keygen <private> <public>}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without exiting: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> a = new ArrayList<>(List.of(args));
        try {
            if (a.size() >= 2 && a.get(0).equals("verify")) {
                Path key = option(a, "--public-key");
                if (a.size() != 2) {
                    return usage(err);
                }
                Path manifest = Path.of(a.get(1));
                Verification v = verify(manifest, key);
                if (v.verified()) {
                    out.println("verified: " + manifest + " (" + v.filesChecked() + " files"
                            + (v.signed() ? ", signature by key " + v.keyFingerprint()
                                    + (key == null ? " (taken from next to the manifest: compare it with the "
                                            + "published fingerprint)" : "") : ", not signed") + ")");
                    return 0;
                }
                err.println("NOT verified: " + manifest + " (" + v.problems().size() + " problem"
                        + (v.problems().size() == 1 ? "" : "s") + ")");
                v.problems().forEach(p -> err.println("  " + p));
                return 1;
            }
            if (a.size() >= 3 && a.get(0).equals("write")) {
                Path key = option(a, "--key");
                if (key == null) {
                    key = AssaySettings.fromSystem().get(SIGNING_KEY).filter(s -> !s.isBlank())
                            .map(s -> Path.of(s.strip())).orElse(null);
                }
                if (a.size() < 3) {
                    return usage(err);
                }
                Path manifest = Path.of(a.get(1));
                List<Path> dirs = a.subList(2, a.size()).stream().map(Path::of).toList();
                write(manifest, dirs, key);
                out.println("[assay] manifest: " + manifest.toAbsolutePath() + (key != null ? " (signed)" : ""));
                return 0;
            }
            if (a.size() == 3 && a.get(0).equals("keygen")) {
                var pair = Ed25519Keys.generate();
                Path priv = Path.of(a.get(1));
                Path pub = Path.of(a.get(2));
                writeAtomically(priv.toAbsolutePath(), Ed25519Keys.pem(pair.getPrivate())
                        .getBytes(StandardCharsets.US_ASCII));
                writeAtomically(pub.toAbsolutePath(), Ed25519Keys.pem(pair.getPublic())
                        .getBytes(StandardCharsets.US_ASCII));
                out.println("wrote " + priv + " (keep it secret) and " + pub + " (key "
                        + Ed25519Keys.fingerprint(pair.getPublic()) + ")");
                return 0;
            }
            return usage(err);
        } catch (AssayException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
    }

    private static Path option(List<String> a, String name) {
        int i = a.indexOf(name);
        if (i < 0) {
            return null;
        }
        if (i + 1 >= a.size()) {
            throw new IllegalArgumentException(name + " needs a file");
        }
        Path p = Path.of(a.get(i + 1));
        a.remove(i + 1);
        a.remove(i);
        return p;
    }

    private static int usage(PrintStream err) {
        err.println("usage: Manifests verify <manifest.json> [--public-key <trusted.pub>]");
        err.println("       Manifests write <manifest.json> <dir>... [--key <pkcs8-ed25519.pem>]");
        err.println("       Manifests keygen <private.pem> <public.pem>");
        return 2;
    }

    // ---------------------------------------------------------------- files

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static String slashes(Path relative) {
        String s = relative.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /**
     * SHA-256 of files with one digest and one buffer for all of them (a manifest covers every Allure file of
     * the run, a hundred or more small files); the size is the number of bytes hashed, so the two agree.
     */
    /** How long a file must have been unchanged when hashed for its hash to be reused by a later manifest. */
    static final long SETTLED_MILLIS = 2_000;

    /** The hashes of files hashed by earlier manifests of this JVM, by absolute path. */
    private static final Map<Path, Hashed> HASHED = new java.util.concurrent.ConcurrentHashMap<>();

    private record Hashed(long size, long modified, byte[] sha256, boolean settled) {
    }

    private static final class Hasher {
        private final MessageDigest digest;
        private final byte[] buf = new byte[16384];
        private byte[] last;

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * Hashes {@code file}; its size, or -1 when it no longer exists. A file that was hashed by an earlier
         * manifest of this JVM and has the same size and modification time is not read again (a run that flushes
         * several times would otherwise hash every Allure file at every flush), provided that time was at least
         * {@link #SETTLED_MILLIS} before that earlier hashing: a file rewritten after it has a newer time then, even
         * with a coarse file-system clock. {@link #verify} always reads every file.
         */
        long hash(Path file, BasicFileAttributes attrs) {
            long now = System.currentTimeMillis();
            if (attrs != null) {
                Hashed h = HASHED.get(file);
                if (h != null && h.size() == attrs.size() && h.modified() == attrs.lastModifiedTime().toMillis()
                        && h.settled()) {
                    last = h.sha256();
                    return h.size();
                }
            }
            long size = hash(file);
            if (size >= 0 && attrs != null && size == attrs.size()) {
                long modified = attrs.lastModifiedTime().toMillis();
                HASHED.put(file, new Hashed(size, modified, last, now - modified >= SETTLED_MILLIS));
            }
            return size;
        }

        /** Hashes {@code file}; its size, or -1 when it no longer exists. */
        long hash(Path file) {
            long size = 0;
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    digest.update(buf, 0, n);
                    size += n;
                }
            } catch (NoSuchFileException e) {
                digest.reset();
                return -1;
            } catch (IOException e) {
                digest.reset();
                throw new AssayException("cannot read " + file + " for its SHA-256: " + e, e);
            }
            last = digest.digest();
            return size;
        }

        /** The hex digest of the last file hashed. */
        String hex() {
            return HexFormat.of().formatHex(last);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[65536];
            while (in.read(buf) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new AssayException("cannot read " + file + " for its SHA-256: " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new AssayException("cannot read the size of " + file + ": " + e, e);
        }
    }

    private static void writeAtomically(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AssayException("cannot write " + target + ": " + e, e);
        }
    }
}
