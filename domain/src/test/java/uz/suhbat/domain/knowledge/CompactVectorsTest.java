package uz.suhbat.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocked, dimension-by-dimension scan against the plain one it replaced: each vector's cosine as
 * {@code scale · Σ query[i] · code[i]} over the same int8 codes, computed here row by row in double.
 */
class CompactVectorsTest {

    private static final int BLOCK = CompactVectors.BLOCK;

    @Test
    void theBlockedScanGivesEveryVectorTheCosineOfItsCodesAtEverySize() {
        Random random = new Random(5);
        for (int dimensions : new int[] {384, 7, 1}) {
            for (int size : new int[] {1, 2, BLOCK - 1, BLOCK, BLOCK + 1, 2 * BLOCK + 17}) {
                // given
                float[][] vectors = new float[size][];
                CompactVectors compact = new CompactVectors(dimensions, size / 3);
                for (int n = 0; n < size; n++) {
                    vectors[n] = gaussian(random, dimensions);
                    compact.add(vectors[n]);
                }
                compact.trim();
                float[] query = unit(gaussian(random, dimensions));

                // when
                float[] cosines = new float[BLOCK];
                float[] all = new float[size];
                for (int block = 0; block < compact.blocks(); block++) {
                    int width = compact.cosines(query, block, cosines);
                    assertThat(width).isEqualTo(Math.min(BLOCK, size - block * BLOCK));
                    System.arraycopy(cosines, 0, all, block * BLOCK, width);
                }

                // then
                assertThat(compact.size()).isEqualTo(size);
                assertThat(compact.blocks()).isEqualTo((size + BLOCK - 1) / BLOCK);
                for (int n = 0; n < size; n++) {
                    double expected = Int8Rounding.cosine(query, vectors[n]);
                    assertThat((double) all[n]).as("vector %d of %d, %d dimensions", n, size, dimensions)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(2e-5));
                    assertThat(compact.dot(query, n)).isEqualTo(all[n]);
                    // and the int8 rounding keeps the true cosine within about 0.01
                    assertThat((double) all[n]).isCloseTo(cosine(query, vectors[n]), org.assertj.core.data.Offset.offset(0.01));
                }
            }
        }
    }

    @Test
    void aZeroVectorScoresZeroAndEmptyVectorsHaveNoBlocks() {
        CompactVectors compact = new CompactVectors(4, 0);
        compact.trim();
        assertThat(compact.size()).isZero();
        assertThat(compact.blocks()).isZero();

        CompactVectors withZero = new CompactVectors(4, 2);
        withZero.add(new float[4]);
        withZero.add(new float[] {0, 2, 0, 0});
        withZero.trim();
        float[] out = new float[BLOCK];
        assertThat(withZero.cosines(new float[] {0, 1, 0, 0}, 0, out)).isEqualTo(2);
        assertThat(out[0]).isZero();
        assertThat(out[1]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void nothingIsAddedOnceTrimmed() {
        CompactVectors compact = new CompactVectors(2, 1);
        compact.add(new float[] {1, 0});
        compact.trim();
        assertThatThrownBy(() -> compact.add(new float[] {0, 1})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void holdsOneByteADimensionAndAScaleAVectorOnceTrimmed() {
        CompactVectors compact = new CompactVectors(384, 10);
        for (int n = 0; n < 3000; n++) {
            compact.add(gaussian(new Random(n), 384));
        }
        compact.trim();
        assertThat(compact.bytes()).isEqualTo(3000L * 384 + 4L * 3000);
    }

    private static double cosine(float[] unitQuery, float[] vector) {
        double dot = 0, norm = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += unitQuery[i] * vector[i];
            norm += vector[i] * vector[i];
        }
        return dot / Math.sqrt(norm);
    }

    private static float[] gaussian(Random random, int dimensions) {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) random.nextGaussian() * 3;
        }
        return vector;
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }
}
