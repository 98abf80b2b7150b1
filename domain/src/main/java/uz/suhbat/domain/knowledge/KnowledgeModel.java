package uz.suhbat.domain.knowledge;

import java.time.Instant;
import java.util.Objects;
import uz.suhbat.domain.shared.Problem;

/**
 * A "model" an admin made from one PDF: the document's passages with their vectors, answered by
 * a base OpenAI model. Users can pick it once it is ready and launched.
 */
public record KnowledgeModel(long id, String name, String description, String baseModel, String instructions, String file,
                             EmbeddingKind embeddingKind, String embeddingModel, Status status, Problem statusReason, int pagesTotal,
                             int pagesDone, int chunksDone, boolean launched, Instant createdAt) {

    public enum Status { PROCESSING, READY, FAILED }

    /** Prefix of the id under which users pick a knowledge model, e.g. "pdf-12". */
    public static final String PICKER_PREFIX = "pdf-";

    public KnowledgeModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(embeddingKind, "embeddingKind");
    }

    /** A model embedded in process by MiniLM (what every model was before the kind was chosen). */
    public KnowledgeModel(long id, String name, String description, String baseModel, String instructions, String file,
                          String embeddingModel, Status status, Problem statusReason, int pagesTotal, int pagesDone,
                          int chunksDone, boolean launched, Instant createdAt) {
        this(id, name, description, baseModel, instructions, file, EmbeddingKind.MINILM, embeddingModel, status, statusReason,
                pagesTotal, pagesDone, chunksDone, launched, createdAt);
    }

    public boolean pickable() {
        return status == Status.READY && launched;
    }

    public String pickerId() {
        return PICKER_PREFIX + id;
    }

    /** The knowledge model id in a picker id, or -1 when it is not one. */
    public static long idOf(String pickerId) {
        if (pickerId == null || !pickerId.startsWith(PICKER_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(pickerId.substring(PICKER_PREFIX.length()));
        } catch (NumberFormatException notOurs) {
            return -1;
        }
    }

    /** Percentage of pages read, for the admin's progress bar. */
    public int progressPercent() {
        if (status != Status.PROCESSING) {
            return 100;
        }
        return pagesTotal <= 0 ? 0 : Math.min(100, pagesDone * 100 / pagesTotal);
    }
}
