package uz.suhbat.application.service.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import uz.suhbat.application.port.out.security.SecretKeyRepository;

/**
 * Known-device tokens (OWASP's "device cookies" against online guessing): after a correct password a
 * browser gets a token that names the account and a random device id, signed with a key that every
 * node shares. A sign-in from a browser that shows a valid token for that account is counted against
 * that device alone, not against the account's lockout, so an attacker who guesses wrong passwords
 * from elsewhere cannot lock the owner out of their own browsers. Nothing is stored per device.
 */
public final class KnownDevices {

    private final SecretKeyRepository secrets;
    private final String purpose;
    private volatile byte[] key;

    /** {@code purpose}: users and admins sign with keys of their own. */
    public KnownDevices(SecretKeyRepository secrets, String purpose) {
        this.secrets = secrets;
        this.purpose = purpose;
    }

    /** A new token for a browser that just signed in to {@code accountId}. */
    public String issue(long accountId) {
        String device = SecretTokens.newToken().substring(0, 22);
        String payload = accountId + "." + device;
        return payload + "." + sign(payload);
    }

    /** The device id of a valid token of {@code accountId}; empty for anything else. */
    public Optional<String> deviceOf(String token, long accountId) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].equals(Long.toString(accountId)) || !parts[1].matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        String expected = sign(parts[0] + "." + parts[1]);
        boolean valid = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII));
        return valid ? Optional.of(parts[1]) : Optional.empty();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = secrets.secret("known-device-" + purpose);
            key = k;
        }
        return k;
    }
}
