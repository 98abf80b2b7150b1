package uz.suhbat.domain.knowledge;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The keyword index's terms, sorted, as UTF-8 back to back in one byte array with an offset each: a
 * term's id is its position. A {@code HashMap<String, Integer>} of 100,000 terms costs about 10 MB
 * (a String, its array, a map node and an Integer each); this costs the terms' bytes and eight bytes a
 * term (its offset, and its place in the order of the terms written backwards, which finds compounds).
 * UTF-8 sorts like the code points, so a term's prefixes and the terms it starts are next to it.
 */
final class TermDictionary {

    private final byte[] bytes;
    private final int[] offsets;
    /** The term ids in the order of their texts written backwards: the terms that end with a text are next to each other. */
    private final int[] byReversed;

    private TermDictionary(byte[] bytes, int[] offsets, int[] byReversed) {
        this.bytes = bytes;
        this.offsets = offsets;
        this.byReversed = byReversed;
    }

    /** The dictionary of {@code terms} (distinct); {@code ids[i]} receives the id of the i-th term in iteration order. */
    static TermDictionary of(Collection<String> terms, int[] ids) {
        byte[][] utf8 = new byte[terms.size()][];
        int i = 0;
        long total = 0;
        for (String term : terms) {
            utf8[i++] = term.getBytes(StandardCharsets.UTF_8);
            total += utf8[i - 1].length;
        }
        Integer[] order = new Integer[utf8.length];
        Arrays.setAll(order, n -> n);
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(utf8[a], utf8[b]));
        byte[] bytes = new byte[Math.toIntExact(total)];
        int[] offsets = new int[utf8.length + 1];
        for (int id = 0; id < order.length; id++) {
            byte[] term = utf8[order[id]];
            System.arraycopy(term, 0, bytes, offsets[id], term.length);
            offsets[id + 1] = offsets[id] + term.length;
            ids[order[id]] = id;
        }
        TermDictionary unordered = new TermDictionary(bytes, offsets, new int[0]);
        String[] reversed = new String[order.length];
        Arrays.setAll(reversed, id -> reverse(unordered.term(id)));
        int[] byReversed = IntStream.range(0, order.length).boxed()
                .sorted(Comparator.comparing(id -> reversed[id])).mapToInt(Integer::intValue).toArray();
        return new TermDictionary(bytes, offsets, byReversed);
    }

    int size() {
        return offsets.length - 1;
    }

    String term(int id) {
        return new String(bytes, offsets[id], offsets[id + 1] - offsets[id], StandardCharsets.UTF_8);
    }

    /** The id of {@code term}, or −1. */
    int id(String term) {
        int at = search(term.getBytes(StandardCharsets.UTF_8));
        return at >= 0 ? at : -1;
    }

    /** Up to {@code max} ids of the longer terms that start with {@code term} and that {@code accept} takes, in order. */
    int[] longer(String term, int max, IntPredicate accept) {
        byte[] prefix = term.getBytes(StandardCharsets.UTF_8);
        int at = search(prefix);
        int[] found = new int[Math.max(0, max)];
        int n = 0;
        for (int id = at < 0 ? -at - 1 : at + 1; id < size() && n < found.length && startsWith(id, prefix); id++) {
            if (accept.test(id)) {
                found[n++] = id;
            }
        }
        return Arrays.copyOf(found, n);
    }

    /** Up to {@code max} ids of the other terms that end with {@code term}, in the order of the terms written backwards. */
    int[] endingWith(String term, int max) {
        String reversed = reverse(term);
        int low = 0, high = byReversed.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = reverse(term(byReversed[middle])).compareTo(reversed);
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                low = middle + 1; // the term itself: start after it
                break;
            }
        }
        int[] found = new int[Math.min(max, byReversed.length - low)];
        int n = 0;
        for (int i = low; i < byReversed.length && n < found.length && reverse(term(byReversed[i])).startsWith(reversed); i++) {
            found[n++] = byReversed[i];
        }
        return Arrays.copyOf(found, n);
    }

    /** Bytes held, for the memory report. */
    long bytes() {
        return bytes.length + 4L * offsets.length + 4L * byReversed.length;
    }

    private boolean startsWith(int id, byte[] prefix) {
        int length = offsets[id + 1] - offsets[id];
        return length >= prefix.length && Arrays.equals(bytes, offsets[id], offsets[id] + prefix.length, prefix, 0, prefix.length);
    }

    /** Binary search: the id of {@code utf8}, or −(insertion point) − 1. */
    private int search(byte[] utf8) {
        int low = 0, high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int c = Arrays.compareUnsigned(bytes, offsets[middle], offsets[middle + 1], utf8, 0, utf8.length);
            if (c < 0) {
                low = middle + 1;
            } else if (c > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -low - 1;
    }

    private static String reverse(String text) {
        return new StringBuilder(text).reverse().toString();
    }
}
