package uz.suhbat.adapter.out.ai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import uz.suhbat.adapter.out.ai.EvaluationSet.Question;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.application.service.knowledge.EmbeddingPipeline;
import uz.suhbat.application.service.knowledge.GroundedPrompt;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.knowledge.Chunker;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * Runs the evaluation set through the production path — PDFBox text of a real PDF, the chunker,
 * all-MiniLM-L6-v2, {@link KnowledgeLibrary} and {@link GroundedPrompt} — and through a plain BM25
 * over the same passages, and scores both per language.
 *
 * <p>Per question: the ranked pages (each page once, in the order its best passage ranks), and the
 * text that reaches the model. recall@k counts a question when a page that answers it is among the
 * first k pages; MRR averages 1/rank of the first such page (0 when none is ranked); "answer sent"
 * counts a question when the answer's words, verbatim from its page, are in what the model is sent.
 */
final class RetrievalEvaluation {

    /** As many passages as the plain baseline sends: the shipped {@code KNOWLEDGE_TOP_K}. */
    static final int BASELINE_SENT = 4;

    /** One question's result; {@code pageScores} (may be empty) holds the best score of each ranked page. */
    record Outcome(Question question, List<Integer> rankedPages, List<Double> pageScores, String sent) {

        /** The score of the best-ranked page that answers, or -1 when none is ranked. */
        double answerScore() {
            int rank = rank();
            return rank == 0 || pageScores.isEmpty() ? -1 : pageScores.get(rank - 1);
        }

        double topScore() {
            return pageScores.isEmpty() ? -1 : pageScores.get(0);
        }

        int rank() {
            for (int i = 0; i < rankedPages.size(); i++) {
                if (question.pages().contains(rankedPages.get(i))) {
                    return i + 1;
                }
            }
            return 0;
        }

        boolean answerSent() {
            return EvaluationSet.contains(sent, question.answer());
        }
    }

    record Scores(int questions, double recallAt1, double recallAt3, double mrr, double answerSent) {

        static Scores of(List<Outcome> outcomes) {
            int n = outcomes.size();
            double r1 = 0, r3 = 0, mrr = 0, sent = 0;
            for (Outcome o : outcomes) {
                int rank = o.rank();
                r1 += rank == 1 ? 1 : 0;
                r3 += rank >= 1 && rank <= 3 ? 1 : 0;
                mrr += rank == 0 ? 0 : 1.0 / rank;
                sent += o.answerSent() ? 1 : 0;
            }
            return n == 0 ? new Scores(0, 0, 0, 0, 0) : new Scores(n, r1 / n, r3 / n, mrr / n, sent / n);
        }
    }

    /** The documents as the application holds them after ingestion: models with their embedded passages. */
    static final class Corpus implements AutoCloseable {

        final MiniLmEmbeddings embeddings = new MiniLmEmbeddings();
        final InMemoryKnowledgeModelRepository models = new InMemoryKnowledgeModelRepository();
        final Map<String, KnowledgeModel> byDocument = new LinkedHashMap<>();

        /** Writes each document as a PDF (one page per page of the text) and ingests it like an upload. */
        static Corpus ingest(Path dir) {
            return ingest(dir, MiniLmEmbeddings.TUNING.chunker());
        }

        static Corpus ingest(Path dir, Chunker chunker) {
            Corpus corpus = new Corpus();
            PdfDocumentText documents = new PdfDocumentText(2000, Duration.ofMinutes(5));
            for (String document : EvaluationSet.DOCUMENTS) {
                Path pdf = TestPdfs.withPages(dir.resolve(document + ".pdf"), EvaluationSet.pages(document));
                KnowledgeModel model = corpus.models.create(document, null, "gpt-4o-mini", null, pdf.toString(),
                        corpus.embeddings.modelId(), Instant.EPOCH);
                int[] seq = {0};
                new EmbeddingPipeline(documents, corpus.embeddings, chunker, 32, 128).run(pdf, (batch, pages) -> {
                    List<KnowledgeModelRepository.StoredChunk> stored = new ArrayList<>();
                    for (EmbeddingPipeline.EmbeddedChunk chunk : batch) {
                        stored.add(new KnowledgeModelRepository.StoredChunk(0, ++seq[0], chunk.chunk().page(), chunk.chunk().text(),
                                chunk.vector()));
                    }
                    corpus.models.saveChunks(model.id(), stored);
                });
                corpus.models.markReady(model.id());
                corpus.models.setLaunched(model.id(), true);
                corpus.byDocument.put(document, corpus.models.find(model.id()).orElseThrow());
            }
            return corpus;
        }

        static Corpus ingest() {
            return ingest(MiniLmEmbeddings.TUNING.chunker());
        }

