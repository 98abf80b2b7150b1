package uz.suhbat.application.service.chat;

import java.time.Clock;
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
 * One answer on its way: passes pieces to the listener as they come and stores the answer once,
 * complete or, when it is cut short, as far as it got ("interrupted").
 */
final class Answer implements ChatModelPort.AnswerSink {

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
        claim.keepAlive();
        synchronized (text) {
            text.append(piece);
        }
        if (!listenerGone) {
            try {
                listener.delta(piece);
            } catch (RuntimeException gone) {
                listenerGone = true;
                stop();
            }
        }
    }

    @Override
    public void completed(ChatModelPort.TokenUsage usage) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Message stored;
        try {
            stored = chats.appendAssistantMessage(chat.id(), questionRank, content(), MessageStatus.COMPLETE, answeringModel,
                    usage.input(), usage.output(), sources, clock.instant());
        } finally {
            claim.release(); // stored (or failed to store): the chat takes its next answer
        }
        tell(() -> listener.done(new AnswerListener.Done(stored.rank(), chat.used(), chat.limit().value(), chat.readOnly(), usage.input(), usage.output(),
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
        String partial = content();
        if (!partial.isBlank()) {
            chats.appendAssistantMessage(chat.id(), questionRank, partial, MessageStatus.INTERRUPTED, answeringModel, 0, 0, sources, clock.instant());
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
