package uz.suhbat.application.port.in.account;

/** Whether a signed-in session may go on: asked on every request, so a block takes effect at once. */
public interface SessionCheckQuery {

    SessionState check(long userId, int sessionEpoch);

    /**
     * {@link #check(long, int)}, and for a session that belongs to a remembered device ({@code deviceSeries}, null for
     * none): {@link Ended} once that device was signed out (on any node).
     */
    default SessionState check(long userId, int sessionEpoch, String deviceSeries) {
        return check(userId, sessionEpoch);
    }

    /** The account's session epoch now, for a session that ended the others and goes on itself; -1 when the account is gone. */
    int currentEpoch(long userId);

    sealed interface SessionState {
    }

    /**
     * {@code language}: the tag of the language the account speaks ({@link uz.suhbat.domain.user.Language}), the one of
     * the page they registered on until they choose another; null when the account has none (the browser decides).
     */
    record Active(String username, boolean mayChat, boolean emailVerified, String language) implements SessionState {
    }

    record Blocked(String reason) implements SessionState {
    }

    /** The account is gone, or its sessions were ended (password reset, sign-out everywhere). */
    record Ended() implements SessionState {
    }
}
