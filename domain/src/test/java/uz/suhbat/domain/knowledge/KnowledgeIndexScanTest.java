package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.knowledge.KnowledgeIndex.Hit;

/**
 * The search's top hits against an exhaustive ranking of the same int8 codes computed here row by row, on random
 * and on clustered vectors, across blocks and the parallel split; and the edge cases of the scan.
 */
class KnowledgeIndexScanTest {

    private static final int DIMENSIONS = 384;

    @Test
    void topHitsEqualTheExhaustiveRankingOnRandomVectors() {
        Random random = new Random(21);
        int n = 2 * KnowledgeIndex.PARALLEL_FROM + CompactVectors.BLOCK / 2 + 3;
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = gaussian(random, 1);
        }
        assertSameTopHits(vectors, random, 10);
    }

    @Test
    void topHitsEqualTheExhaustiveRankingOnClusteredVectors() {
        // given 40 clusters of near neighbours, so that many cosines lie close together, and queries near a cluster
        Random random = new Random(22);
        float[][] centres = new float[40][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = gaussian(random, 1);
        }
        int n = 3 * CompactVectors.BLOCK + 101;
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] noise = gaussian(random, 0.3f);
            float[] centre = centres[random.nextInt(centres.length)];
            for (int d = 0; d < DIMENSIONS; d++) {
                noise[d] += centre[d];
            }
            vectors[i] = noise;
        }
        assertSameTopHits(vectors, random, 20);
    }

    @Test
    void fewerChunksThanAskedForGivesThemAll() {
        Random random = new Random(23);
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS)
                .add(1, 1, "a", gaussian(random, 1))
                .add(2, 1, "b", gaussian(random, 1))
                .add(3, 2, "c", gaussian(random, 1))
                .build();

        List<Hit> hits = index.search(gaussian(random, 1), null, 16, -1);

        assertThat(hits).extracting(Hit::chunkId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(hits).extracting(Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void anEmptyModelFindsNothing() {
        KnowledgeIndex index = KnowledgeIndex.builder(DIMENSIONS, 0).build();

        assertThat(index.size()).isZero();
        assertThat(index.search(gaussian(new Random(24), 1), "anything at all", 16, -1)).isEmpty();
        assertThat(index.search(gaussian(new Random(24), 1), null, 16, -1)).isEmpty();
    }

    @Test
    void passagesDeletedMeanwhileAreLeftOut() {
        // given an index whose passages are gone from the store (the model deleted or read again on another node)
        Random random = new Random(25);
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(DIMENSIONS).passages(ids -> Map.of());
        for (int i = 0; i < CompactVectors.BLOCK + 5; i++) {
            builder.add(i, 1, "passage " + i, gaussian(random, 1));
        }
        KnowledgeIndex index = builder.build();

        // when, then nothing is sent empty
        assertThat(index.search(gaussian(random, 1), "passage", 16, -1)).isEmpty();
    }

    /** For {@code queries} queries near stored vectors, vectors only: the hits rank as the exhaustive int8 ranking does. */
    private static void assertSameTopHits(float[][] vectors, Random random, int queries) {
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(DIMENSIONS, vectors.length / 2).keywordWeight(0);
        for (int i = 0; i < vectors.length; i++) {
            builder.add(i, 1 + i / 3, "passage", vectors[i]);
        }
        KnowledgeIndex index = builder.build();
        int k = 16;
        for (int q = 0; q < queries; q++) {
            // near a stored vector, spread over every part of the index from the last vector down
            float[] query = vectors[vectors.length - 1 - (int) ((long) q * vectors.length / queries)].clone();
            float[] noise = gaussian(random, 0.5f);
            for (int d = 0; d < DIMENSIONS; d++) {
                query[d] += noise[d];
            }
            float[] unit = unit(query);
            double[] exhaustive = new double[vectors.length];
            for (int i = 0; i < vectors.length; i++) {
                exhaustive[i] = Int8Rounding.cosine(unit, vectors[i]);
            }
            int[] order = best(exhaustive, k);

            List<Hit> hits = index.search(query, null, k, -1);

            assertThat(hits).hasSize(k);
            for (int rank = 0; rank < k; rank++) {
                int found = (int) hits.get(rank).chunkId();
                int expected = order[rank];
                // the same chunk, or one the exhaustive ranking scores the same within float rounding
                assertThat(exhaustive[found]).as("query %d, rank %d", q, rank)
                        .isCloseTo(exhaustive[expected], org.assertj.core.data.Offset.offset(1e-5));
                assertThat(hits.get(rank).score()).isCloseTo(exhaustive[found], org.assertj.core.data.Offset.offset(1e-5));
            }
            assertThat(hits.get(0).chunkId()).isEqualTo((long) order[0]);
        }
    }

    /** The positions of the {@code k} highest scores, highest first (a lower position first on a tie). */
    private static int[] best(double[] scores, int k) {
        int[] best = new int[k];
        Arrays.fill(best, -1);
        for (int i = 0; i < scores.length; i++) {
            if (best[k - 1] >= 0 && scores[i] <= scores[best[k - 1]]) {
                continue;
            }
            int at = k - 1;
            while (at > 0 && (best[at - 1] < 0 || scores[i] > scores[best[at - 1]])) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return best;
    }

    private static float[] gaussian(Random random, float sigma) {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) random.nextGaussian() * sigma;
        }
        return vector;
    }

    private static float[] unit(float[] vector) {
        float[] unit = vector.clone();
        double norm = 0;
        for (float v : unit) {
            norm += v * v;
        }
        for (int i = 0; i < unit.length; i++) {
            unit[i] /= (float) Math.sqrt(norm);
        }
        return unit;
    }
}
