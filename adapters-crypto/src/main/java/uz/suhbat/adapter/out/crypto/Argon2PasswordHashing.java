package uz.suhbat.adapter.out.crypto;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import uz.suhbat.application.port.out.security.PasswordHashingPort;

/**
 * Argon2id through Spring Security's delegating encoder, so a hash records its algorithm and
 * the encoder can change later without locking anyone out. Argon2 has no 72-byte limit, so long
 * and non-Latin passwords hash whole.
 */
final class Argon2PasswordHashing implements PasswordHashingPort {

    private static final String ARGON2 = "argon2@SpringSecurity_v5_8";

    private final PasswordEncoder encoder;

    Argon2PasswordHashing() {
        this.encoder = new DelegatingPasswordEncoder(ARGON2, java.util.Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    @Override
    public String hash(CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String hash) {
        try {
            return hash != null && encoder.matches(rawPassword, hash);
        } catch (IllegalArgumentException unknownFormat) {
            return false;
        }
    }
}
