package uz.suhbat.domain.knowledge;

/** The tests' reference for the compact index: one vector's score computed row by row, in double. */
final class Int8Rounding {

    private Int8Rounding() {
    }

    /**
     * {@code scale · Σ query[i] · code[i]}: the cosine of a unit {@code query} and {@code vector}'s int8 codes, with the codes
     * rounded as {@link CompactVectors#add} rounds them.
     */
    static double cosine(float[] query, float[] vector) {
        double sum = 0;
        float max = 0;
        for (float v : vector) {
            sum += v * v;
            max = Math.max(max, Math.abs(v));
        }
        float step = max / 127;
        double dot = 0;
        for (int i = 0; i < vector.length; i++) {
            dot += query[i] * (byte) Math.round(vector[i] / step);
        }
        return dot * (float) (step / Math.sqrt(sum));
    }
}
