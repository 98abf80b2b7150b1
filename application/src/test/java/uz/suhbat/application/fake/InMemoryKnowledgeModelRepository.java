package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.domain.knowledge.KnowledgeModel;

public final class InMemoryKnowledgeModelRepository implements KnowledgeModelRepository {

    private final Map<Long, KnowledgeModel> models = new ConcurrentHashMap<>();
    private final Map<Long, List<StoredChunk>> chunks = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong chunkIds = new AtomicLong();
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    @Override
    public KnowledgeModel create(String name, String description, String baseModel, String instructions, String file,
                                 uz.suhbat.domain.knowledge.EmbeddingKind embeddingKind, String embeddingModel, Instant now) {
        long id = ids.incrementAndGet();
        KnowledgeModel model = new KnowledgeModel(id, name, description, baseModel, instructions, file, embeddingKind, embeddingModel,
                KnowledgeModel.Status.PROCESSING, null, 0, 0, 0, false, now);
        models.put(id, model);
        chunks.put(id, new ArrayList<>());
        versions.put(id, java.util.concurrent.ThreadLocalRandom.current().nextLong());
        return model;
    }

    @Override
    public Optional<KnowledgeModel> find(long id) {
        return Optional.ofNullable(models.get(id));
    }

    @Override
    public List<KnowledgeModel> findAll() {
        return models.values().stream().sorted(Comparator.comparing(KnowledgeModel::createdAt).thenComparing(KnowledgeModel::id).reversed()).toList();
    }

    private void change(long id, UnaryOperator<KnowledgeModel> how) {
        models.computeIfPresent(id, (k, m) -> how.apply(m));
    }

    @Override
    public void progress(long id, int pagesTotal, int pagesDone, int chunksDone) {
        change(id, m -> new KnowledgeModel(m.id(), m.name(), m.description(), m.baseModel(), m.instructions(), m.file(), m.embeddingKind(), m.embeddingModel(),
                m.status(), m.statusReason(), pagesTotal, pagesDone, chunksDone, m.launched(), m.createdAt()));
    }

    @Override
    public boolean markReady(long id) {
        if (!processing(id)) {
            return false;
        }
        change(id, m -> new KnowledgeModel(m.id(), m.name(), m.description(), m.baseModel(), m.instructions(), m.file(), m.embeddingKind(), m.embeddingModel(),
                KnowledgeModel.Status.READY, null, m.pagesTotal(), m.pagesDone(), m.chunksDone(), m.launched(), m.createdAt()));
        versions.put(id, versions.getOrDefault(id, 0L) + 1);
        return true;
    }

    private boolean processing(long id) {
        KnowledgeModel model = models.get(id);
        return model != null && model.status() == KnowledgeModel.Status.PROCESSING;
    }

    private final Map<Long, Instant> heartbeats = new ConcurrentHashMap<>();

    @Override
    public void heartbeat(long id, Instant now) {
        if (processing(id)) {
            heartbeats.put(id, now);
        }
    }

    @Override
    public int failStale(Instant staleBefore, uz.suhbat.domain.shared.Problem reason) {
        int failed = 0;
        for (KnowledgeModel model : List.copyOf(models.values())) {
            Instant beat = heartbeats.getOrDefault(model.id(), model.createdAt());
            if (model.status() == KnowledgeModel.Status.PROCESSING && beat.isBefore(staleBefore) && markFailed(model.id(), reason)) {
                failed++;
            }
        }
        return failed;
    }

    @Override
    public boolean markFailed(long id, uz.suhbat.domain.shared.Problem reason) {
        if (!processing(id)) {
            return false;
        }
        change(id, m -> new KnowledgeModel(m.id(), m.name(), m.description(), m.baseModel(), m.instructions(), m.file(), m.embeddingKind(), m.embeddingModel(),
                KnowledgeModel.Status.FAILED, reason, m.pagesTotal(), m.pagesDone(), m.chunksDone(), false, m.createdAt()));
        return true;
    }

    @Override
    public void setLaunched(long id, boolean launched) {
        change(id, m -> new KnowledgeModel(m.id(), m.name(), m.description(), m.baseModel(), m.instructions(), m.file(), m.embeddingKind(), m.embeddingModel(),
                m.status(), m.statusReason(), m.pagesTotal(), m.pagesDone(), m.chunksDone(), launched, m.createdAt()));
    }

    @Override
    public void delete(long id) {
        models.remove(id);
        chunks.remove(id);
        versions.remove(id);
    }

    @Override
    public synchronized void saveChunks(long modelId, List<StoredChunk> batch) {
        List<StoredChunk> list = chunks.get(modelId);
        for (StoredChunk c : batch) {
            list.add(new StoredChunk(chunkIds.incrementAndGet(), c.seq(), c.page(), c.text(), c.vector().clone()));
        }
        versions.computeIfPresent(modelId, (id, v) -> v + 1);
    }

    @Override
    public synchronized List<StoredChunk> chunks(long modelId) {
        return chunks.getOrDefault(modelId, List.of()).stream().sorted(Comparator.comparingInt(StoredChunk::seq)).toList();
    }

    @Override
    public Map<Long, Long> indexVersions() {
        return Map.copyOf(versions);
    }
}
