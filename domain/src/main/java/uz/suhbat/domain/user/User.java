package uz.suhbat.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person with an account. Guards its own rules: only a verified, unblocked user may chat;
 * a new e-mail address waits as {@code pendingEmail} until it is verified.
 * {@code sessionEpoch} grows whenever every existing session must end (password reset, block).
 */
public record User(
        Long id,
        Username username,
        EmailAddress email,
        String passwordHash,
        Instant registeredAt,
        boolean emailVerified,
        EmailAddress pendingEmail,
        boolean blocked,
        String blockedReason,
        int sessionEpoch,
        String language) {

    public User {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    public static User register(Username username, EmailAddress email, String passwordHash, Instant now, String language) {
        return new User(null, username, email, passwordHash, now, false, null, false, null, 0, language);
    }

    public boolean mayChat() {
        return emailVerified && !blocked;
    }

    public boolean maySignIn() {
        return !blocked;
    }

    /** The address a verification link was sent to becomes the confirmed address. */
    public User verify(EmailAddress address) {
        if (pendingEmail != null && pendingEmail.equals(address)) {
            return new User(id, username, pendingEmail, passwordHash, registeredAt, true, null, blocked, blockedReason, sessionEpoch, language);
        }
        if (email.equals(address)) {
            return new User(id, username, email, passwordHash, registeredAt, true, pendingEmail, blocked, blockedReason, sessionEpoch, language);
        }
        return this;
    }

    public User rename(Username newUsername) {
        return new User(id, newUsername, email, passwordHash, registeredAt, emailVerified, pendingEmail, blocked, blockedReason, sessionEpoch, language);
    }

    /** A new address replaces the old one only after it is verified; asking for the current one cancels a pending change. */
    public User requestEmail(EmailAddress address) {
        EmailAddress pending = address.equals(email) ? null : address;
        return new User(id, username, email, passwordHash, registeredAt, emailVerified, pending, blocked, blockedReason, sessionEpoch, language);
    }

    public User withPasswordHash(String newHash) {
        return new User(id, username, email, newHash, registeredAt, emailVerified, pendingEmail, blocked, blockedReason, sessionEpoch, language);
    }

    /** Ends every session and device of this user at their next request. */
    public User endAllSessions() {
        return new User(id, username, email, passwordHash, registeredAt, emailVerified, pendingEmail, blocked, blockedReason, sessionEpoch + 1, language);
    }

    public User block(String reason) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        return new User(id, username, email, passwordHash, registeredAt, emailVerified, pendingEmail, true, why, sessionEpoch + 1, language);
    }

    /** The same account speaking another language (a tag of {@link Language}). */
    public User withLanguage(Language chosen) {
        return new User(id, username, email, passwordHash, registeredAt, emailVerified, pendingEmail, blocked, blockedReason, sessionEpoch, chosen.tag());
    }

    public User unblock() {
        return new User(id, username, email, passwordHash, registeredAt, emailVerified, pendingEmail, false, null, sessionEpoch, language);
    }
}
