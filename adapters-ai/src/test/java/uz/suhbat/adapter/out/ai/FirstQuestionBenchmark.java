package uz.suhbat.adapter.out.ai;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uz.suhbat.adapter.out.ai.EvaluationSet.Question;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository.StoredChunk;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * The first question after a start against the ones after it, in a fresh JVM as after a restart:
 * the passages of the evaluation set's documents come from a file written by an earlier run (as they
 * would come from the database), the embedding model is not loaded, nothing is compiled yet. With
 * {@code -Dsuhbat.warm=true} the library is warmed first as the application does at start-up and at
 * a launch ({@link KnowledgeLibrary#warmUp}); with {@code false} the first question does it all.
 * Run with {@code bench/first-question.sh}, which starts one JVM per mode.
 */
@Tag("benchmark")
class FirstQuestionBenchmark {

    private static final Path CORPUS = Path.of("target", "first-question-corpus.bin");
    private static final int LATER = 30;

    @Test
    void firstQuestionAgainstLaterOnes() throws IOException {
        if (!Files.exists(CORPUS)) {
            writeCorpus();
            System.out.println("corpus written to " + CORPUS + "; run again (in a new JVM) to measure");
            return;
        }
        boolean warm = Boolean.getBoolean("suhbat.warm");
        long start = System.nanoTime();
        InMemoryKnowledgeModelRepository models = readCorpus();
        List<Question> questions = EvaluationSet.questions();
        try (MiniLmEmbeddings embeddings = new MiniLmEmbeddings()) {
            KnowledgeLibrary library = new KnowledgeLibrary(models, embeddings, RetrievalEvaluationBenchmark.TOP_K,
                    RetrievalEvaluationBenchmark.MIN_SCORE, KnowledgeLibrary.DEFAULT_CONTEXT_TOKENS, new SnowballStemmers());
            double warmMillis = 0;
            if (warm) {
                long warmStart = System.nanoTime();
                library.warmUp();
                warmMillis = (System.nanoTime() - warmStart) / 1e6;
            }
            double[] millis = new double[LATER + 1];
            for (int i = 0; i <= LATER; i++) {
                Question question = questions.get((i * 7) % questions.size());
                long modelId = modelOf(models, question.document());
                long t = System.nanoTime();
                library.lookup(modelId, question.text());
                millis[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] later = Arrays.copyOfRange(millis, 1, millis.length);
            Arrays.sort(later);
            System.out.printf(Locale.ROOT, "%n%s: JVM ready to first question %.0f ms; warm-up (in the background at start-up) %.0f ms;"
                            + " first question %.1f ms; the %d after it: median %.1f ms, max %.1f ms; first / median = %.2f%n",
                    warm ? "warmed at start (shipped)" : "not warmed", (System.nanoTime() - start) / 1e6 - sum(millis), warmMillis,
                    millis[0], LATER, later[LATER / 2], later[LATER - 1], millis[0] / later[LATER / 2]);
        }
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    private static long modelOf(InMemoryKnowledgeModelRepository models, String document) {
        return models.findAll().stream().filter(m -> m.name().equals(document)).findFirst().orElseThrow().id();
    }

    private static void writeCorpus() throws IOException {
        try (RetrievalEvaluation.Corpus corpus = RetrievalEvaluation.Corpus.ingest();
             DataOutputStream out = new DataOutputStream(Files.newOutputStream(CORPUS))) {
            out.writeInt(corpus.byDocument.size());
            for (var entry : corpus.byDocument.entrySet()) {
                List<StoredChunk> chunks = corpus.models.chunks(entry.getValue().id());
                out.writeUTF(entry.getKey());
                out.writeInt(chunks.size());
                for (StoredChunk chunk : chunks) {
                    out.writeInt(chunk.seq());
                    out.writeInt(chunk.page());
                    out.writeUTF(chunk.text());
                    out.writeInt(chunk.vector().length);
                    for (float v : chunk.vector()) {
                        out.writeFloat(v);
                    }
                }
            }
        }
    }

    private static InMemoryKnowledgeModelRepository readCorpus() throws IOException {
        InMemoryKnowledgeModelRepository models = new InMemoryKnowledgeModelRepository();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(CORPUS))) {
            int documents = in.readInt();
            for (int d = 0; d < documents; d++) {
                String name = in.readUTF();
                KnowledgeModel model = models.create(name, null, "gpt-4o-mini", null, name + ".pdf", MiniLmEmbeddings.MODEL_ID, Instant.EPOCH);
                int n = in.readInt();
                List<StoredChunk> chunks = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int seq = in.readInt();
                    int page = in.readInt();
                    String text = in.readUTF();
                    float[] vector = new float[in.readInt()];
                    for (int j = 0; j < vector.length; j++) {
                        vector[j] = in.readFloat();
                    }
                    chunks.add(new StoredChunk(0, seq, page, text, vector));
                }
                models.saveChunks(model.id(), chunks);
                models.markReady(model.id());
                models.setLaunched(model.id(), true);
            }
        }
        return models;
    }
}
