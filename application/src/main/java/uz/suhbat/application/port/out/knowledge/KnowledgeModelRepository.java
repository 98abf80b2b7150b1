package uz.suhbat.application.port.out.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** Knowledge models and their passages with vectors, kept in MySQL. */
public interface KnowledgeModelRepository {

    /** Stores a new model in status PROCESSING. */
    KnowledgeModel create(String name, String description, String baseModel, String instructions, String file, String embeddingModel,
                          Instant now);

    Optional<KnowledgeModel> find(long id);

    /** Newest first. */
    List<KnowledgeModel> findAll();

    void progress(long id, int pagesTotal, int pagesDone, int chunksDone);

    void markReady(long id);

    void markFailed(long id, String reason);

    void setLaunched(long id, boolean launched);

    /** Removes the model with its passages. */
    void delete(long id);

    /** Appends passages in one batch; {@code seq} numbers them in document order. */
    void saveChunks(long modelId, List<StoredChunk> chunks);

    /** All passages of a model in document order, vectors included. */
    List<StoredChunk> chunks(long modelId);

    record StoredChunk(long id, int seq, int page, String text, float[] vector) {
    }
}
