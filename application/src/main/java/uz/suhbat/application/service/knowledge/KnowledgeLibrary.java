package uz.suhbat.application.service.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.application.port.out.knowledge.StemmerPort;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.knowledge.Language;
import uz.suhbat.domain.knowledge.Terms;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * The passages of each knowledge model, held in memory for search: loaded from MySQL once per
 * model (at start-up for launched models, else on first use), so a question never reads all
 * passages from the database. The index holds vectors and keywords, not the texts: a question reads
 * the texts of its hits and of the pages it sends from MySQL by id (two small queries).
 */
public final class KnowledgeLibrary {

    /** How many times {@code topPages} passages {@link #lookup} ranks, so that enough pages are found. */
    private static final int RANKED_DEPTH = 4;
    /** What the passages sent with one question may add to the prompt, in estimated tokens. */
    public static final int DEFAULT_CONTEXT_TOKENS = 3000;

    /** Asked of each launched model once at start-up and at a launch, as a question would be. */
    private static final String WARM_UP = "warm up";

    private final KnowledgeModelRepository models;
    private final Embedders embeddings;
    private final int topPages;
    private final double minScore;
    private final int contextTokens;
    private final Terms terms;
    private final Map<Long, KnowledgeIndex> indexes = new ConcurrentHashMap<>();
    /** Per model, the embedder of its kind (a model's kind never changes). */
    private final Map<Long, EmbeddingPort> embedders = new ConcurrentHashMap<>();
    /** The index version ({@link KnowledgeModelRepository#indexVersions}) each loaded index was read at. */
    private final Map<Long, Long> loadedVersions = new ConcurrentHashMap<>();

    public KnowledgeLibrary(KnowledgeModelRepository models, EmbeddingPort embeddings, int topPages, double minScore) {
        this(models, embeddings, topPages, minScore, DEFAULT_CONTEXT_TOKENS, (language, word) -> word);
    }

    /**
     * {@code topPages}: at most this many pages ground an answer; {@code minScore}: the hybrid score a
     * passage needs to count; {@code contextTokens}: the budget of what is sent (see {@link KnowledgeIndex#pageContext});
     * {@code stemmer}: reduces English and Russian words for the keyword side.
     */
    public KnowledgeLibrary(KnowledgeModelRepository models, EmbeddingPort embeddings, int topPages, double minScore,
                            int contextTokens, StemmerPort stemmer) {
        this(models, Embedders.single(embeddings), topPages, minScore, contextTokens, stemmer);
    }

    /** The same, each model searched with the embedder of its own {@link KnowledgeModel#embeddingKind kind}. */
    public KnowledgeLibrary(KnowledgeModelRepository models, EmbeddingModelsPort embeddings, int topPages, double minScore,
                            int contextTokens, StemmerPort stemmer) {
        this(models, Embedders.of(embeddings), topPages, minScore, contextTokens, stemmer);
    }

    private KnowledgeLibrary(KnowledgeModelRepository models, Embedders embeddings, int topPages, double minScore,
                             int contextTokens, StemmerPort stemmer) {
        this.models = models;
        this.embeddings = embeddings;
        this.topPages = topPages;
        this.minScore = minScore;
        this.contextTokens = contextTokens;
        this.terms = new Terms(stemmer::stem);
    }

    /** The launched, ready model behind a picker id such as "pdf-12". */
    public Optional<KnowledgeModel> pickable(String pickerId) {
        long id = KnowledgeModel.idOf(pickerId);
        return id < 0 ? Optional.empty() : models.find(id).filter(KnowledgeModel::pickable);
    }

    public List<KnowledgeModel> launched() {
        return models.findAll().stream().filter(KnowledgeModel::pickable).toList();
    }

    /** The passages sent to the model with a question: {@link #lookup}'s context. */
    public List<KnowledgeIndex.Hit> retrieve(long modelId, String question) {
        return lookup(modelId, question).context();
    }

