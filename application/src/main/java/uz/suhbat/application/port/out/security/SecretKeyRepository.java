package uz.suhbat.application.port.out.security;

/** Secrets every node must share (for example the key that signs known-device cookies). */
public interface SecretKeyRepository {

    /** The secret named {@code name}; the first node that asks creates it at random, every later call gets the same bytes. */
    byte[] secret(String name);
}
