package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class MiniLmEmbeddingsTest {

    private static final MiniLmEmbeddings embeddings = new MiniLmEmbeddings();

    @AfterAll
    static void close() {
        embeddings.close();
    }

    @Test
    void namesItsModelAndDimension() {
        assertThat(embeddings.modelId()).isEqualTo("all-minilm-l6-v2/384");
        assertThat(embeddings.dimensions()).isEqualTo(384);
        assertThat(embeddings.embedAll(List.of())).isEmpty();
    }

    @Test
    void returnsOneUnitVectorPerTextInOrder() {
        // given
        List<String> texts = List.of("The cat sleeps on the sofa.", "Stock prices fell sharply today.",
                "A kitten is napping on the couch.", "Toshkent Oʻzbekistonning poytaxti.");

        // when
        List<float[]> vectors = embeddings.embedAll(texts);

        // then
        assertThat(vectors).hasSize(4).allSatisfy(vector -> {
            assertThat(vector).hasSize(384);
            assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
        });
        assertThat(vectors.get(3)).containsExactly(embeddings.embed(texts.get(3)), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(dot(vectors.get(0), vectors.get(2))).isGreaterThan(dot(vectors.get(0), vectors.get(1)) + 0.3);
    }

    @Test
    void releasesTheRuntimeWhenIdleAndLoadsItAgainForTheNextTextWithTheSameVectors() throws InterruptedException {
        try (MiniLmEmbeddings released = new MiniLmEmbeddings(2, java.time.Duration.ofMillis(300))) {
            // given
            float[] before = released.embed("Samarqand qadimiy shahar.");
            assertThat(released.loaded()).isTrue();
            long fullCollections = fullCollections();

            // when nothing is embedded for longer than the idle time
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (released.loaded() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            // then it was released, followed by a full collection of the heap (CompactCollection)
            assertThat(released.loaded()).isFalse();
            while (fullCollections() == fullCollections && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(fullCollections()).isGreaterThan(fullCollections);
            // and the next text loads it again and gets the same vector
            float[] after = released.embed("Samarqand qadimiy shahar.");
            assertThat(released.loads()).isEqualTo(2);
            assertThat(after).containsExactly(before, org.assertj.core.data.Offset.offset(1e-6f));
            // and the same as the vector of the model that is never released
            assertThat(after).containsExactly(embeddings.embed("Samarqand qadimiy shahar."), org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    /** Collections of the old generation (a full collection; G1's, the serial collector's, the parallel one's). */
    private static long fullCollections() {
        long count = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().contains("Old") || gc.getName().contains("MarkSweep")) {
                count += gc.getCollectionCount();
            }
        }
        return count;
    }

    @Test
    void aRuntimeInUseIsNotReleased() {
        try (MiniLmEmbeddings kept = new MiniLmEmbeddings(1, java.time.Duration.ofMinutes(10))) {
            kept.embed("bir");
            kept.releaseIfIdle();
            assertThat(kept.loaded()).as("used less than the idle time ago").isTrue();
        }
        try (MiniLmEmbeddings shipped = new MiniLmEmbeddings(1)) {
            shipped.embed("bir");
            shipped.releaseIfIdle();
            assertThat(shipped.loaded()).as("the application's: kept for five minutes after the last text").isTrue();
            assertThat(MiniLmEmbeddings.IDLE_RELEASE).isEqualTo(java.time.Duration.ofMinutes(5));
        }
        try (MiniLmEmbeddings forever = new MiniLmEmbeddings(1, java.time.Duration.ZERO)) {
            forever.embed("bir");
            forever.releaseIfIdle();
            assertThat(forever.loaded()).as("zero: kept for as long as the process runs").isTrue();
        }
    }

    private static double norm(float[] vector) {
        return Math.sqrt(dot(vector, vector));
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
