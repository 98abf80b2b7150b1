package uz.suhbat.application.port.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What every {@link AnswerGuardPort} must do; run against the in-memory fake and the jOOQ adapter. */
public abstract class AnswerGuardPortContract {

    protected static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration EXPIRY = Duration.ofMinutes(5);

    /** A fresh guard over a fresh store. */
    protected abstract AnswerGuardPort guard();

    /** A chat that exists in the guard's store. */
    protected abstract long newChat();

    private static Instant stale(Instant now) {
        return now.minus(EXPIRY);
    }

    @Test
    void oneClaimAtATimeUntilReleased() {
        AnswerGuardPort guard = guard();
        long chat = newChat();

        assertThat(guard.claim(chat, "answer-1", T0, stale(T0))).isTrue();
        assertThat(guard.claim(chat, "answer-2", T0.plusSeconds(1), stale(T0.plusSeconds(1)))).isFalse();
        guard.release(chat, "answer-2");
        assertThat(guard.claim(chat, "answer-3", T0.plusSeconds(2), stale(T0.plusSeconds(2)))).as("a stranger's release changes nothing").isFalse();

        guard.release(chat, "answer-1");
        assertThat(guard.claim(chat, "answer-4", T0.plusSeconds(3), stale(T0.plusSeconds(3)))).isTrue();
    }

    @Test
    void claimsOfDifferentChatsDoNotMeet() {
        AnswerGuardPort guard = guard();
        long one = newChat();
        long two = newChat();
        assertThat(guard.claim(one, "a", T0, stale(T0))).isTrue();
        assertThat(guard.claim(two, "b", T0, stale(T0))).isTrue();
    }

    @Test
    void aClaimNotKeptAliveExpiresAndKeepingItAliveHoldsIt() {
        AnswerGuardPort guard = guard();
        long chat = newChat();
        assertThat(guard.claim(chat, "crashed", T0, stale(T0))).isTrue();

        Instant later = T0.plus(EXPIRY).minusSeconds(1);
        assertThat(guard.claim(chat, "other", later, stale(later))).isFalse();
        guard.keepAlive(chat, "crashed", later);
        Instant muchLater = later.plus(EXPIRY).minusSeconds(1);
        assertThat(guard.claim(chat, "other", muchLater, stale(muchLater))).as("kept alive").isFalse();

        Instant expired = later.plus(EXPIRY).plusSeconds(1);
        assertThat(guard.claim(chat, "other", expired, stale(expired))).as("its node stopped keeping it alive").isTrue();
        guard.release(chat, "crashed");
        assertThat(guard.claim(chat, "third", expired, stale(expired))).as("the late release of the old claim is ignored").isFalse();
    }

    @Test
    void aNodeKeepsAllItsClaimsAliveAtOnceButNotOneTakenOverByAnother() {
        AnswerGuardPort guard = guard();
        long one = newChat();
        long two = newChat();
        long lost = newChat();
        assertThat(guard.claim(one, "ours-1", T0, stale(T0))).isTrue();
        assertThat(guard.claim(two, "ours-2", T0, stale(T0))).isTrue();
        assertThat(guard.claim(lost, "ours-3", T0, stale(T0))).isTrue();
        Instant expired = T0.plus(EXPIRY).plusSeconds(1);
        assertThat(guard.claim(lost, "theirs", expired, stale(expired))).as("taken over after its expiry").isTrue();

        Instant kept = expired.plus(EXPIRY).minusSeconds(2);
        guard.keepAllAlive(java.util.Map.of(one, "ours-1", two, "ours-2", lost, "ours-3"), kept);
        guard.keepAllAlive(java.util.Map.of(), kept);

        Instant check = expired.plus(EXPIRY).plusSeconds(1);
        assertThat(guard.claim(one, "other", check, stale(check))).as("kept alive").isFalse();
        assertThat(guard.claim(two, "other", check, stale(check))).as("kept alive").isFalse();
        assertThat(guard.claim(lost, "again", check, stale(check))).as("the other node's claim was not touched, and expired").isTrue();
    }

    @Test
    void anUnknownChatCannotBeClaimed() {
        assertThat(guard().claim(987_654_321L, "a", T0, stale(T0))).isFalse();
    }

    @Test
    void ofConcurrentClaimsExactlyOneWins() throws Exception {
        AnswerGuardPort guard = guard();
        long chat = newChat();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String owner = "racer-" + i;
            claims.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return guard.claim(chat, owner, T0, stale(T0));
            }));
        }
        start.countDown();
        long won = 0;
        for (CompletableFuture<Boolean> claim : claims) {
            won += claim.get() ? 1 : 0;
        }
        assertThat(won).isEqualTo(1);
    }
}
