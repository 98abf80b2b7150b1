package uz.suhbat.application.service.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * The passages of each knowledge model, held in memory for search: loaded from MySQL once per
 * model (at start-up for launched models, else on first use), so a question never reads all
 * passages from the database.
 */
public final class KnowledgeLibrary {

    private final KnowledgeModelRepository models;
    private final EmbeddingPort embeddings;
    private final int topK;
    private final double minScore;
    private final Map<Long, KnowledgeIndex> indexes = new ConcurrentHashMap<>();

    public KnowledgeLibrary(KnowledgeModelRepository models, EmbeddingPort embeddings, int topK, double minScore) {
        this.models = models;
        this.embeddings = embeddings;
        this.topK = topK;
        this.minScore = minScore;
    }

    /** The launched, ready model behind a picker id such as "pdf-12". */
    public Optional<KnowledgeModel> pickable(String pickerId) {
        long id = KnowledgeModel.idOf(pickerId);
        return id < 0 ? Optional.empty() : models.find(id).filter(KnowledgeModel::pickable);
    }

    public List<KnowledgeModel> launched() {
        return models.findAll().stream().filter(KnowledgeModel::pickable).toList();
    }

    /** The most relevant passages for a question (hybrid: vectors and keywords), best first. */
    public List<KnowledgeIndex.Hit> retrieve(long modelId, String question) {
        float[] query = embeddings.embed(UzbekText.normalize(question));
        return index(modelId).search(query, question, topK, minScore);
    }

    /** Loads the launched models' passages, so that the first question after a restart is fast too. */
    public void warmUp() {
        List<KnowledgeModel> launched = launched();
        launched.forEach(model -> index(model.id()));
        if (!launched.isEmpty()) {
            embeddings.embed("warm up"); // loads the embedding model before the first question needs it
        }
    }

    public void evict(long modelId) {
        indexes.remove(modelId);
    }

    private KnowledgeIndex index(long modelId) {
        return indexes.computeIfAbsent(modelId, id -> {
            List<KnowledgeModelRepository.StoredChunk> chunks = models.chunks(id);
            KnowledgeIndex.Builder builder = KnowledgeIndex.builder(embeddings.dimensions(), chunks.size());
            for (KnowledgeModelRepository.StoredChunk chunk : chunks) {
                builder.add(chunk.id(), chunk.page(), chunk.text(), chunk.vector());
            }
            return builder.build();
        });
    }
}
