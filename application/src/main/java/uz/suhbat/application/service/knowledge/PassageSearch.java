package uz.suhbat.application.service.knowledge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.knowledge.StemmerPort;
import uz.suhbat.domain.knowledge.Chunk;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.Language;
import uz.suhbat.domain.knowledge.Terms;
import uz.suhbat.domain.knowledge.UzbekText;

/**
 * The PDF models' search (hybrid vectors and keywords over {@link KnowledgeIndex}, context by page) over documents
 * attached to a chat: each document is cut and embedded as a PDF model's would be (MiniLM, its tuning), the first
 * time a question needs it on this node. A document never changes once uploaded, so an index is a cache of what MySQL
 * holds, kept for the last {@value #CACHED} documents a node searched.
 */
public final class PassageSearch {

    private static final int CACHED = 16;
    private static final int RANKED_DEPTH = 4;

    private final EmbeddingModelsPort embeddings;
    private final Terms terms;
    private final int topPages;
    private final double minScore;
    private final int contextTokens;
    private final Map<Long, KnowledgeIndex> indexes = Collections.synchronizedMap(new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, KnowledgeIndex> eldest) {
            return size() > CACHED;
        }
    });

    /** The same numbers as the PDF models': {@code KNOWLEDGE_TOP_K}, {@code KNOWLEDGE_MIN_SCORE}, {@code KNOWLEDGE_CONTEXT_TOKENS}. */
    public PassageSearch(EmbeddingModelsPort embeddings, StemmerPort stemmer, int topPages, double minScore, int contextTokens) {
        this.embeddings = embeddings;
        this.terms = new Terms(stemmer::stem);
        this.topPages = topPages;
        this.minScore = minScore;
        this.contextTokens = contextTokens;
    }

    /** A document to search: {@code key} names it for the cache (an attachment's id), {@code pages} reads its pages' text. */
    public record Document(long key, String name, Supplier<List<String>> pages) {
    }

    /** A passage found in {@code document}. */
    public record Found(Document document, KnowledgeIndex.Hit hit) {
    }

    /**
     * The passages sent with {@code question}: in each document the best pages (whole when short, else the passages found
     * with their neighbours), at most {@code KNOWLEDGE_TOP_K} pages over all documents, best first, within the token budget.
     */
    public List<Found> search(List<Document> documents, String question) {
        if (documents.isEmpty()) {
            return List.of();
        }
        EmbeddingPort embedder = embeddings.of(EmbeddingKind.MINILM);
        float[] query = embedder.embed(UzbekText.normalize(question));
        int budget = Math.max(1, contextTokens / documents.size());
        List<Found> found = new ArrayList<>();
        for (Document document : documents) {
            KnowledgeIndex index = index(document, embedder);
            if (index.size() == 0) {
                continue;
            }
            List<KnowledgeIndex.Hit> ranked = index.search(query, question, RANKED_DEPTH * topPages, minScore);
            for (KnowledgeIndex.Hit hit : index.pageContext(ranked, topPages, budget)) {
                found.add(new Found(document, hit));
            }
        }
        found.sort(Comparator.comparingDouble((Found f) -> f.hit().score()).reversed());
        return List.copyOf(found.subList(0, Math.min(topPages, found.size())));
    }

    /**
     * Cuts and embeds a document on a background thread, so that the first question about it need not wait (the node
     * that took the upload; another node does it on its first question). Failures only leave the work to that question.
     */
    public void prepare(Document document) {
        Thread.ofVirtual().name("attachment-index-" + document.key()).start(() -> {
            try {
                index(document, embeddings.of(EmbeddingKind.MINILM));
            } catch (RuntimeException later) {
                // the first question builds the index again and meets the failure itself
            }
        });
    }

    private KnowledgeIndex index(Document document, EmbeddingPort embedder) {
        KnowledgeIndex cached = indexes.get(document.key());
        if (cached != null) {
            return cached;
        }
        EmbeddingPort.Tuning tuning = embedder.tuning();
        List<Chunk> chunks = new ArrayList<>();
        List<String> pages = document.pages().get();
        for (int i = 0; i < pages.size(); i++) {
            if (!pages.get(i).isBlank()) {
                chunks.addAll(tuning.chunker().split(i + 1, pages.get(i)));
            }
        }
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(embedder.dimensions(), chunks.size()).terms(terms);
        for (Language language : Language.values()) {
            builder.keywordWeight(language, tuning.keywordWeight(language)).similarityFloor(language, tuning.similarityFloor(language));
        }
        List<float[]> vectors = chunks.isEmpty() ? List.of()
                : embedder.embedAll(chunks.stream().map(c -> UzbekText.normalize(c.text())).toList());
        for (int i = 0; i < chunks.size(); i++) {
            builder.add(i + 1, chunks.get(i).page(), chunks.get(i).text(), vectors.get(i));
        }
        KnowledgeIndex index = builder.build();
        indexes.put(document.key(), index);
        return index;
    }
}
