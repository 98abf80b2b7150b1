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

    /**
     * {@link #check(long, int, String)} for a request that starts a chat: the same answer, from one read of the user that
     * also reads what the new chat needs of its author ({@link Checked#ahead}, for
     * {@link uz.suhbat.application.port.in.chat.StartChatUseCase#start(uz.suhbat.application.port.in.chat.StartChatUseCase.AuthorReadAhead, long, String, String, java.util.List, uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener)}),
     * so that a new chat waits for one read of its author, not two. {@code ahead} is null unless the session is {@link Active}.
     */
    default Checked checkStartingChat(long userId, int sessionEpoch, String deviceSeries) {
        return new Checked(check(userId, sessionEpoch, deviceSeries), null);
    }

    record Checked(SessionState state, uz.suhbat.application.port.in.chat.StartChatUseCase.AuthorReadAhead ahead) {
    }

    /** A signed-in session: its user and the session epoch it was signed in with. */
    record OpenSession(long userId, int sessionEpoch) {
    }

    /**
     * Of these sessions, the ones that may no longer go on ({@link #check(long, int)} is not {@link Active}), in one read
     * for all of them: a node asks it for all the answers it streams, instead of one read per answer.
     */
    default java.util.Set<OpenSession> endedAmong(java.util.Collection<OpenSession> sessions) {
        return sessions.stream().filter(s -> !(check(s.userId(), s.sessionEpoch()) instanceof Active))
                .collect(java.util.stream.Collectors.toSet());
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
