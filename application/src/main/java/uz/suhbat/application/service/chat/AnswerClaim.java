package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;

/**
 * One answer's hold on its chat ("one answer per chat at a time", {@link AnswerGuardPort}): taken before anything is
 * counted or stored, kept alive while the answer streams, released once when it ends (stored, failed or stopped).
 */
final class AnswerClaim {

    /** A claim not kept alive for this long belongs to an answer whose node stopped; another answer may take over. */
    static final Duration EXPIRY = Duration.ofMinutes(5);
    /** How often a streaming answer moves its claim's time forward (at most; only while pieces arrive). */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);

    private final AnswerGuardPort guard;
    private final Clock clock;
    private final long chatId;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile Instant keptAliveAt;

    private AnswerClaim(AnswerGuardPort guard, Clock clock, long chatId, Instant now) {
        this.guard = guard;
        this.clock = clock;
        this.chatId = chatId;
        this.keptAliveAt = now;
    }

    /** The chat's claim for a new answer, or empty while another answer holds it. */
    static Optional<AnswerClaim> take(AnswerGuardPort guard, Clock clock, long chatId) {
        Instant now = clock.instant();
        AnswerClaim claim = new AnswerClaim(guard, clock, chatId, now);
        return guard.claim(chatId, claim.owner, now, now.minus(EXPIRY)) ? Optional.of(claim) : Optional.empty();
    }

    /** Called as pieces arrive; writes at most once per {@link #KEEP_ALIVE}. */
    void keepAlive() {
        Instant now = clock.instant();
        if (!released.get() && now.isAfter(keptAliveAt.plus(KEEP_ALIVE))) {
            keptAliveAt = now;
            try {
                guard.keepAlive(chatId, owner, now);
            } catch (RuntimeException databaseHiccup) {
                // the answer goes on; at worst its claim expires early and the chat takes another answer sooner
            }
        }
    }

    /** Idempotent. A failure to release leaves the claim to expire. */
    void release() {
        if (released.compareAndSet(false, true)) {
            try {
                guard.release(chatId, owner);
            } catch (RuntimeException databaseHiccup) {
                // expires after EXPIRY
            }
        }
    }
}
