package uz.suhbat.domain.user;

import java.time.Instant;
import java.util.Objects;

/** A single-use token as stored: only its hash, for whom, for what, until when (and, for e-mail, which address). */
public record OneTimeToken(String tokenHash, long userId, TokenPurpose purpose, EmailAddress email, Instant expiresAt) {

    public OneTimeToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
