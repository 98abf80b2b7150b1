package uz.suhbat.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.PasswordHashingPortContract;

class Argon2PasswordHashingTest extends PasswordHashingPortContract {

    private final Argon2PasswordHashing hashing = new Argon2PasswordHashing();

    @Override
    protected PasswordHashingPort hashing() {
        return hashing;
    }

    @Test
    void hashesAreArgon2idAndSaltedSoTwoHashesOfOnePasswordDiffer() {
        String first = hashing.hash("parol");

        assertThat(first).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(hashing.hash("parol")).isNotEqualTo(first);
    }
}
