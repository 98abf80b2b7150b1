package uz.suhbat.adapter.out.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository.StoredChunk;

/**
 * The baseline the evaluation compares against: Okapi BM25 (k1 = 1.2, b = 0.75) over lower-cased
 * words split at anything that is not a letter or digit — no stemming, no apostrophe or script
 * normalisation, no vectors.
 */
final class PlainBm25 {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final List<StoredChunk> chunks;
    private final List<Map<String, Integer>> frequencies = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    PlainBm25(List<StoredChunk> chunks) {
        this.chunks = chunks;
        long total = 0;
        for (StoredChunk chunk : chunks) {
            Map<String, Integer> tf = new HashMap<>();
            List<String> words = words(chunk.text());
            words.forEach(word -> tf.merge(word, 1, Integer::sum));
            tf.keySet().forEach(word -> documentFrequency.merge(word, 1, Integer::sum));
            frequencies.add(tf);
            total += words.size();
        }
        averageLength = chunks.isEmpty() ? 1 : (double) total / chunks.size();
    }

    /** The best {@code k} passages that share a word with the query, best first. */
    List<StoredChunk> search(String query, int k) {
        List<String> terms = words(query).stream().distinct().toList();
        List<double[]> scored = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Integer> tf = frequencies.get(i);
            int length = tf.values().stream().mapToInt(Integer::intValue).sum();
            double score = 0;
            for (String term : terms) {
                Integer f = tf.get(term);
                if (f != null) {
                    int df = documentFrequency.get(term);
                    double idf = Math.log(1 + (chunks.size() - df + 0.5) / (df + 0.5));
                    score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / averageLength));
                }
            }
            if (score > 0) {
                scored.add(new double[] {i, score});
            }
        }
        scored.sort(Comparator.comparingDouble((double[] s) -> -s[1]).thenComparingDouble(s -> s[0]));
        return scored.stream().limit(k).map(s -> chunks.get((int) s[0])).toList();
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }
}
