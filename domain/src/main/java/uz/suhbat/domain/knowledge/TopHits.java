package uz.suhbat.domain.knowledge;

import java.util.Arrays;

/**
 * The best {@code k} chunks seen so far, as a min-heap on primitive arrays so that offering each of
 * 100,000 chunks allocates nothing. A lower chunk number wins a tie, which keeps results stable.
 */
final class TopHits {

    private final int[] chunks;
    private final float[] scores;
    private int size;

    TopHits(int k) {
        chunks = new int[k];
        scores = new float[k];
    }

    void offer(int chunk, float score) {
        if (size < chunks.length) {
            chunks[size] = chunk;
            scores[size] = score;
            siftUp(size++);
        } else if (better(chunk, score, 0)) {
            chunks[0] = chunk;
            scores[0] = score;
            siftDown(0);
        }
    }

    void addAll(TopHits other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.chunks[i], other.scores[i]);
        }
    }

    /** Chunk numbers, best first. */
    int[] bestFirst() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(chunks[a], chunks[b]));
        int[] best = new int[size];
        for (int i = 0; i < size; i++) {
            best[i] = chunks[order[i]];
        }
        return best;
    }

    float scoreOf(int chunk) {
        for (int i = 0; i < size; i++) {
            if (chunks[i] == chunk) {
                return scores[i];
            }
        }
        throw new IllegalArgumentException("not among the hits: " + chunk);
    }

    /** Whether (chunk, score) ranks above the entry at heap slot {@code slot}. */
    private boolean better(int chunk, float score, int slot) {
        return score > scores[slot] || (score == scores[slot] && chunk < chunks[slot]);
    }

    private void siftUp(int slot) {
        while (slot > 0) {
            int parent = (slot - 1) / 2;
            if (!better(chunks[parent], scores[parent], slot)) {
                return;
            }
            swap(slot, parent);
            slot = parent;
        }
    }

    private void siftDown(int slot) {
        while (true) {
            int worst = slot;
            for (int child = 2 * slot + 1; child <= 2 * slot + 2 && child < size; child++) {
                if (better(chunks[worst], scores[worst], child)) {
                    worst = child;
                }
            }
            if (worst == slot) {
                return;
            }
            swap(slot, worst);
            slot = worst;
        }
    }

    private void swap(int a, int b) {
        int chunk = chunks[a];
        chunks[a] = chunks[b];
        chunks[b] = chunk;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
