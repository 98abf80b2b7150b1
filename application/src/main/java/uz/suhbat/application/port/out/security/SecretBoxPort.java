package uz.suhbat.application.port.out.security;

/**
 * Seals secrets that must be kept readable (the API keys of connections) with a key that is not in the database
 * (derived from SECRET_KEY), so that a copy of the database alone does not reveal them.
 */
public interface SecretBoxPort {

    /** False when no SECRET_KEY is set: nothing can be sealed, and {@link #seal} throws. */
    boolean available();

    /** The secret sealed (authenticated encryption, a fresh nonce each time), as text to store. */
    String seal(String secret);

    /**
     * The secret that {@link #seal} sealed.
     *
     * @throws UnreadableSecretException when it was sealed under another SECRET_KEY (or none is set now), or was altered
     */
    String open(String sealed);

    /** A sealed secret this box cannot open; the message says why, without the secret. */
    final class UnreadableSecretException extends RuntimeException {
        public UnreadableSecretException(String message) {
            super(message);
        }
    }
}
