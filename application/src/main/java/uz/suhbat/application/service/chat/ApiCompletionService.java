package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.ApiCaller;
import uz.suhbat.application.port.in.chat.AnswerUseCase;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.api.ApiUsageRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.chat.ContextWindow;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.DailyQuota;

/**
 * A completion through the OpenAI-compatible API, with the chat screen's rules: the same checks of the writer
 * ({@link Refusals}), the same models ({@link ModelCatalog}: a PDF model is grounded through {@link PdfModels}, that is
 * {@code KnowledgeGrounding}, and answered by its base model), the same daily quota ({@link DailyCount}: one request
 * counts as one message) and the same model port. Nothing becomes a chat: the request and its tokens are counted under
 * the key ({@link ApiUsageRepository}), and the question and answer are kept only when {@code storeContent} is on.
 */
public final class ApiCompletionService implements ApiCompletionUseCase {

    private final UserRepository users;
    private final ChatModelPort model;
    private final ModelCatalog catalog;
    private final PdfModels pdfModels;
    private final DailyCount daily;
    private final ApiUsageRepository usage;
    private final boolean storeContent;
    private final Clock clock;

    public ApiCompletionService(UserRepository users, ChatModelPort model, ModelCatalog catalog, PdfModels pdfModels,
                                DailyQuotaPort quotas, ApiUsageRepository usage, boolean storeContent, Clock clock) {
        this.users = users;
        this.model = model;
        this.catalog = catalog;
        this.pdfModels = pdfModels;
        this.daily = new DailyCount(quotas, clock);
        this.usage = usage;
        this.storeContent = storeContent;
        this.clock = clock;
    }

    @Override
    public List<ModelOption> models(long userId) {
        return catalog.options();
    }

    @Override
    public Outcome complete(ApiCaller caller, Request request, Listener listener) {
        Optional<AnswerUseCase.Refusal> writer = Refusals.writer(users.findById(caller.userId()), model);
        if (writer.isPresent()) {
            return refused(switch (writer.get()) {
                case BLOCKED, NOT_FOUND -> ApiCompletionUseCase.Refusal.BLOCKED;
                case EMAIL_NOT_VERIFIED -> ApiCompletionUseCase.Refusal.EMAIL_NOT_VERIFIED;
                default -> ApiCompletionUseCase.Refusal.MODEL_NOT_CONFIGURED;
            });
        }
        Optional<String> question = lastQuestion(request.messages());
        if (question.isEmpty() || request.messages().stream().anyMatch(t -> t.content().length() > Refusals.MAX_CONTENT)) {
            return refused(ApiCompletionUseCase.Refusal.INVALID_MESSAGES);
        }
        Optional<ModelCatalog.ModelChoice> found = catalog.choose(request.model());
        if (found.isEmpty()) {
            return refused(ApiCompletionUseCase.Refusal.UNKNOWN_MODEL);
        }
        ModelCatalog.ModelChoice choice = found.get();
        if (!ContextWindow.fits(choice.windowTokens(), request.messages().stream().map(Turn::content).toList())) {
            return refused(ApiCompletionUseCase.Refusal.CONTEXT_TOO_LONG);
        }
        Instant now = clock.instant();
        DailyCount.Counted counted = daily.count(caller.userId(), now);
        if (counted.refused()) {
            return new Outcome.Refused(ApiCompletionUseCase.Refusal.DAILY_QUOTA_REACHED, counted.allowance());
        }
        List<ChatModelPort.Turn> turns = new ArrayList<>();
        if (choice.pdf().isPresent()) {
            PdfModels.Grounding grounding = pdfModels.ground(choice.pdf().get(), question.get());
            turns.add(new ChatModelPort.Turn(Role.SYSTEM, grounding.systemPrompt()));
            List<SourceView> shown = grounding.sources().stream().map(SourceView::of).toList();
            AnswerStarter.tell(() -> listener.sources(shown));
        }
        for (Turn turn : request.messages()) {
            turns.add(new ChatModelPort.Turn(turn.role(), turn.content()));
        }
        ApiAnswer answer = new ApiAnswer(caller, choice.id(), question.get(), DailyQuota.dayOf(now), listener);
        ChatModelPort.Streaming streaming = model.stream(new ChatModelPort.Prompt(choice.answeringModel(), turns), answer);
        answer.attach(streaming);
        return new Outcome.Started(answer::stop);
    }

    private static Outcome refused(ApiCompletionUseCase.Refusal reason) {
        return new Outcome.Refused(reason, Optional.empty());
    }

    /** The last message of the user, which grounds a PDF model's answer; a conversation needs one that is not blank. */
    private static Optional<String> lastQuestion(List<Turn> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == Role.USER) {
                return messages.get(i).content().isBlank() ? Optional.empty() : Optional.of(messages.get(i).content());
            }
        }
        return Optional.empty();
    }

    /** One API answer: passed on piece by piece, counted once when it ends however it ends. */
    private final class ApiAnswer implements ChatModelPort.AnswerSink {

        private final ApiCaller caller;
        private final String modelId;
        private final String question;
        private final LocalDate day;
        private final Listener listener;
        private final StringBuilder text = new StringBuilder();
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile ChatModelPort.Streaming streaming;

        ApiAnswer(ApiCaller caller, String modelId, String question, LocalDate day, Listener listener) {
            this.caller = caller;
            this.modelId = modelId;
            this.question = question;
            this.day = day;
            this.listener = listener;
        }

        void attach(ChatModelPort.Streaming running) {
            streaming = running;
            if (finished.get()) {
                running.cancel();
            }
        }

        /** The client went away: the request counts, with the tokens nobody will report. */
        void stop() {
            if (finished.compareAndSet(false, true)) {
                ChatModelPort.Streaming running = streaming;
                if (running != null) {
                    running.cancel();
                }
                count(ChatModelPort.TokenUsage.UNKNOWN);
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
            try {
                listener.delta(piece);
            } catch (RuntimeException gone) {
                stop();
            }
        }

        @Override
        public void completed(ChatModelPort.TokenUsage tokens) {
            if (finished.compareAndSet(false, true)) {
                count(tokens);
                AnswerStarter.tell(() -> listener.done(tokens.input(), tokens.output()));
            }
        }

        @Override
        public void failed(ChatModelPort.Failure failure) {
            if (finished.compareAndSet(false, true)) {
                count(ChatModelPort.TokenUsage.UNKNOWN);
                AnswerStarter.tell(() -> listener.failed(AnswerFailures.of(failure.kind())));
            }
        }

        private void count(ChatModelPort.TokenUsage tokens) {
            usage.record(caller.keyId(), day, modelId, tokens.input(), tokens.output());
            if (storeContent) {
                String answer;
                synchronized (text) {
                    answer = text.toString();
                }
                usage.storeExchange(caller.keyId(), clock.instant(), modelId, question, answer);
            }
        }
    }
}
