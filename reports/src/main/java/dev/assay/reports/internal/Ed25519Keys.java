package dev.assay.reports.internal;

import dev.assay.core.AssayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys and signatures with the JDK only ({@code KeyFactory}/{@code Signature} "Ed25519"). Private keys are
 * PKCS#8 (PEM {@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey -algorithm ed25519} writes, or bare
 * Base64 of the DER); public keys X.509 SubjectPublicKeyInfo (PEM {@code PUBLIC KEY}). Error messages name the
 * file, never the key material.
 */
public final class Ed25519Keys {
    private Ed25519Keys() {
    }

    /** A fresh key pair. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Reads a PKCS#8 Ed25519 private key file (PEM or Base64). */
    public static PrivateKey readPrivate(Path file) {
        byte[] der = der(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new AssayException("the signing key " + file + " is not a PKCS#8 Ed25519 private key ("
                    + e.getClass().getSimpleName() + ")", e);
        } finally {
            Arrays.fill(der, (byte) 0);
        }
    }

    /** Reads an X.509 Ed25519 public key file (PEM or Base64). */
    public static PublicKey readPublic(Path file) {
        byte[] der = der(file, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new AssayException("the public key " + file + " is not an X.509 Ed25519 public key ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /**
     * The public key of {@code key}. The JDK has no API for this, so the key pair generator is given the private
     * key's 32 bytes as its "random" input (RFC 8032: the private key is those 32 random bytes) and the result is
     * checked against {@code key}.
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new AssayException("not an Ed25519 private key: " + key.getAlgorithm());
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
            g.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
            KeyPair pair = g.generateKeyPair();
            if (!Arrays.equals(pair.getPrivate().getEncoded(), key.getEncoded())) {
                throw new IllegalStateException("cannot derive the Ed25519 public key on this JDK");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** The Ed25519 signature of {@code data}. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new AssayException("cannot sign with the configured key: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code data}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** PEM text of a public key. */
    public static String pem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    /** PEM text of a private key (for {@code Manifests keygen} only). */
    public static String pem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** {@code sha256:<hex>} of the public key's X.509 encoding, to compare with a published fingerprint. */
    public static String fingerprint(PublicKey key) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new AssayException("cannot read the key file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        String body = text;
        int begin = text.indexOf("-----BEGIN ");
        if (begin >= 0) {
            int headerEnd = text.indexOf("-----", begin + 11);
            int end = text.indexOf("-----END ", headerEnd + 5);
            if (headerEnd < 0 || end < 0) {
                throw new AssayException("the key file " + file + " has a PEM header but no matching END line");
            }
            String found = text.substring(begin + 11, headerEnd).strip();
            if (!found.equals(type)) {
                throw new AssayException("the key file " + file + " holds a " + found + ", expected a " + type);
            }
            body = text.substring(headerEnd + 5, end);
        }
        try {
            return Base64.getDecoder().decode(body.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new AssayException("the key file " + file + " is neither PEM nor Base64", e);
        }
    }

    /** Returns the given bytes once, as the key pair generator's randomness. */
    private static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            super(new byte[0]);
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            if (out.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + out.length + " random bytes");
            }
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }
}
