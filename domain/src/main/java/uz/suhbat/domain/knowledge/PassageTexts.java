package uz.suhbat.domain.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The passages' texts as UTF-8 in one byte array with an offset per passage, decoded when a passage
 * is returned. A {@code String} per passage costs a header and an array each, and two bytes a
 * character as soon as the text holds one character outside Latin-1 (the Uzbek ʻ U+02BB, any
 * Cyrillic): about half the memory for Uzbek Latin text, and one object instead of 100,000.
 */
final class PassageTexts {

    private byte[] bytes;
    private int[] offsets;
    private int size;

    PassageTexts(int capacity, int averageBytes) {
        this.bytes = new byte[Math.max(16, Math.multiplyExact(Math.max(1, capacity), averageBytes))];
        this.offsets = new int[Math.max(1, capacity) + 1];
    }

    void add(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int end = offsets[size];
        if (end + utf8.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, end + utf8.length));
        }
        System.arraycopy(utf8, 0, bytes, end, utf8.length);
        offsets[++size] = end + utf8.length;
    }

    void trim() {
        bytes = Arrays.copyOf(bytes, offsets[size]);
        offsets = Arrays.copyOf(offsets, size + 1);
    }

    String get(int index) {
        return new String(bytes, offsets[index], offsets[index + 1] - offsets[index], StandardCharsets.UTF_8);
    }

    /** Whether passage {@code index} is {@code text}, without decoding it. */
    boolean is(int index, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(bytes, offsets[index], offsets[index + 1], utf8, 0, utf8.length);
    }

    long bytes() {
        return bytes.length + 4L * offsets.length;
    }
}
