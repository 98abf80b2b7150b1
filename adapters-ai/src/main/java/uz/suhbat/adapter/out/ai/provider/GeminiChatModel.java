package uz.suhbat.adapter.out.ai.provider;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.catalog.ModelType;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.googleai.GoogleAiGeminiModelCatalog;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.suhbat.adapter.out.ai.UpstreamFailure;
import uz.suhbat.adapter.out.ai.UpstreamStreams;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/**
 * Gemini, through Google's Gemini API ({@code models/{model}:streamGenerateContent?alt=sse}) and
 * langchain4j's streaming Gemini client, one client per model id. A system turn becomes the
 * request's {@code systemInstruction}; usage is the last chunk's {@code usageMetadata}. The key
 * goes in the {@code x-goog-api-key} header. The models are listed from {@code GET /v1beta/models}
 * (every page), keeping those that can {@code generateContent}.
 *
 * <p>Like the OpenAI adapter, a cancel before the first piece abandons the answer at once, but its
 * HTTP call only when the first chunk arrives (langchain4j hands out a stream's handle only with a
 * chunk). Close the instance when its connection goes away.
 */
public final class GeminiChatModel implements ChatModelPort, ModelCatalog, AutoCloseable {

    public static final String PUBLIC_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";
    private static final Logger log = LoggerFactory.getLogger(GeminiChatModel.class);
    private static final Streaming NOTHING_TO_CANCEL = () -> { };
    /** A chunk that is an error body rather than a GenerateContentResponse. */
    private static final java.util.regex.Pattern ERROR_CHUNK = java.util.regex.Pattern.compile("^\\s*\\{\\s*\"error\"\\s*:");

    private final ProviderSettings settings;
    private final String baseUrl;
    private final UpstreamStreams streams = new UpstreamStreams("gemini-scheduler");
    private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();

    public GeminiChatModel(ProviderSettings settings) {
        this.settings = settings;
        this.baseUrl = settings.baseUrlOr(PUBLIC_BASE_URL);
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Streaming stream(Prompt prompt, AnswerSink sink) {
        if (!configured()) {
            sink.failed(new Failure(FailureKind.NOT_CONFIGURED, "no Gemini API key is configured"));
            return NOTHING_TO_CANCEL;
        }
        ChatRequest request = ChatRequest.builder()
                .messages(Conversations.messages(prompt.turns()))
                .build();
        return streams.stream(modelFor(prompt.model()), request, sink, settings.maxAttempts(), settings.maxBackoff(),
                ProviderFailures::gemini, (failure, attempts) -> log.warn(
                        "chat model failed: provider=gemini kind={} status={} model={} attempts={} detail={}",
                        failure.kind(), failure.status(), prompt.model(), attempts, failure.detail()));
    }

    /** {@code GET /v1beta/models} through langchain4j's catalog, which follows {@code nextPageToken}; chat models only. */
    @Override
    public List<String> modelIds() {
        if (!configured()) {
            throw new ModelCatalogException(FailureKind.NOT_CONFIGURED, "no Gemini API key is configured");
        }
        GoogleAiGeminiModelCatalog catalog = GoogleAiGeminiModelCatalog.builder()
                .httpClientBuilder(streams.httpClientBuilder())
                .baseUrl(baseUrl)
                .apiKey(settings.apiKey())
                .timeout(settings.timeout())
                .build();
        try {
            return catalog.listModels().stream()
                    .filter(model -> model.type() == ModelType.CHAT)
                    .map(ModelDescription::name)
                    .toList();
        } catch (RuntimeException e) {
            UpstreamFailure failure = ProviderFailures.gemini(e);
            throw new ModelCatalogException(failure.kind(), "listing Gemini models failed: " + failure.detail());
        }
    }

    @Override
    public void close() {
        streams.close();
    }

    private StreamingChatModel modelFor(String modelId) {
        return models.computeIfAbsent(modelId, id -> GoogleAiGeminiStreamingChatModel.builder()
                // the module completes the answer itself when the stream closes; a chunk may carry an error instead
                .httpClientBuilder(new StreamEnds(streams.httpClientBuilder(), event -> true, GeminiChatModel::errorIn))
                .baseUrl(baseUrl)
                .apiKey(settings.apiKey())
                .modelName(id)
                .timeout(settings.timeout())
                .build());
    }

    private static RuntimeException errorIn(ServerSentEvent event) {
        String data = event.data();
        return data != null && ERROR_CHUNK.matcher(data).find() ? ProviderFailures.geminiStreamError(data) : null;
    }
}
