package uz.suhbat.application.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic unit vectors from a hash of each word, so texts sharing words are similar. Records
 * every text it was asked to embed.
 */
public final class FakeEmbeddings implements uz.suhbat.application.port.out.knowledge.EmbeddingPort {

    public static final int DIMENSIONS = 32;

    private final List<String> embedded = new ArrayList<>();

    @Override
    public String modelId() {
        return "fake/" + DIMENSIONS;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    /** Passages of the production size; keywords and vectors weigh alike. */
    @Override
    public Tuning tuning() {
        return new Tuning(140, 25, 900, java.util.Map.of(), java.util.Map.of());
    }

    @Override
    public synchronized List<float[]> embedAll(List<String> texts) {
        embedded.addAll(texts);
        return texts.stream().map(FakeEmbeddings::vector).toList();
    }

    public synchronized List<String> embedded() {
        return List.copyOf(embedded);
    }

    private static float[] vector(String text) {
        float[] vector = new float[DIMENSIONS];
        for (String word : text.split("\\s+")) {
            int hash = java.util.Arrays.hashCode(word.getBytes(StandardCharsets.UTF_8));
            vector[Math.floorMod(hash, DIMENSIONS)] += 1;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = norm == 0 ? (i == 0 ? 1 : 0) : (float) (vector[i] / Math.sqrt(norm));
        }
        return vector;
    }
}
