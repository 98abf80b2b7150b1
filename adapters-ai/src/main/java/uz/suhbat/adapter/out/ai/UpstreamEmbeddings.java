package uz.suhbat.adapter.out.ai;

import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.time.Duration;
import java.util.List;
import uz.suhbat.adapter.out.ai.isolated.ModelVectors;

/**
 * The upstream's OpenAI-compatible {@code POST /v1/embeddings} (e.g. {@code text-embedding-3-small}),
 * through langchain4j's {@link OpenAiEmbeddingModel}, at the chat's base URL with its key. Multilingual,
 * so Uzbek and Russian questions find their passages by meaning too; every question costs one request.
 */
final class UpstreamEmbeddings extends CalibratedEmbeddings {

    private final String modelName;
    private final OpenAiEmbeddingModel model;

    UpstreamEmbeddings(OpenAiSettings openAi, EmbeddingSettings settings) {
        this.modelName = settings.upstreamModel();
        OpenAiEmbeddingModel.OpenAiEmbeddingModelBuilder builder = OpenAiEmbeddingModel.builder()
                .baseUrl(openAi.baseUrl())
                .apiKey(openAi.apiKey().isBlank() ? "none" : openAi.apiKey())
                .modelName(modelName)
                .timeout(Duration.ofSeconds(60))
                .maxRetries(openAi.maxAttempts() - 1)
                .maxSegmentsPerBatch(64);
        if (settings.upstreamDimensions() > 0) {
            builder.dimensions(settings.upstreamDimensions());
        }
        this.model = builder.build();
    }

    @Override
    List<float[]> vectors(List<String> texts) {
        return ModelVectors.of(model, texts);
    }

    @Override
    public String modelId() {
        return "upstream:" + modelName;
    }
}
