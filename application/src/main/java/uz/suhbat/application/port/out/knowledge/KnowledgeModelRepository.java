package uz.suhbat.application.port.out.knowledge;

import java.time.Instant;
import java.util.List;
import uz.suhbat.domain.shared.Problem;
import java.util.Optional;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** Knowledge models and their passages with vectors, kept in MySQL. */
public interface KnowledgeModelRepository {

    /** Stores a new model in status PROCESSING, with the kind and id of the embedding model that reads it. */
    KnowledgeModel create(String name, String description, String baseModel, String instructions, String file, EmbeddingKind embeddingKind,
                          String embeddingModel, Instant now);

    /** A new model embedded by the in-process default, MiniLM. */
    default KnowledgeModel create(String name, String description, String baseModel, String instructions, String file, String embeddingModel,
                                  Instant now) {
        return create(name, description, baseModel, instructions, file, EmbeddingKind.MINILM, embeddingModel, now);
    }

    Optional<KnowledgeModel> find(long id);

    /** Newest first. */
    List<KnowledgeModel> findAll();

    void progress(long id, int pagesTotal, int pagesDone, int chunksDone);

    /**
     * READY, only while the model is still PROCESSING (a reading failed meanwhile stays failed); true when changed. Changes
     * the model's index version.
     */
    boolean markReady(long id);

    /** FAILED with a reason, only while the model is still PROCESSING; true when changed. */
    boolean markFailed(long id, Problem reason);

    /** The reading of a PROCESSING model is still alive at {@code now} (its node says so every few seconds). */
    void heartbeat(long id, Instant now);

    /** Marks FAILED every PROCESSING model whose last heartbeat is older than {@code staleBefore}; returns how many. */
    int failStale(Instant staleBefore, Problem reason);

    void setLaunched(long id, boolean launched);

    /** Removes the model with its passages. */
    void delete(long id);

    /** Appends passages in one batch; {@code seq} numbers them in document order. Changes the model's index version. */
    void saveChunks(long modelId, List<StoredChunk> chunks);

    /** All passages of a model in document order, vectors included. */
    List<StoredChunk> chunks(long modelId);

    /**
     * The texts of some of a model's passages, by passage id ({@link StoredChunk#id}): what a question sends, read when
     * it is asked, so that the in-memory index need not hold every text. Ids not found (deleted meanwhile) are left out.
     */
    default java.util.Map<Long, String> chunkTexts(long modelId, java.util.Collection<Long> chunkIds) {
        java.util.Set<Long> wanted = java.util.Set.copyOf(chunkIds);
        java.util.Map<Long, String> texts = new java.util.HashMap<>();
        for (StoredChunk chunk : chunks(modelId)) {
            if (wanted.contains(chunk.id())) {
                texts.put(chunk.id(), chunk.text());
            }
        }
        return texts;
    }

    /**
     * Every model's index version (id → version): a value that changes whenever the model's passages change (passages
     * stored, the reading finished; a deleted model has none), so that a node holding a model's passages in memory sees
     * that another node changed or deleted them. One small query, read twice a second by every node.
     */
    java.util.Map<Long, Long> indexVersions();

    record StoredChunk(long id, int seq, int page, String text, float[] vector) {
    }
}
