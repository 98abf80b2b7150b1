package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.MODEL;
import static uz.suhbat.adapter.out.persistence.schema.Tables.MODEL_CHUNK;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep5;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ModelChunkRecord;
import uz.suhbat.adapter.out.persistence.schema.tables.records.ModelRecord;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.shared.Problem;

/** Knowledge models in {@code model}; their passages in {@code model_chunk}, vectors as little-endian float32 BLOBs. */
final class JooqKnowledgeModelRepository implements KnowledgeModelRepository {

    private final DSLContext db;

    JooqKnowledgeModelRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public KnowledgeModel create(String name, String description, String baseModel, String instructions, String file,
                                 EmbeddingKind embeddingKind, String embeddingModel, Instant now) {
        long id = db.insertInto(MODEL)
                .set(MODEL.NAME, name)
                .set(MODEL.DESCRIPTION, description)
                .set(MODEL.BASE_MODEL, baseModel)
                .set(MODEL.INSTRUCTIONS, instructions)
                .set(MODEL.FILE, file)
                .set(MODEL.VECTOR, embeddingModel)
                .set(MODEL.EMBEDDING_KIND, embeddingKind.name())
                .set(MODEL.STATUS, KnowledgeModel.Status.PROCESSING.name())
                .set(MODEL.DATE, Times.toDb(now))
                .set(MODEL.HEARTBEAT, Times.toDb(now))
                .set(MODEL.INDEX_VERSION, newVersion())
                .returningResult(MODEL.ID)
                .fetchOne(MODEL.ID);
        return find(id).orElseThrow();
    }

    @Override
    public Optional<KnowledgeModel> find(long id) {
        return db.selectFrom(MODEL).where(MODEL.ID.eq(id)).fetchOptional().map(JooqKnowledgeModelRepository::toModel);
    }

    @Override
    public List<KnowledgeModel> findAll() {
        return db.selectFrom(MODEL).orderBy(MODEL.DATE.desc(), MODEL.ID.desc()).fetch(JooqKnowledgeModelRepository::toModel);
    }

    @Override
    public void progress(long id, int pagesTotal, int pagesDone, int chunksDone) {
        db.update(MODEL).set(MODEL.PAGES_TOTAL, pagesTotal).set(MODEL.PAGES_DONE, pagesDone).set(MODEL.CHUNKS_DONE, chunksDone)
                .where(MODEL.ID.eq(id)).execute();
    }

    @Override
    public boolean markReady(long id) {
        return db.update(MODEL).set(MODEL.STATUS, KnowledgeModel.Status.READY.name()).setNull(MODEL.STATUS_REASON)
                .set(MODEL.INDEX_VERSION, newVersion())
                .where(MODEL.ID.eq(id), MODEL.STATUS.eq(KnowledgeModel.Status.PROCESSING.name())).execute() == 1;
    }

    @Override
    public boolean markFailed(long id, Problem reason) {
        return db.update(MODEL).set(MODEL.STATUS, KnowledgeModel.Status.FAILED.name())
                .set(MODEL.STATUS_REASON, stored(reason))
                .set(MODEL.LAUNCHED, false)
                .where(MODEL.ID.eq(id), MODEL.STATUS.eq(KnowledgeModel.Status.PROCESSING.name())).execute() == 1;
    }

    @Override
    public void heartbeat(long id, Instant now) {
        db.update(MODEL).set(MODEL.HEARTBEAT, Times.toDb(now))
                .where(MODEL.ID.eq(id), MODEL.STATUS.eq(KnowledgeModel.Status.PROCESSING.name())).execute();
    }

    @Override
    public int failStale(Instant staleBefore, Problem reason) {
        return db.update(MODEL).set(MODEL.STATUS, KnowledgeModel.Status.FAILED.name())
                .set(MODEL.STATUS_REASON, stored(reason))
                .set(MODEL.LAUNCHED, false)
                .where(MODEL.STATUS.eq(KnowledgeModel.Status.PROCESSING.name()))
                .and(MODEL.HEARTBEAT.isNull().or(MODEL.HEARTBEAT.lt(Times.toDb(staleBefore))))
                .execute();
    }

    @Override
    public void setLaunched(long id, boolean launched) {
        db.update(MODEL).set(MODEL.LAUNCHED, launched).where(MODEL.ID.eq(id)).execute();
    }

