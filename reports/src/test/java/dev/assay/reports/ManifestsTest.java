package dev.assay.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.AssayException;
import dev.assay.reports.internal.Ed25519Keys;
import dev.assay.reports.internal.LeakScan;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json: hashes every file, verification names what changed, Ed25519 signatures from the JDK. */
class ManifestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path assay;
    Path allure;
    Path report;
    Path manifest;

    @BeforeEach
    void files() throws IOException {
        assay = Files.createDirectories(tmp.resolve("target/assay"));
        allure = Files.createDirectories(tmp.resolve("target/allure-results"));
        report = Files.createDirectories(tmp.resolve("target/allure-report/data"));
        Files.writeString(assay.resolve("evidence.json"), "{\"schema\":\"assay-evidence/1\"}\n");
        Files.writeString(assay.resolve("model-card.md"), "# Model card\n");
        Files.writeString(allure.resolve("1-result.json"), "{\"status\":\"passed\"}");
        Files.write(allure.resolve("2-attachment.csv"), new byte[] {'a', ',', 'b', '\r', '\n', 0, (byte) 0xff});
        Files.writeString(report.resolve("suites.json"), "{}");
        manifest = assay.resolve(Manifests.FILE_NAME);
    }

    private List<Path> dirs() {
        return List.of(assay, allure, tmp.resolve("target/allure-report"));
    }

    @Test
    void a_file_rewritten_with_the_same_size_gets_its_new_hash_in_the_next_manifest() throws IOException {
        Path csv = allure.resolve("2-attachment.csv");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(csv, hourAgo); // settled: its hash may be reused while it stays unchanged
        Manifests.write(manifest, dirs());
        String first = sha256Of(manifest, "allure-results/2-attachment.csv");
        Manifests.write(manifest, dirs());
        assertThat(sha256Of(manifest, "allure-results/2-attachment.csv")).isEqualTo(first);

        Files.write(csv, new byte[] {'c', ',', 'd', '\r', '\n', 1, 2}); // same size, new content, new time
        Files.setLastModifiedTime(csv, java.nio.file.attribute.FileTime.from(hourAgo.toInstant().plusSeconds(60)));
        Manifests.write(manifest, dirs());
        assertThat(sha256Of(manifest, "allure-results/2-attachment.csv")).isNotEqualTo(first)
                .isEqualTo(java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(csv))));
        assertThat(Manifests.verify(manifest).problems()).isEmpty();
    }

    private static String sha256Of(Path manifest, String path) throws IOException {
        for (com.fasterxml.jackson.databind.JsonNode f : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(manifest.toFile()).get("files")) {
            if (path.equals(f.get("path").asText())) {
                return f.get("sha256").asText();
            }
        }
        throw new AssertionError("no " + path + " in " + manifest);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void the_manifest_lists_every_file_relative_and_sorted_with_its_sha256_and_size() throws IOException {
        Manifests.write(manifest, dirs());
        JsonNode m = JSON.readTree(manifest.toFile());

        assertThat(m.get("schema").asText()).isEqualTo("assay-manifest/1");
        assertThat(m.get("base").asText()).isEqualTo("..");
        List<String> paths = new ArrayList<>();
        m.get("files").forEach(f -> paths.add(f.get("path").asText()));
        assertThat(paths).containsExactly("allure-report/data/suites.json", "allure-results/1-result.json",
                "allure-results/2-attachment.csv", "assay/evidence.json", "assay/model-card.md");
        JsonNode csv = m.get("files").get(2);
        // independently: sha256sum of the 7 bytes a , b CR LF NUL 0xff
        assertThat(csv.get("sha256").asText())
                .isEqualTo(ModelCardsTest.sha256Hex(new byte[] {'a', ',', 'b', '\r', '\n', 0, (byte) 0xff}));
        assertThat(csv.get("size").asLong()).isEqualTo(7);
        assertThat(Files.readString(manifest)).doesNotContain(tmp.toString());
        assertThat(Manifests.verify(manifest).verified()).isTrue();
        assertThat(Manifests.verify(manifest).filesChecked()).isEqualTo(5);
    }

    @Test
    void one_changed_byte_fails_verification_naming_the_file() throws IOException {
        Manifests.write(manifest, dirs());
        Path attachment = allure.resolve("2-attachment.csv");
        byte[] bytes = Files.readAllBytes(attachment);
        bytes[0] = 'A';
        Files.write(attachment, bytes);

        Manifests.Verification v = Manifests.verify(manifest);
        assertThat(v.verified()).isFalse();
        assertThat(v.problems()).singleElement().asString()
                .startsWith("changed: allure-results/2-attachment.csv (expected sha256 ");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Manifests.run(new String[] {"verify", manifest.toString()}, new PrintStream(out),
                new PrintStream(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NOT verified", "1 problem",
                "changed: allure-results/2-attachment.csv");
    }

    @Test
    void a_deleted_file_and_an_added_file_are_both_reported() throws IOException {
        Manifests.write(manifest, dirs());
        Files.delete(assay.resolve("model-card.md"));
        Files.writeString(allure.resolve("3-attachment.html"), "<p>forged</p>");

        assertThat(Manifests.verify(manifest).problems()).containsExactly("missing: assay/model-card.md",
                "not in the manifest: allure-results/3-attachment.html");
    }

    @Test
    void a_signed_manifest_verifies_with_its_key_and_after_any_change_does_not() throws IOException {
        KeyPair pair = Ed25519Keys.generate();
        Path key = tmp.resolve("signing.pem");
        Files.writeString(key, Ed25519Keys.pem(pair.getPrivate()));
        Path trusted = tmp.resolve("trusted.pub");
        Files.writeString(trusted, Ed25519Keys.pem(pair.getPublic()));

        Manifests.write(manifest, dirs(), key);

        // the public key written next to the manifest is the key pair's, derived from the private key alone
        assertThat(Ed25519Keys.readPublic(assay.resolve("manifest.json.pub")).getEncoded())
                .isEqualTo(pair.getPublic().getEncoded());
        Manifests.Verification v = Manifests.verify(manifest, trusted);
        assertThat(v.problems()).isEmpty();
        assertThat(v.signed()).isTrue();
        assertThat(v.keyFingerprint()).isEqualTo("sha256:"
                + ModelCardsTest.sha256Hex(pair.getPublic().getEncoded()));

        // edit a hash in the manifest so that it matches a forged file: the signature no longer holds
        Files.writeString(allure.resolve("1-result.json"), "{\"status\":\"failed\"}");
        String forged = Files.readString(manifest).replace(
                ModelCardsTest.sha256Hex("{\"status\":\"passed\"}".getBytes(StandardCharsets.UTF_8)),
                ModelCardsTest.sha256Hex("{\"status\":\"failed\"}".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(manifest, forged);
        assertThat(Manifests.verify(manifest, trusted).problems()).singleElement().asString()
                .startsWith("signature: manifest.json.sig is not a valid signature of manifest.json");
    }

    @Test
    void another_key_fails_verification() throws IOException {
        KeyPair pair = Ed25519Keys.generate();
        Path key = tmp.resolve("signing.pem");
        Files.writeString(key, Ed25519Keys.pem(pair.getPrivate()));
        Path other = tmp.resolve("other.pub");
        Files.writeString(other, Ed25519Keys.pem(Ed25519Keys.generate().getPublic()));
        Manifests.write(manifest, dirs(), key);

        assertThat(Manifests.verify(manifest, other).problems()).singleElement().asString()
                .contains("is not a valid signature");
        // an unsigned manifest fails when a trusted key is required
        Manifests.write(manifest, dirs());
        assertThat(assay.resolve("manifest.json.sig")).doesNotExist();
        assertThat(Manifests.verify(manifest, other).problems()).singleElement().asString()
                .startsWith("signature: manifest.json.sig is missing");
    }

    @Test
    void a_key_made_by_openssl_signs_and_the_key_never_appears_in_any_output() throws Exception {
        Path key = tmp.resolve("openssl.pem");
        Process p = new ProcessBuilder("openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                "openssl is not available");
        Path pub = tmp.resolve("openssl.pub");
        Process q = new ProcessBuilder("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString())
                .redirectErrorStream(true).start();
        assertThat(q.waitFor(30, TimeUnit.SECONDS) && q.exitValue() == 0).isTrue();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int written = Manifests.run(new String[] {"write", manifest.toString(), assay.toString(), allure.toString(),
                "--key", key.toString()}, new PrintStream(out), new PrintStream(err));
        int verified = Manifests.run(new String[] {"verify", manifest.toString(), "--public-key", pub.toString()},
                new PrintStream(out), new PrintStream(err));

        assertThat(written).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(verified).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("verified: " + manifest + " (4 files, signature by key sha256:");
        // the private key (its Base64 body and the raw 32 bytes in Base64) is nowhere in the outputs
        String pem = Files.readString(key);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(body);
        String seed = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(der, der.length - 32, der.length));
        assertThat(LeakScan.scan(List.of(assay, allure), List.of(body, seed))).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8) + err).doesNotContain(body).doesNotContain(seed);
    }

    @Test
    void a_key_file_that_is_not_an_ed25519_private_key_is_an_error_naming_the_file_not_the_content()
            throws IOException {
        Path key = tmp.resolve("wrong.pem");
        Files.writeString(key, Ed25519Keys.pem(Ed25519Keys.generate().getPublic()));

        assertThatThrownBy(() -> Manifests.write(manifest, dirs(), key)).isInstanceOf(AssayException.class)
                .hasMessage("the key file " + key + " holds a PUBLIC KEY, expected a PRIVATE KEY");
        Files.writeString(key, "not base64 at all!");
        assertThatThrownBy(() -> Manifests.write(manifest, dirs(), key)).isInstanceOf(AssayException.class)
                .hasMessage("the key file " + key + " is neither PEM nor Base64");
    }

    @Test
    void a_file_that_is_not_a_manifest_is_an_error() throws IOException {
        Path notManifest = assay.resolve("evidence.json");

        assertThatThrownBy(() -> Manifests.verify(notManifest)).isInstanceOf(AssayException.class)
                .hasMessageContaining("is not an Assay manifest");
        try (Stream<Path> s = Files.list(assay)) {
            assertThat(s.map(f -> f.getFileName().toString())).doesNotContain("manifest.json");
        }
    }
}
