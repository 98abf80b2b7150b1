package uz.suhbat.adapter.out.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import uz.suhbat.application.port.out.security.SecretBoxPort;

/**
 * AES-256-GCM under a key derived from SECRET_KEY with HKDF-SHA256 (RFC 5869): each secret gets a fresh 96-bit nonce,
 * and the 128-bit tag makes a wrong SECRET_KEY (or an altered value) fail clearly instead of giving garbage. Stored as
 * {@code v1.<nonce>.<ciphertext and tag>} in base64url. The key never leaves this class; neither does a secret in clear
 * reach a log or an exception.
 */
final class AesGcmSecretBox implements SecretBoxPort {

    /** Shorter secrets are refused at start-up: the derived key is only as strong as SECRET_KEY. */
    static final int MIN_SECRET_LENGTH = 16;
    private static final String PREFIX = "v1.";
    private static final byte[] SALT = "suhbat/secret-box".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INFO = "suhbat connection keys v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AAD = "suhbat".getBytes(StandardCharsets.UTF_8);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param secretKey SECRET_KEY; null or blank: no key, nothing can be sealed or opened */
    AesGcmSecretBox(String secretKey) {
        if (secretKey == null || secretKey.isBlank()) {
            key = null;
        } else if (secretKey.strip().length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("SECRET_KEY must be at least " + MIN_SECRET_LENGTH
                    + " characters long (a random one: openssl rand -base64 32)");
        } else {
            key = new SecretKeySpec(hkdf(secretKey.strip().getBytes(StandardCharsets.UTF_8)), "AES");
        }
    }

    @Override
    public boolean available() {
        return key != null;
    }

    @Override
    public String seal(String secret) {
        if (key == null) {
            throw new IllegalStateException("no SECRET_KEY is set: secrets cannot be sealed");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            return PREFIX + base64.encodeToString(nonce) + "." + base64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String open(String sealed) {
        if (key == null) {
            throw new UnreadableSecretException("no SECRET_KEY is set, so the stored key cannot be read: set the SECRET_KEY "
                    + "it was saved with, or enter the key again");
        }
        String[] parts = sealed == null || !sealed.startsWith(PREFIX) ? new String[0] : sealed.substring(PREFIX.length()).split("\\.");
        if (parts.length != 2) {
            throw new UnreadableSecretException("the stored key is not in a known format: enter the key again");
        }
        try {
            Base64.Decoder base64 = Base64.getUrlDecoder();
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, base64.decode(parts[0])));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(base64.decode(parts[1])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableSecretException("the stored key was saved under another SECRET_KEY (or was altered): set the "
                    + "SECRET_KEY it was saved with, or enter the key again");
        }
    }

    /** HKDF-SHA256, extract then expand to 32 bytes. */
    private static byte[] hkdf(byte[] inputKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            mac.update(INFO);
            mac.update((byte) 1);
            byte[] okm = mac.doFinal();
            Arrays.fill(pseudoRandomKey, (byte) 0);
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSecretBox[" + (available() ? "SECRET_KEY set" : "no SECRET_KEY") + "]";
    }
}