    /**
     * Searches a model's passages for a question (hybrid: vectors and keywords) and assembles what is
     * sent: the best pages, one slot each, in page order.
     */
    public Retrieval lookup(long modelId, String question) {
        float[] query = embedder(modelId).embed(UzbekText.normalize(question));
        KnowledgeIndex index = index(modelId);
        List<KnowledgeIndex.Hit> ranked = index.search(query, question, RANKED_DEPTH * topPages, minScore);
        return new Retrieval(ranked, index.pageContext(ranked, topPages, contextTokens));
    }

    /**
     * {@code ranked}: the matching passages best first, deeper than what is sent (for evaluation);
     * {@code context}: what is sent to the model with the question, one entry per page, in page order.
     */
    public record Retrieval(List<KnowledgeIndex.Hit> ranked, List<KnowledgeIndex.Hit> context) {
    }

    /**
     * Loads a model's passages and the embedding model on a background thread, so that the first
     * question after a launch does not wait for them; the future completes when they are loaded.
     */
    public CompletableFuture<Void> warm(long modelId) {
        return CompletableFuture.runAsync(() -> {
            lookup(modelId, WARM_UP);
        }, task -> Thread.ofVirtual().name("knowledge-warm-" + modelId).start(task));
    }

    /** Whether a model's passages are in memory. */
    public boolean loaded(long modelId) {
        return indexes.containsKey(modelId);
    }

    /** Loads the launched models' passages, so that the first question after a restart is fast too. */
    public void warmUp() {
        List<KnowledgeModel> launched = launched();
        // loads each model's passages and embedding model, and runs the search once, so that the first question
        // finds everything loaded and compiled (bench/first-question.sh)
        launched.forEach(model -> lookup(model.id(), WARM_UP));
    }

    public void evict(long modelId) {
        indexes.remove(modelId);
        embedders.remove(modelId);
        loadedVersions.remove(modelId);
    }

    /**
     * Drops every loaded index whose model another node deleted or whose passages changed since it was loaded (its index
     * version differs); the next question loads it again. Bootstrap calls this twice a second on every node: one small
     * query, none while no index is loaded. Returns how many were dropped.
     */
    public int dropChanged() {
        if (indexes.isEmpty()) {
            return 0;
        }
        Map<Long, Long> current = models.indexVersions();
        int dropped = 0;
        for (Long id : List.copyOf(indexes.keySet())) {
            Long now = current.get(id);
            if (now == null || !now.equals(loadedVersions.get(id))) {
                evict(id);
                dropped++;
            }
        }
        return dropped;
    }

    /** The embedder of a model's kind; MiniLM's for a model that no longer exists (its index is empty anyway). */
    private EmbeddingPort embedder(long modelId) {
        return embedders.computeIfAbsent(modelId, id -> embeddings.embedder(
                models.find(id).map(KnowledgeModel::embeddingKind).orElse(EmbeddingKind.MINILM)));
    }

    private KnowledgeIndex index(long modelId) {
        return indexes.computeIfAbsent(modelId, id -> {
            // the version first: passages changed after it was read make the index look old, never new
            Long version = models.indexVersions().get(id);
            loadedVersions.put(id, version == null ? Long.MIN_VALUE : version);
            List<KnowledgeModelRepository.StoredChunk> chunks = models.chunks(id);
            EmbeddingPort embedder = embedder(id);
            KnowledgeIndex.Builder builder = KnowledgeIndex.builder(embedder.dimensions(), chunks.size()).terms(terms)
                    .passages(chunkIds -> models.chunkTexts(id, chunkIds));
            EmbeddingPort.Tuning tuning = embedder.tuning();
            for (Language language : Language.values()) {
                builder.keywordWeight(language, tuning.keywordWeight(language)).similarityFloor(language, tuning.similarityFloor(language));
            }
            for (KnowledgeModelRepository.StoredChunk chunk : chunks) {
                builder.add(chunk.id(), chunk.page(), chunk.text(), chunk.vector());
            }
            return builder.build();
        });
    }
}
