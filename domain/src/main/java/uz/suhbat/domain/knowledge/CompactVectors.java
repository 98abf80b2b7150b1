package uz.suhbat.domain.knowledge;

import java.util.Arrays;

/**
 * Unit vectors kept as one signed byte per dimension (int8) with one float scale per vector: a
 * quarter of the memory of floats (384 dimensions: 388 bytes a passage instead of 1,536), and a
 * quarter of the bytes a search streams through. Each component is rounded to the nearest of 255
 * steps of that vector's largest magnitude, so a component is off by at most half a step
 * ({@code max|v| / 254}); for a 384-dimension unit vector that moves a cosine by about 0.001 (measured
 * on the evaluation set: no question's pages changed rank, docs/benchmarks.md). The query stays in
 * float: a score is {@code scale · Σ query[i] · code[i]}, so only the passages' side is rounded.
 */
final class CompactVectors {

    private final int dimensions;
    private byte[] codes;
    private float[] scales;
    private int size;

    CompactVectors(int dimensions, int capacity) {
        this.dimensions = dimensions;
        this.codes = new byte[Math.multiplyExact(Math.max(1, capacity), dimensions)];
        this.scales = new float[Math.max(1, capacity)];
    }

    int dimensions() {
        return dimensions;
    }

    int size() {
        return size;
    }

    /** Appends {@code vector} (any length but zero is scaled to unit length first; a zero vector stays zero). */
    void add(float[] vector) {
        if (size == scales.length) {
            int capacity = size * 2;
            codes = Arrays.copyOf(codes, Math.multiplyExact(capacity, dimensions));
            scales = Arrays.copyOf(scales, capacity);
        }
        double sum = 0;
        float max = 0;
        for (float v : vector) {
            sum += v * v;
            max = Math.max(max, Math.abs(v));
        }
        int offset = size * dimensions;
        if (sum > 0) {
            float step = max / 127;
            for (int i = 0; i < dimensions; i++) {
                codes[offset + i] = (byte) Math.round(vector[i] / step);
            }
            scales[size] = (float) (step / Math.sqrt(sum));
        }
        size++;
    }

    /** Drops the spare capacity the building left. */
    void trim() {
        codes = Arrays.copyOf(codes, size * dimensions);
        scales = Arrays.copyOf(scales, size);
    }

    /** The cosine of the unit {@code query} and vector {@code index}, within the rounding described above. */
    float dot(float[] query, int index) {
        int offset = index * dimensions;
        byte[] c = codes;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        // eight independent sums let the CPU overlap the multiply-adds instead of waiting on one chain (the JIT does not
        // vectorise a float sum); eight instead of four took a scan of 100,000 from 19.5 to 14.8 ms of CPU here
        for (; i + 7 < dimensions; i += 8) {
            s0 += query[i] * c[offset + i];
            s1 += query[i + 1] * c[offset + i + 1];
            s2 += query[i + 2] * c[offset + i + 2];
            s3 += query[i + 3] * c[offset + i + 3];
            s4 += query[i + 4] * c[offset + i + 4];
            s5 += query[i + 5] * c[offset + i + 5];
            s6 += query[i + 6] * c[offset + i + 6];
            s7 += query[i + 7] * c[offset + i + 7];
        }
        for (; i < dimensions; i++) {
            s0 += query[i] * c[offset + i];
        }
        return (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) * scales[index];
    }

    /** Bytes held, for the memory report. */
    long bytes() {
        return (long) codes.length + 4L * scales.length;
    }
}