    @Override
    public void delete(long id) {
        db.deleteFrom(MODEL).where(MODEL.ID.eq(id)).execute(); // passages go with it (ON DELETE CASCADE)
    }

    @Override
    public void saveChunks(long modelId, List<StoredChunk> chunks) {
        if (chunks.isEmpty()) {
            return;
        }
        InsertValuesStep5<ModelChunkRecord, Long, Integer, Integer, String, byte[]> insert =
                db.insertInto(MODEL_CHUNK, MODEL_CHUNK.MODEL_ID, MODEL_CHUNK.SEQ, MODEL_CHUNK.PAGE, MODEL_CHUNK.TEXT, MODEL_CHUNK.VECTOR);
        for (StoredChunk chunk : chunks) {
            insert = insert.values(modelId, chunk.seq(), chunk.page(), chunk.text(), bytes(chunk.vector()));
        }
        insert.execute();
        db.update(MODEL).set(MODEL.INDEX_VERSION, newVersion()).where(MODEL.ID.eq(modelId)).execute();
    }

    @Override
    public java.util.Map<Long, Long> indexVersions() {
        return db.select(MODEL.ID, MODEL.INDEX_VERSION).from(MODEL).fetchMap(MODEL.ID, MODEL.INDEX_VERSION);
    }

    /** Random, so that a model made again under a freed id never repeats the version an old index was loaded with. */
    private static long newVersion() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong();
    }

    @Override
    public List<StoredChunk> chunks(long modelId) {
        return db.selectFrom(MODEL_CHUNK).where(MODEL_CHUNK.MODEL_ID.eq(modelId)).orderBy(MODEL_CHUNK.SEQ)
                .fetch(r -> new StoredChunk(r.getId(), r.getSeq(), r.getPage(), r.getText(), floats(r.getVector())));
    }

    @Override
    public java.util.Map<Long, String> chunkTexts(long modelId, java.util.Collection<Long> chunkIds) {
        if (chunkIds.isEmpty()) {
            return java.util.Map.of();
        }
        return db.select(MODEL_CHUNK.ID, MODEL_CHUNK.TEXT).from(MODEL_CHUNK)
                .where(MODEL_CHUNK.ID.in(chunkIds)).and(MODEL_CHUNK.MODEL_ID.eq(modelId))
                .fetchMap(MODEL_CHUNK.ID, MODEL_CHUNK.TEXT);
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static KnowledgeModel toModel(ModelRecord r) {
        return new KnowledgeModel(r.getId(), r.getName(), r.getDescription(), r.getBaseModel(), r.getInstructions(), r.getFile(),
                kind(r.getEmbeddingKind()), r.getVector(), KnowledgeModel.Status.valueOf(r.getStatus()), problem(r.getStatusReason()), r.getPagesTotal(), r.getPagesDone(),
                r.getChunksDone(), Boolean.TRUE.equals(r.getLaunched()), Times.fromDb(r.getDate()));
    }

    /** A kind this node does not know (a newer node wrote it) reads as MiniLM's: it is only used to pick the embedder. */
    private static EmbeddingKind kind(String stored) {
        EmbeddingKind kind = EmbeddingKind.parse(stored);
        return kind == null ? EmbeddingKind.MINILM : kind;
    }

    /** How a failure is kept in {@code model.status_reason}: "knowledge.failure.no_text" and so on, as rows have always held it. */
    static String stored(Problem reason) {
        String name = switch (reason) {
            case DOCUMENT_READING_FAILED -> "internal";
            case DOCUMENT_READING_CUT_BY_RESTART -> "restart";
            default -> reason.name().startsWith("DOCUMENT_") ? reason.name().substring("DOCUMENT_".length()) : reason.name();
        };
        return STORED_FAILURE + name.toLowerCase(java.util.Locale.ROOT);
    }

    /** A stored failure that names no problem we know (edited by hand, or from a newer version) reads as a failed reading. */
    static Problem problem(String stored) {
        if (stored == null) {
            return null;
        }
        for (Problem candidate : Problem.values()) {
            if (stored(candidate).equals(stored)) {
                return candidate;
            }
        }
        return Problem.DOCUMENT_READING_FAILED;
    }

    private static final String STORED_FAILURE = "knowledge.failure.";
}
