package uz.suhbat.adapter.out.ai;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.domain.knowledge.EmbeddingKind;

/** MiniLM always; the upstream's embeddings and a local ONNX model when {@link EmbeddingSettings} name them. */
final class ConfiguredEmbeddingModels implements EmbeddingModelsPort {

    private final Map<EmbeddingKind, EmbeddingPort> embedders = new EnumMap<>(EmbeddingKind.class);

    ConfiguredEmbeddingModels(EmbeddingPort miniLm, OpenAiSettings openAi, EmbeddingSettings settings) {
        embedders.put(EmbeddingKind.MINILM, miniLm);
        if (settings.upstream()) {
            embedders.put(EmbeddingKind.UPSTREAM, new UpstreamEmbeddings(openAi, settings));
        }
        if (settings.onnx()) {
            embedders.put(EmbeddingKind.ONNX, new OnnxEmbeddings(settings));
        }
    }

    @Override
    public List<EmbeddingKind> available() {
        return new ArrayList<>(embedders.keySet());
    }

    @Override
    public EmbeddingPort of(EmbeddingKind kind) {
        EmbeddingPort embedder = embedders.get(kind);
        if (embedder == null) {
            throw new NotConfiguredException(kind);
        }
        return embedder;
    }
}
