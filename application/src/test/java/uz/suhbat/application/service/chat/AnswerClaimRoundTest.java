package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;

/**
 * The node's round ({@link AnswerClaim.Live#keepAlive}, every {@link AnswerClaim#ROUND}): each claim is kept alive every
 * {@link AnswerClaim#KEEP_ALIVE} from its own start, so that a round writes about a third of the claims, and no claim goes
 * unkept for long enough to be taken over while its node lives.
 */
class AnswerClaimRoundTest {

    private final MutableClock clock = MutableClock.at("2026-11-30T08:00:00Z");
    private final RecordingGuard guard = new RecordingGuard();
    private final AnswerClaim.Live live = new AnswerClaim.Live(guard, new InMemoryChatRepository(), clock);

    @Test
    void eachClaimIsKeptAliveEveryFewSecondsFromItsOwnStartAndARoundWritesOnlyThoseDue() {
        // three answers started a second apart, as they arrive under load
        AnswerClaim first = made(1);
        clock.advance(AnswerClaim.ROUND);
        AnswerClaim second = live.take(2).orElseThrow();
        clock.advance(AnswerClaim.ROUND);
        made(3);

        List<Set<Long>> rounds = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            clock.advance(AnswerClaim.ROUND);
            guard.keptInRound.clear();
            assertThat(live.keepAlive()).as("the claims held").isEqualTo(3);
            rounds.add(Set.copyOf(guard.keptInRound));
        }
        assertThat(rounds).as("one claim per round, each every third round").containsExactly(
                Set.of(1L), Set.of(2L), Set.of(3L), Set.of(1L), Set.of(2L), Set.of(3L), Set.of(1L), Set.of(2L), Set.of(3L));
        assertThat(guard.longestUnkept()).as("each claim's time moves every few seconds").isLessThanOrEqualTo(AnswerClaim.KEEP_ALIVE);
        assertThat(AnswerClaim.KEEP_ALIVE.multipliedBy(3)).as("two rounds lost to a busy database do not let another node take over")
                .isLessThan(AnswerClaim.EXPIRY);

        second.release();
        first.release();
        clock.advance(AnswerClaim.KEEP_ALIVE); // all three due by now
        guard.keptInRound.clear();
        assertThat(live.keepAlive()).isEqualTo(1);
        assertThat(guard.keptInRound).as("released claims are not kept alive").containsExactly(3L);
    }

    @Test
    void aRoundThatComesLateKeepsEveryClaimAliveThatIsDue() {
        made(1);
        made(2);
        clock.advance(AnswerClaim.KEEP_ALIVE.plus(Duration.ofMillis(2500))); // the timer was held up by a busy database
        guard.keptInRound.clear();
        live.keepAlive();
        assertThat(guard.keptInRound).containsExactlyInAnyOrder(1L, 2L);
        assertThat(guard.statements).as("in one statement").isEqualTo(1);
    }

    @Test
    void aNewChatWhoseInsertAndCommitWereSlowIsKeptAliveFromTheTimeItsRowHolds() {
        Instant inserted = clock.instant();
        guard.lastKept.put(7L, inserted);
        clock.advance(Duration.ofMillis(2500)); // the chat's statements and commit waited for a busy database
        live.heldFromCreation(7L, "owner-7", inserted);
        clock.advance(AnswerClaim.ROUND);
        guard.keptInRound.clear();
        live.keepAlive();
        assertThat(guard.keptInRound).as("due a KEEP_ALIVE after the row's time, not after the claim was handed on")
                .containsExactly(7L);
        assertThat(guard.longestUnkept()).isLessThanOrEqualTo(AnswerClaim.KEEP_ALIVE.plus(AnswerClaim.ROUND));
    }

    /** A new chat's claim, set by the chat's insert (its time noted as the guard's). */
    private AnswerClaim made(long chatId) {
        guard.lastKept.put(chatId, clock.instant());
        return live.heldFromCreation(chatId, "owner-" + chatId, clock.instant());
    }

    /** Claims that always succeed; records what each round keeps alive and the longest time a claim waited for it. */
    private final class RecordingGuard implements AnswerGuardPort {
        final List<Long> keptInRound = new ArrayList<>();
        final Map<Long, Instant> lastKept = new HashMap<>();
        Duration longest = Duration.ZERO;
        int statements;

        @Override
        public boolean claim(long chatId, String owner, Instant now, Instant staleBefore) {
            lastKept.put(chatId, now);
            return true;
        }

        @Override
        public void keepAlive(long chatId, String owner, Instant now) {
            throw new AssertionError("a round keeps its claims alive in one statement");
        }

        @Override
        public void keepAllAlive(Map<Long, String> claims, Instant now) {
            statements++;
            for (long chatId : claims.keySet()) {
                Instant before = lastKept.get(chatId);
                Duration waited = Duration.between(before, now);
                longest = waited.compareTo(longest) > 0 ? waited : longest;
                lastKept.put(chatId, now);
                keptInRound.add(chatId);
            }
        }

        Duration longestUnkept() {
            return longest;
        }

        @Override
        public void release(long chatId, String owner) {
            lastKept.remove(chatId);
        }
    }
}
