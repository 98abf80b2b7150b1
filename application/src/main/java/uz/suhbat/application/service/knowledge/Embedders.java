package uz.suhbat.application.service.knowledge;

import java.util.List;
import java.util.function.Function;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.domain.knowledge.EmbeddingKind;

/** The embedders the knowledge services use: the configured kinds, or one embedder for every kind (tests, older wiring). */
record Embedders(List<EmbeddingKind> available, Function<EmbeddingKind, EmbeddingPort> of) {

    static Embedders of(EmbeddingModelsPort port) {
        return new Embedders(List.copyOf(port.available()), port::of);
    }

    static Embedders single(EmbeddingPort embeddings) {
        return new Embedders(List.of(EmbeddingKind.MINILM), kind -> embeddings);
    }

    EmbeddingPort embedder(EmbeddingKind kind) {
        return of.apply(kind);
    }
}
