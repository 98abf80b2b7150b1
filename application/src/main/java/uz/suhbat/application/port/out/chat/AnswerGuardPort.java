package uz.suhbat.application.port.out.chat;

import java.time.Instant;

/**
 * "One answer per chat at a time", held where every node sees it (the chat's row), so that two requests for an answer
 * in one chat, on one node or on two, never both reach the model. An answer claims the chat under a token of its own,
 * keeps the claim alive while it streams and releases it when it ends; a claim not kept alive since a given time is
 * taken to belong to an answer whose node stopped, and may be taken over.
 */
public interface AnswerGuardPort {

    /**
     * Claims {@code chatId} for the answer {@code owner}, unless another answer's claim holds it and was kept alive at or
     * after {@code staleBefore}. Atomic: of concurrent claims, at most one succeeds. False also for an unknown chat.
     */
    boolean claim(long chatId, String owner, Instant now, Instant staleBefore);

    /** Moves the claim's time to {@code now}, if {@code owner} still holds it. */
    void keepAlive(long chatId, String owner, Instant now);

    /**
     * {@link #keepAlive} for every (chat → owner) of {@code claims}: what a node does for all its running answers at once.
     * Adapters do it in one statement.
     */
    default void keepAllAlive(java.util.Map<Long, String> claims, Instant now) {
        claims.forEach((chatId, owner) -> keepAlive(chatId, owner, now));
    }

    /** Ends the claim of {@code owner}; a claim another answer took over is left alone. */
    void release(long chatId, String owner);
}
