package uz.suhbat.adapter.out.ai.isolated;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of a langchain4j embedding model, one per text, in order. Loaded by the application's class loader and
 * public, so that both the upstream embeddings and {@link OnnxModelRuntime} (inside {@link RuntimeClassLoader}, which
 * takes langchain4j's core types from the application's loader too) use this one copy.
 */
public final class ModelVectors {

    private ModelVectors() {
    }

    public static List<float[]> of(EmbeddingModel model, List<String> texts) {
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }
}
