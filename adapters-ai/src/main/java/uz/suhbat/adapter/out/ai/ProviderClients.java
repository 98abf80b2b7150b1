package uz.suhbat.adapter.out.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import uz.suhbat.adapter.out.ai.provider.AnthropicChatModel;
import uz.suhbat.adapter.out.ai.provider.GeminiChatModel;
import uz.suhbat.adapter.out.ai.provider.ModelCatalog;
import uz.suhbat.adapter.out.ai.provider.ModelCatalogException;
import uz.suhbat.adapter.out.ai.provider.ProviderSettings;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.domain.provider.ConnectionKind;

/**
 * The factory of connection clients, per kind. OpenAI-compatible: the OpenAI client ({@link OpenAiChatModel}) with the
 * connection's address and key, and its models from {@code GET {base}/models}. Anthropic and Gemini: their clients in
 * {@code provider} ({@link AnthropicChatModel}, {@link GeminiChatModel}), which list their models themselves.
 */
final class ProviderClients implements ProviderClientsPort {

    /**
     * The OpenAI client needs a key: a connection without one (a local Ollama) gets this placeholder, which is never sent
     * (no {@code Authorization} header goes to such a connection).
     */
    static final String NO_KEY = "none";
    private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

    private final OpenAiSettings defaults;

    /**
     * The HTTP client and JSON reader of the model lists, made at the first list, not at start-up: an HTTP client sets up
     * TLS (its classes and the trusted certificates), Jackson 2 loads about 500 classes, and a server whose admin lists no
     * models would carry them for nothing (docs/benchmarks.md, "Session 7: memory").
     */
    private static final class Lister {
        static final ObjectMapper JSON = new ObjectMapper();
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(LIST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @param defaults timeouts, attempts and backoff, as for OPENAI_* (its address and key are not used) */
    ProviderClients(OpenAiSettings defaults) {
        this.defaults = defaults;
    }

    @Override
    public Client open(Endpoint endpoint) {
        return switch (endpoint.kind()) {
            case OPENAI_COMPATIBLE -> {
                boolean withKey = endpoint.apiKey() != null && !endpoint.apiKey().isBlank();
                OpenAiChatModel model = new OpenAiChatModel(new OpenAiSettings(endpoint.baseUrl(), withKey ? endpoint.apiKey() : NO_KEY,
                        defaults.timeout(), defaults.maxAttempts(), defaults.maxBackoff()), withKey);
                yield new Wrapped(model, model::close);
            }
            case ANTHROPIC -> {
                AnthropicChatModel model = new AnthropicChatModel(providerSettings(endpoint));
                yield new Wrapped(model, model::close);
            }
            case GEMINI -> {
                GeminiChatModel model = new GeminiChatModel(providerSettings(endpoint));
                yield new Wrapped(model, model::close);
            }
        };
    }

    private ProviderSettings providerSettings(Endpoint endpoint) {
        return new ProviderSettings(endpoint.baseUrl(), endpoint.apiKey(), defaults.timeout(), defaults.maxAttempts(), defaults.maxBackoff());
    }

    /** Anthropic's and Gemini's own lists ({@code GET /v1/models}, {@code GET /v1beta/models}), through a client made for it. */
    private static List<String> listed(ModelCatalog catalog, AutoCloseable client, Endpoint endpoint) {
        try (client) {
            return catalog.modelIds();
        } catch (ModelCatalogException e) {
            throw new ModelListException(e.kind() == ChatModelPort.FailureKind.AUTHENTICATION ? 401 : 0,
                    "listing the models at " + endpoint.baseUrl() + " failed (" + e.kind() + "): " + e.getMessage());
        } catch (Exception e) {
            throw new ModelListException(0, "listing the models at " + endpoint.baseUrl() + " failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public List<String> listModels(Endpoint endpoint) {
        if (endpoint.kind() == ConnectionKind.ANTHROPIC) {
            AnthropicChatModel model = new AnthropicChatModel(providerSettings(endpoint));
            return listed(model, model, endpoint);
        }
        if (endpoint.kind() == ConnectionKind.GEMINI) {
            GeminiChatModel model = new GeminiChatModel(providerSettings(endpoint));
            return listed(model, model, endpoint);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/models")).timeout(LIST_TIMEOUT)
                .header("Accept", "application/json").GET();
        if (endpoint.apiKey() != null && !endpoint.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        HttpResponse<String> response;
        try {
            response = Lister.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModelListException(0, "cannot reach " + endpoint.baseUrl() + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelListException(0, "interrupted");
        } catch (IllegalArgumentException e) {
            throw new ModelListException(0, "not a usable address: " + endpoint.baseUrl());
        }
        if (response.statusCode() != 200) {
            throw new ModelListException(response.statusCode(), "GET " + endpoint.baseUrl() + "/models answered HTTP " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403 ? " (the key was refused)" : ""));
        }
        try {
            JsonNode data = Lister.JSON.readTree(response.body()).path("data");
            List<String> ids = new ArrayList<>();
            for (JsonNode model : data) {
                if (model.path("id").isTextual()) {
                    ids.add(model.path("id").asText());
                }
            }
            return ids;
        } catch (IOException e) {
            throw new ModelListException(200, "GET " + endpoint.baseUrl() + "/models did not answer with an OpenAI model list");
        }
    }

    /** A client with what releases it. */
    private record Wrapped(ChatModelPort model, Runnable release) implements Client {
        @Override
        public boolean configured() {
            return model.configured();
        }

        @Override
        public Streaming stream(Prompt prompt, AnswerSink sink) {
            return model.stream(prompt, sink);
        }

        @Override
        public void close() {
            release.run();
        }
    }
}
