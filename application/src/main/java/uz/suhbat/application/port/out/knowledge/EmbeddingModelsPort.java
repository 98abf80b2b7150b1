package uz.suhbat.application.port.out.knowledge;

import java.util.List;
import uz.suhbat.domain.knowledge.EmbeddingKind;

/**
 * The embedding models this installation offers, one per {@link EmbeddingKind}: in-process MiniLM
 * always, the upstream's {@code /v1/embeddings} and a local ONNX model when configured. A PDF model is
 * read, and its questions embedded, by the kind chosen when it was created.
 */
public interface EmbeddingModelsPort {

    /** The kinds configured here, MiniLM (the default) first. */
    List<EmbeddingKind> available();

    /** The embedder of {@code kind}; {@link NotConfiguredException} when this installation does not offer it. */
    EmbeddingPort of(EmbeddingKind kind);

    /** A model's embedding kind is not configured on this node (its .env keys are missing). */
    final class NotConfiguredException extends IllegalStateException {
        public NotConfiguredException(EmbeddingKind kind) {
            super("embedding kind " + kind + " is not configured on this node (see EMBEDDING_* in .env.example)");
        }
    }
}
