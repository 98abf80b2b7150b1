package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.security.PasswordHashingPort;

/** Marks a password as hashed without the cost of a real hash; use-case tests only. */
public final class FakePasswordHashing implements PasswordHashingPort {

    @Override
    public String hash(CharSequence rawPassword) {
        return "{fake}" + new StringBuilder(rawPassword).reverse();
    }

    @Override
    public boolean matches(CharSequence rawPassword, String hash) {
        return hash(rawPassword).equals(hash);
    }
}