        static Corpus ingest(Chunker chunker) {
            try {
                Path dir = Files.createTempDirectory("retrieval-eval");
                try {
                    return ingest(dir, chunker);
                } finally {
                    try (var files = Files.list(dir)) {
                        for (Path file : files.toList()) {
                            Files.delete(file);
                        }
                    }
                    Files.delete(dir);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The application's retrieval with the given settings, as a chat would use it. */
        Function<Question, Outcome> application(int topK, double minScore) {
            return application(topK, minScore, embeddings.tuning());
        }

        /** The same with other weights: the embedding port answers with {@code tuning}. */
        Function<Question, Outcome> application(int topK, double minScore, EmbeddingPort.Tuning tuning) {
            EmbeddingPort tuned = new EmbeddingPort() {
                @Override
                public String modelId() {
                    return embeddings.modelId();
                }

                @Override
                public int dimensions() {
                    return embeddings.dimensions();
                }

                @Override
                public Tuning tuning() {
                    return tuning;
                }

                @Override
                public List<float[]> embedAll(List<String> texts) {
                    return embeddings.embedAll(texts);
                }
            };
            KnowledgeLibrary library = new KnowledgeLibrary(models, tuned, topK, minScore, KnowledgeLibrary.DEFAULT_CONTEXT_TOKENS,
                    new SnowballStemmers());
            return question -> {
                KnowledgeModel model = byDocument.get(question.document());
                KnowledgeLibrary.Retrieval retrieval = library.lookup(model.id(), question.text());
                List<Integer> pages = pages(retrieval.ranked());
                List<Double> scores = pages.stream().map(page -> retrieval.ranked().stream().filter(h -> h.page() == page)
                        .mapToDouble(KnowledgeIndex.Hit::score).max().orElseThrow()).toList();
                return new Outcome(question, pages, scores, GroundedPrompt.system(model, retrieval.context()));
            };
        }

        /** Plain BM25 over the same passages: lower-cased words, no stemming, no normalisation; the top passages are sent. */
        Function<Question, Outcome> plainBm25() {
            Map<String, PlainBm25> indexes = new HashMap<>();
            byDocument.forEach((document, model) -> indexes.put(document, new PlainBm25(models.chunks(model.id()))));
            return question -> {
                List<KnowledgeModelRepository.StoredChunk> ranked = indexes.get(question.document()).search(question.text(), 12);
                StringBuilder sent = new StringBuilder();
                ranked.stream().limit(BASELINE_SENT).forEach(chunk -> sent.append(chunk.text()).append('\n'));
                return new Outcome(question, ranked.stream().map(KnowledgeModelRepository.StoredChunk::page).distinct().toList(),
                        List.of(), sent.toString());
            };
        }

        @Override
        public void close() {
            embeddings.close();
        }
    }

    private RetrievalEvaluation() {
    }

    static List<Outcome> run(List<Question> questions, Function<Question, Outcome> system) {
        return questions.stream().map(system).toList();
    }

    static Map<String, Scores> score(List<Outcome> outcomes) {
        Map<String, Scores> scores = new LinkedHashMap<>();
        EvaluationSet.groups(outcomes.stream().map(Outcome::question).toList()).forEach((group, questions) -> {
            Set<Question> members = Set.copyOf(questions);
            scores.put(group, Scores.of(outcomes.stream().filter(o -> members.contains(o.question())).toList()));
        });
        return scores;
    }

    static String table(Map<String, Scores> hybrid, Map<String, Scores> bm25) {
        StringBuilder table = new StringBuilder(
                "| questions | n | recall@1 | recall@3 | MRR | answer sent | BM25 recall@1 | BM25 recall@3 | BM25 MRR | BM25 answer sent |\n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        hybrid.forEach((group, s) -> {
            Scores b = bm25.get(group);
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", group,
                    s.questions(), s.recallAt1(), s.recallAt3(), s.mrr(), s.answerSent(), b.recallAt1(), b.recallAt3(), b.mrr(),
                    b.answerSent()));
        });
        return table.toString();
    }

    static String misses(List<Outcome> outcomes) {
        StringBuilder text = new StringBuilder();
        for (Outcome o : outcomes) {
            if (o.rank() < 1 || o.rank() > 3 || !o.answerSent()) {
                text.append(String.format(Locale.ROOT, "  [%s] %s -> expected %s, ranked %s%s%n", o.question().document(),
                        o.question().text(), o.question().pages(), o.rankedPages(), o.answerSent() ? "" : ", answer NOT sent"));
            }
        }
        return text.toString();
    }

    private static List<Integer> pages(List<KnowledgeIndex.Hit> hits) {
        Set<Integer> pages = new LinkedHashSet<>();
        hits.forEach(hit -> pages.add(hit.page()));
        return List.copyOf(pages);
    }
}
