package uz.suhbat.adapter.out.ai;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/**
 * The chat model behind Suhbat: any OpenAI-compatible chat-completions endpoint, through
 * langchain4j's streaming OpenAI client, one client per model id.
 */
final class OpenAiChatModel implements ChatModelPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpenAiChatModel.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Streaming NOTHING_TO_CANCEL = () -> { };

    private final OpenAiSettings settings;
    private final Backoff backoff;
    private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();
    /** Reads the streams, which block between two pieces of an answer. */
    private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
    /** Starts retries; its tasks are short, so one thread serves every stream. */
    private final ScheduledExecutorService scheduler = scheduler();
    private final boolean withKey;

    OpenAiChatModel(OpenAiSettings settings) {
        this(settings, true);
    }

    /**
     * {@code withKey} false: a connection without a key (a local Ollama, vLLM, LM Studio); langchain4j needs some key, so
     * {@code settings} holds a placeholder, and no {@code Authorization} header is sent.
     */
    OpenAiChatModel(OpenAiSettings settings, boolean withKey) {
        this.settings = settings;
        this.withKey = withKey;
        this.backoff = new Backoff(FIRST_BACKOFF, settings.maxBackoff());
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Streaming stream(Prompt prompt, AnswerSink sink) {
        if (!configured()) {
            sink.failed(new Failure(FailureKind.NOT_CONFIGURED, "no OpenAI API key is configured"));
            return NOTHING_TO_CANCEL;
        }
        ChatRequest.Builder builder = ChatRequest.builder().messages(messages(prompt.turns()));
        if (prompt.temperature() != null) {
            builder.temperature(prompt.temperature());
        }
        ChatRequest request = builder.build();
        AnswerStream answer = new AnswerStream(modelFor(prompt.model()), request, sink, settings.maxAttempts(),
                backoff, scheduler, (failure, attempts) -> log.warn(
                        "chat model failed: kind={} status={} model={} attempts={} detail={}",
                        failure.kind(), failure.status(), prompt.model(), attempts, failure.detail()));
        answer.start();
        return answer;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        readers.shutdownNow();
    }

    private StreamingChatModel modelFor(String modelId) {
        return models.computeIfAbsent(modelId, id -> OpenAiStreamingChatModel.builder()
                .httpClientBuilder(withKey ? new UpstreamHttpClient.Builder(readers)
                        : new UpstreamHttpClient.Builder(readers).withoutAuthorization())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(id)
                .timeout(settings.timeout())
                .build());
    }

    /** Starts the retries of failed attempts; a cancelled retry leaves the queue at once. */
    private static ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor scheduler =
                new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("openai-scheduler").daemon().factory());
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    private static List<ChatMessage> messages(List<Turn> turns) {
        return turns.stream().map(OpenAiChatModel::message).toList();
    }

    /** A question with pictures: its text, then each picture as an {@code image_url} part with a base64 data URL. */
    private static UserMessage withImages(Turn turn) {
        List<Content> parts = new java.util.ArrayList<>();
        parts.add(TextContent.from(turn.content()));
        for (Image image : turn.images()) {
            parts.add(ImageContent.from(Base64.getEncoder().encodeToString(image.content()), image.mediaType()));
        }
        return UserMessage.from(parts);
    }

    private static ChatMessage message(Turn turn) {
        return switch (turn.role()) {
            case SYSTEM -> SystemMessage.from(turn.content());
            case USER -> turn.images().isEmpty() ? UserMessage.from(turn.content()) : withImages(turn);
            case ASSISTANT -> AiMessage.from(turn.content());
        };
    }
}
