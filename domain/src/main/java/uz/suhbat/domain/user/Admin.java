package uz.suhbat.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An administrator account. The main admin is the one configured by the operator
 * (ADMIN_USERNAME/ADMIN_PASSWORD); it cannot be removed from the UI.
 */
public record Admin(Long id, Username username, EmailAddress email, String passwordHash, Instant createdAt, boolean main) {

    public Admin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Admin newMain(Username username, EmailAddress email, String passwordHash, Instant now) {
        return new Admin(null, username, email, passwordHash, now, true);
    }

    /** Another admin, added by the main admin; it can be removed again. */
    public static Admin newAdmin(Username username, EmailAddress email, String passwordHash, Instant now) {
        return new Admin(null, username, email, passwordHash, now, false);
    }

    public Admin withIdentity(Username newUsername, EmailAddress newEmail) {
        return new Admin(id, newUsername, newEmail, passwordHash, createdAt, main);
    }

    public Admin withPasswordHash(String newHash) {
        return new Admin(id, username, email, newHash, createdAt, main);
    }
}
