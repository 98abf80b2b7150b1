package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatRepository;

/**
 * One answer's hold on its chat ("one answer per chat at a time", {@link AnswerGuardPort}): taken before anything is
 * counted or stored, kept alive while the answer runs, released once when it ends (stored, failed or stopped).
 * The node's round ({@link Live#keepAlive}, every {@link #ROUND}) keeps the claims of its answers alive, whether or not
 * their model has sent anything yet: each claim every {@link #KEEP_ALIVE}, the claims due in one statement; a claim that
 * stops being kept alive (its node died) may be taken over after {@link #EXPIRY}, so that the user carries on through
 * another node within seconds. The same round saves, in one batch, the text of the node's running answers that grew
 * since their last save (each answer's about every {@link Answer#SAVE_TEXT_EVERY}).
 * <p>
 * Each claim and each answer keeps its own phase (from its start), so that a round touches about a third of the running
 * answers' rows, not all of them at once: at a thousand open answers, a few hundred rows a second instead of two thousand
 * (docs/benchmarks.md, "Session 8: sustained streaming").
 */
final class AnswerClaim {

    /** A claim not kept alive for this long belongs to an answer whose node stopped; another answer may take over. */
    static final Duration EXPIRY = Duration.ofSeconds(10);
    /** How often a node's round runs (keep-alives due, answers' rows due, texts due). */
    static final Duration ROUND = Duration.ofSeconds(1);
    /**
     * How often a claim's time is moved forward: a third of {@link #EXPIRY} and less, so that a claim survives two rounds
     * lost to a busy database before another node may take it.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(3);

    private final AnswerGuardPort guard;
    private final long chatId;
    private final String owner;
    private final AtomicBoolean released = new AtomicBoolean();
    /** When the claim's time in the database was last set (taken, or kept alive); read and written by the node's round. */
    private volatile Instant keptAt;
    private final Set<AnswerClaim> live;
    /** At each keep-alive round: the answer's text not yet saved, if any. */
    private volatile Supplier<Optional<Unsaved>> eachRound = Optional::empty;

    /** An answer's text to save in the round's batch; {@code saved} runs once the batch is stored. */
    record Unsaved(ChatRepository.AnswerSoFar text, Runnable saved) {
    }

    private AnswerClaim(AnswerGuardPort guard, long chatId, String owner, Set<AnswerClaim> live, Instant keptAt) {
        this.keptAt = keptAt;
        this.owner = owner;
        this.guard = guard;
        this.chatId = chatId;
        this.live = live;
    }

    /** {@code unsaved} is asked on the node's timer at every keep-alive round while the claim is held. */
    void eachRound(Supplier<Optional<Unsaved>> unsaved) {
        this.eachRound = unsaved;
    }

    /** Idempotent. A failure to release leaves the claim to expire. */
    void release() {
        if (released.compareAndSet(false, true)) {
            live.remove(this);
            try {
                guard.release(chatId, owner);
            } catch (RuntimeException databaseHiccup) {
                // expires after EXPIRY
            }
        }
    }

    /** The claims held by the answers of one node. */
    static final class Live {

        private final AnswerGuardPort guard;
        private final ChatRepository chats;
        private final Clock clock;
        private final Set<AnswerClaim> claims = ConcurrentHashMap.newKeySet();

        Live(AnswerGuardPort guard, ChatRepository chats, Clock clock) {
            this.guard = guard;
            this.chats = chats;
            this.clock = clock;
        }

        /** The chat's claim for a new answer, or empty while another answer holds it. */
        Optional<AnswerClaim> take(long chatId) {
            Instant now = clock.instant();
            AnswerClaim claim = new AnswerClaim(guard, chatId, newOwner(), claims, now);
            claims.add(claim);
            boolean taken = false;
            try {
                taken = guard.claim(chatId, claim.owner, now, now.minus(EXPIRY));
            } finally {
                if (!taken) {
                    claims.remove(claim);
                }
            }
            return taken ? Optional.of(claim) : Optional.empty();
        }

        /** A new claim's owner: random, so that a chat's row matches only while that one claim holds it. */
        static String newOwner() {
            return UUID.randomUUID().toString();
        }

        /**
         * The claim of a chat made already held by {@code owner} (in the insert that made it, with the claim's time
         * {@code claimedAt}): kept alive from that time on, so that a slow insert and commit do not push its first keep-alive
         * further out than {@link #KEEP_ALIVE} after the time its row holds.
         */
        AnswerClaim heldFromCreation(long chatId, String owner, Instant claimedAt) {
            AnswerClaim claim = new AnswerClaim(guard, chatId, owner, claims, claimedAt);
            claims.add(claim);
            return claim;
        }

        /**
         * The node's round: moves the time of the claims held here that are due ({@link #KEEP_ALIVE} since their last) forward,
         * in one statement, then saves the grown text of the answers that are due in one batch; returns how many claims
         * are held.
         */
        int keepAlive() {
            Instant now = clock.instant();
            Instant due = now.minus(KEEP_ALIVE).plus(ROUND.dividedBy(2)); // a round that runs a little early still counts
            List<AnswerClaim> held = claims.stream().filter(c -> !c.released.get()).toList();
            List<AnswerClaim> dueNow = held.stream().filter(c -> !c.keptAt.isAfter(due)).toList();
            if (!dueNow.isEmpty()) {
                guard.keepAllAlive(dueNow.stream().collect(Collectors.toMap(c -> c.chatId, c -> c.owner, (a, b) -> a)), now);
                dueNow.forEach(c -> c.keptAt = now);
            }
            List<Unsaved> unsaved = new ArrayList<>();
            for (AnswerClaim claim : claims) {
                try {
                    claim.eachRound.get().ifPresent(unsaved::add);
                } catch (RuntimeException e) {
                    // one answer's trouble is not the others'
                }
            }
            if (!unsaved.isEmpty()) {
                chats.saveAnswersSoFar(unsaved.stream().map(Unsaved::text).toList());
                unsaved.forEach(u -> u.saved().run());
            }
            return held.size();
        }
    }
}
