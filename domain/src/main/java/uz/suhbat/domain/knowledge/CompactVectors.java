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
 *
 * <p>The codes are laid out in blocks of {@value #BLOCK} vectors, dimension by dimension within a block
 * (block {@code b} holds dimension 0 of its vectors, then dimension 1, …): a scan then adds
 * {@code query[i] · code} into one running sum per vector of the block, a loop over adjacent bytes with no
 * sum carried from one step to the next, which the JIT turns into SIMD instructions (a dot product per
 * vector is a reduction it leaves scalar). Same arithmetic, same bytes, about ten times faster on this machine
 * (docs/benchmarks.md, "Session 6"). The vectors being added are kept row by row until a block is full.
 */
final class CompactVectors {

    /** Vectors per block: their running sums (4 kB) stay in the first-level cache while a block is scanned. */
    static final int BLOCK = 1024;

    private final int dimensions;
    /** Full blocks, transposed; after {@link #trim()} also the last, partial one (its width the vectors left). */
    private byte[] codes;
    private float[] scales;
    private int size;
    /** The vectors of the block being filled, row by row; null once trimmed. */
    private byte[] pending;
    private boolean trimmed;

    CompactVectors(int dimensions, int capacity) {
        this.dimensions = dimensions;
        this.codes = new byte[Math.multiplyExact(Math.max(1, capacity), dimensions)];
        this.scales = new float[Math.max(1, capacity)];
        this.pending = new byte[Math.multiplyExact(BLOCK, dimensions)];
    }

    int dimensions() {
        return dimensions;
    }

    int size() {
        return size;
    }

    /** Appends {@code vector} (any length but zero is scaled to unit length first; a zero vector stays zero). */
    void add(float[] vector) {
        if (trimmed) {
            throw new IllegalStateException("trimmed: no more vectors");
        }
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
        int row = (size % BLOCK) * dimensions;
        if (sum > 0) {
            float step = max / 127;
            for (int i = 0; i < dimensions; i++) {
                pending[row + i] = (byte) Math.round(vector[i] / step);
            }
            scales[size] = (float) (step / Math.sqrt(sum));
        } else {
            Arrays.fill(pending, row, row + dimensions, (byte) 0);
        }
        size++;
        if (size % BLOCK == 0) {
            flush(size - BLOCK, BLOCK);
        }
    }

    /** Writes the pending rows of the block starting at vector {@code start}, {@code width} of them, transposed. */
    private void flush(int start, int width) {
        int base = start * dimensions;
        for (int j = 0; j < width; j++) {
            int row = j * dimensions;
            for (int i = 0; i < dimensions; i++) {
                codes[base + i * width + j] = pending[row + i];
            }
        }
    }

    /** Writes the last, partial block and drops the spare capacity the building left; no vector can be added after. */
    void trim() {
        if (trimmed) {
            return;
        }
        int width = size % BLOCK;
        if (width > 0) {
            flush(size - width, width);
        }
        codes = Arrays.copyOf(codes, size * dimensions);
        scales = Arrays.copyOf(scales, size);
        pending = null;
        trimmed = true;
    }

    /** Number of blocks: vectors {@code block · BLOCK} up to the next block or {@link #size()}. */
    int blocks() {
        return (size + BLOCK - 1) / BLOCK;
    }

    /**
     * The cosines of the unit {@code query} and the vectors of {@code block}, into {@code out[0 .. width)}, within the
     * rounding described above; returns the width (the block's number of vectors). {@code out} holds at least
     * {@link #BLOCK} floats. Only after {@link #trim()}.
     */
    int cosines(float[] query, int block, float[] out) {
        int start = block * BLOCK;
        int width = Math.min(BLOCK, size - start);
        Arrays.fill(out, 0, width, 0f);
        byte[] c = codes;
        int base = start * dimensions;
        int i = 0;
        // four dimensions a pass: a quarter of the loads and stores of the sums
        for (; i + 3 < dimensions; i += 4) {
            float q0 = query[i], q1 = query[i + 1], q2 = query[i + 2], q3 = query[i + 3];
            int o0 = base + i * width, o1 = o0 + width, o2 = o1 + width, o3 = o2 + width;
            for (int j = 0; j < width; j++) {
                out[j] += q0 * c[o0 + j] + q1 * c[o1 + j] + q2 * c[o2 + j] + q3 * c[o3 + j];
            }
        }
        for (; i < dimensions; i++) {
            float q = query[i];
            int o = base + i * width;
            for (int j = 0; j < width; j++) {
                out[j] += q * c[o + j];
            }
        }
        for (int j = 0; j < width; j++) {
            out[j] *= scales[start + j];
        }
        return width;
    }

    /** The cosine of the unit {@code query} and vector {@code index} alone (the same sum as {@link #cosines}). Only after {@link #trim()}. */
    float dot(float[] query, int index) {
        int start = index - index % BLOCK;
        int width = Math.min(BLOCK, size - start);
        int at = start * dimensions + index - start;
        byte[] c = codes;
        float sum = 0;
        int i = 0;
        for (; i + 3 < dimensions; i += 4) {
            int o0 = at + i * width, o1 = o0 + width, o2 = o1 + width, o3 = o2 + width;
            sum += query[i] * c[o0] + query[i + 1] * c[o1] + query[i + 2] * c[o2] + query[i + 3] * c[o3];
        }
        for (; i < dimensions; i++) {
            sum += query[i] * c[at + i * width];
        }
        return sum * scales[index];
    }

    /** Bytes held, for the memory report. */
    long bytes() {
        return (long) codes.length + 4L * scales.length + (pending == null ? 0 : pending.length);
    }
}
