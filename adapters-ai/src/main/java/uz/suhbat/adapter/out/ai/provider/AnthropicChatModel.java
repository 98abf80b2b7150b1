package uz.suhbat.adapter.out.ai.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.suhbat.adapter.out.ai.UpstreamFailure;
import uz.suhbat.adapter.out.ai.UpstreamStreams;
import uz.suhbat.application.port.out.ai.ChatModelPort;

/**
 * Claude, through Anthropic's Messages API and langchain4j's streaming Anthropic client, one client
 * per model id. A system turn goes into the request's {@code system} field; usage is the input
 * tokens of {@code message_start} and the output tokens of the last {@code message_delta}. The
 * models are listed from {@code GET /v1/models}, page by page.
 *
 * <p>Like the OpenAI adapter, a cancel before the first piece abandons the answer at once, but its
 * HTTP call only when the first event arrives: langchain4j hands out a stream's handle only with
 * an event. Close the instance when its connection goes away.
 */
public final class AnthropicChatModel implements ChatModelPort, ModelCatalog, AutoCloseable {

    public static final String PUBLIC_BASE_URL = "https://api.anthropic.com/v1";
    /** The API version langchain4j speaks, sent as {@code anthropic-version}. */
    static final String API_VERSION = "2023-06-01";
    /** Anthropic requires a cap on the answer; every current Claude model allows at least this many. */
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 4096;
    private static final Logger log = LoggerFactory.getLogger(AnthropicChatModel.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Streaming NOTHING_TO_CANCEL = () -> { };

    private final ProviderSettings settings;
    private final String baseUrl;
    private final int maxOutputTokens;
    private final UpstreamStreams streams = new UpstreamStreams("anthropic-scheduler");
    private final Map<String, StreamingChatModel> models = new ConcurrentHashMap<>();

    public AnthropicChatModel(ProviderSettings settings) {
        this(settings, DEFAULT_MAX_OUTPUT_TOKENS);
    }

    /** {@code maxOutputTokens} is sent as {@code max_tokens}, which Anthropic requires. */
    public AnthropicChatModel(ProviderSettings settings, int maxOutputTokens) {
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
        this.settings = settings;
        this.baseUrl = settings.baseUrlOr(PUBLIC_BASE_URL);
        this.maxOutputTokens = maxOutputTokens;
    }

    @Override
    public boolean configured() {
        return settings.configured();
    }

    @Override
    public Streaming stream(Prompt prompt, AnswerSink sink) {
        if (!configured()) {
            sink.failed(new Failure(FailureKind.NOT_CONFIGURED, "no Anthropic API key is configured"));
            return NOTHING_TO_CANCEL;
        }
        ChatRequest request = ChatRequest.builder().messages(Conversations.messages(prompt.turns())).build();
        return streams.stream(modelFor(prompt.model()), request, sink, settings.maxAttempts(), settings.maxBackoff(),
                ProviderFailures::anthropic, (failure, attempts) -> log.warn(
                        "chat model failed: provider=anthropic kind={} status={} model={} attempts={} detail={}",
                        failure.kind(), failure.status(), prompt.model(), attempts, failure.detail()));
    }

    /** {@code GET /v1/models}, following {@code has_more}/{@code last_id} through every page. */
    @Override
    public List<String> modelIds() {
        if (!configured()) {
            throw new ModelCatalogException(FailureKind.NOT_CONFIGURED, "no Anthropic API key is configured");
        }
        HttpClient http = streams.httpClientBuilder()
                .connectTimeout(settings.timeout())
                .readTimeout(settings.timeout())
                .build();
        List<String> ids = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            JsonNode body = get(http, baseUrl + "/models?limit=1000"
                    + (after == null ? "" : "&after_id=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            body.path("data").forEach(model -> {
                String id = model.path("id").asText("");
                if (!id.isBlank()) {
                    ids.add(id);
                }
            });
            after = body.path("last_id").asText(null);
            if (!body.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        return List.copyOf(ids);
    }

    @Override
    public void close() {
        streams.close();
    }

    private JsonNode get(HttpClient http, String url) {
        HttpRequest request = HttpRequest.builder()
                .method(HttpMethod.GET)
                .url(url)
                .addHeader("x-api-key", settings.apiKey())
                .addHeader("anthropic-version", API_VERSION)
                .build();
        try {
            return JSON.readTree(http.execute(request).body());
        } catch (RuntimeException | com.fasterxml.jackson.core.JacksonException e) {
            UpstreamFailure failure = ProviderFailures.anthropic(e);
            throw new ModelCatalogException(failure.kind(), "listing Anthropic models failed: " + failure.detail());
        }
    }

    private StreamingChatModel modelFor(String modelId) {
        return models.computeIfAbsent(modelId, id -> AnthropicStreamingChatModel.builder()
                .httpClientBuilder(new StreamEnds(streams.httpClientBuilder(),
                        event -> "message_stop".equals(event.event()) || "error".equals(event.event()),
                        event -> null))
                .baseUrl(baseUrl)
                .apiKey(settings.apiKey())
                .version(API_VERSION)
                .modelName(id)
                .maxTokens(maxOutputTokens)
                .timeout(settings.timeout())
                .build());
    }
}
