package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;

/**
 * One answer on its way: passes pieces to the listener as they come and stores the answer as it grows, as an
 * interrupted message, so that a node that dies mid-answer leaves what the user already saw, marked interrupted, which
 * regenerate then replaces. The row is made once the answer is a {@link #SAVE_EVERY} old (by the piece that comes then,
 * or by the node's round when the model pauses); after that the node's round ({@link AnswerClaim.Live}, every
 * {@link AnswerClaim#ROUND}) brings the text of the running answers whose last save is {@link #SAVE_TEXT_EVERY} old up
 * to date in one batch ({@link ChatRepository#saveAnswersSoFar}): no statement per piece, none per answer and second,
 * and a node that dies loses at most the last {@link #SAVE_TEXT_EVERY} and a round of an answer. The end brings the
 * same row up to date: complete or, when it is cut short, as far as it got ("interrupted").
 */
final class Answer implements ChatModelPort.AnswerSink {

    /** The age at which an answer's row is made; after that the node's round saves its text every {@link #SAVE_TEXT_EVERY}. */
    static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    /**
     * How often the node's round saves a running answer's grown text: each answer from its own row's time, so that a round
     * saves about a third of the running answers (docs/benchmarks.md, "Session 8: sustained streaming"; it was every round,
     * a second, before).
     */
    static final Duration SAVE_TEXT_EVERY = Duration.ofSeconds(3);

    private final Chat chat;
    /** The rank of the question answered: the answer is stored as its answer (a version, when it had one). */
    private final int questionRank;
    private final String answeringModel;
    private final List<Message.Source> sources;
    private final AnswerListener listener;
    private final ChatRepository chats;
    private final Clock clock;
    private final Optional<DailyAllowance> today;
    private final AnswerClaim claim;
    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ChatModelPort.Streaming streaming;
    private volatile boolean listenerGone;
    /** Serialises the writes of the stored row: a save in progress and the final write never cross. */
    private final Object store = new Object();
    private volatile Integer storedRank; // written holding store: the row, once the first save made it
    private int savedLength; // guarded by store
    private Instant savedAt; // guarded by store: when the stored row last got the text
    private final Instant startedAt;

    Answer(Chat chat, int questionRank, String answeringModel, List<Message.Source> sources, AnswerListener listener, ChatRepository chats, Clock clock,
           Optional<DailyAllowance> today, AnswerClaim claim) {
        this.claim = claim;
        this.chat = chat;
        this.questionRank = questionRank;
        this.answeringModel = answeringModel;
        this.sources = sources;
        this.listener = listener;
        this.chats = chats;
        this.clock = clock;
        this.today = today;
        this.startedAt = clock.instant();
        claim.eachRound(this::textSoFar);
    }

    /**
     * From the node's round: the text that arrived since the last save, for the round's one batch, once the row is made
     * (made here, on its own, when the model paused through the first second); empty when there is nothing to save.
     */
    Optional<AnswerClaim.Unsaved> textSoFar() {
        if (finished.get()) {
            return Optional.empty();
        }
        if (rowDue()) {
            makeRow();
            return Optional.empty();
        }
        synchronized (store) {
            Instant now = clock.instant();
            // a round that runs a little early still counts (the round's period is a second)
            if (finished.get() || storedRank == null || now.isBefore(savedAt.plus(SAVE_TEXT_EVERY).minus(AnswerClaim.ROUND.dividedBy(2)))) {
                return Optional.empty();
            }
            String soFar = content();
            if (soFar.length() <= savedLength) {
                return Optional.empty();
            }
            int length = soFar.length();
            return Optional.of(new AnswerClaim.Unsaved(new ChatRepository.AnswerSoFar(chat.id(), storedRank, soFar, now), () -> {
                synchronized (store) {
                    savedLength = Math.max(savedLength, length);
                    savedAt = savedAt.isAfter(now) ? savedAt : now;
                }
            }));
        }
    }

    private boolean rowDue() {
        return storedRank == null && !clock.instant().isBefore(startedAt.plus(SAVE_EVERY));
    }

    void attach(ChatModelPort.Streaming running) {
        this.streaming = running;
        if (finished.get()) {
            running.cancel();
        }
    }

    /** Stop button or a closed browser: keep what arrived. */
    void stop() {
        if (finished.compareAndSet(false, true)) {
            ChatModelPort.Streaming running = streaming;
            if (running != null) {
                running.cancel();
            }
            try {
                storePartial();
            } finally {
                claim.release();
            }
        }
    }

    @Override
    public void delta(String piece) {
        if (finished.get()) {
            return;
        }
        synchronized (text) {
            text.append(piece);
        }
        if (!listenerGone) {
            try {
                listener.delta(piece);
            } catch (RuntimeException gone) {
                listenerGone = true;
                stop();
                return;
            }
        }
        // after the piece went out, so that saving never delays what the user sees; later saves are the node round's
        if (rowDue()) {
            makeRow();
        }
    }

    /** The text so far, stored as an interrupted answer in a new row: once per answer, the round updates it after. */
    private void makeRow() {
        synchronized (store) {
            if (finished.get() || storedRank != null) {
                return; // the final write does it, or another thread made it
            }
            String soFar = content();
            if (soFar.isBlank()) {
                return;
            }
            try {
                write(soFar, MessageStatus.INTERRUPTED, 0, 0);
            } catch (RuntimeException databaseHiccup) {
                // the answer goes on; the next save or the final write stores the text
            }
        }
    }

    /** Stores the answer: a new row the first time, the same row afterwards. Call holding {@link #store}. Returns its rank. */
    private int write(String content, MessageStatus status, int inputTokens, int outputTokens) {
        Instant now = clock.instant();
        if (storedRank == null || !chats.updateAssistantMessage(chat.id(), storedRank, content, status, inputTokens, outputTokens, now)) {
            storedRank = chats.appendAssistantMessage(chat.id(), questionRank, content, status, answeringModel, inputTokens, outputTokens, sources, now).rank();
        }
        savedLength = content.length();
        savedAt = now;
        return storedRank;
    }

    @Override
    public void completed(ChatModelPort.TokenUsage usage) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        int rank;
        try {
            synchronized (store) {
                rank = write(content(), MessageStatus.COMPLETE, usage.input(), usage.output());
            }
        } finally {
            claim.release(); // stored (or failed to store): the chat takes its next answer
        }
        tell(() -> listener.done(new AnswerListener.Done(rank, chat.used(), chat.limit().value(), chat.readOnly(), usage.input(), usage.output(),
                today)));
    }

    @Override
    public void failed(ChatModelPort.Failure failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            storePartial();
            if (failure.kind() == ChatModelPort.FailureKind.CONTEXT_TOO_LONG) {
                chats.close(chat.id(), Chat.ClosedReason.CONTEXT_FULL);
            }
        } finally {
            claim.release();
        }
        tell(() -> listener.failed(AnswerFailures.of(failure.kind())));
    }

    private void storePartial() {
        synchronized (store) {
            String partial = content();
            if (!partial.isBlank() && (storedRank == null || partial.length() != savedLength)) {
                write(partial, MessageStatus.INTERRUPTED, 0, 0);
            }
        }
    }

    private String content() {
        synchronized (text) {
            return text.toString();
        }
    }

    private void tell(Runnable call) {
        if (listenerGone) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException gone) {
            listenerGone = true;
        }
    }
}
