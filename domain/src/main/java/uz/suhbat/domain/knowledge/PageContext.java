package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uz.suhbat.domain.knowledge.KnowledgeIndex.Hit;

/**
 * What is sent to the model for a question: the hits grouped by page, each page one slot (see
 * {@link KnowledgeIndex#pageContext}). Holds, per page, its passages (by position) in document order; their
 * texts are read, for the pages sent only, in one call to the index's texts.
 */
final class PageContext {

    /** The texts of the passages at these positions of the index, null where one is gone. */
    @FunctionalInterface
    interface Texts {
        String[] at(int[] positions);
    }

    private final long[] ids;
    private final Texts texts;
    /** Per page, its chunks in document order. */
    private final Map<Integer, int[]> pageChunks;

    PageContext(long[] ids, int[] pages, Texts texts) {
        this.ids = ids;
        this.texts = texts;
        Map<Integer, List<Integer>> byPage = new HashMap<>();
        for (int chunk = 0; chunk < pages.length; chunk++) {
            byPage.computeIfAbsent(pages[chunk], p -> new ArrayList<>()).add(chunk);
        }
        Map<Integer, int[]> chunksOfPage = new HashMap<>();
        byPage.forEach((page, chunks) -> chunksOfPage.put(page, chunks.stream().mapToInt(Integer::intValue).toArray()));
        this.pageChunks = Map.copyOf(chunksOfPage);
    }

    List<Hit> assemble(List<Hit> ranked, int maxPages, int tokenBudget) {
        if (maxPages < 1 || tokenBudget < 1) {
            throw new IllegalArgumentException("maxPages and tokenBudget must be positive");
        }
        Map<Integer, List<Integer>> hitsByPage = new LinkedHashMap<>();
        Map<Integer, Hit> bestOfPage = new HashMap<>();
        for (Hit hit : ranked) {
            int chunk = positionOf(hit);
            if (chunk < 0 || (!hitsByPage.containsKey(hit.page()) && hitsByPage.size() == maxPages)) {
                continue;
            }
            hitsByPage.computeIfAbsent(hit.page(), p -> new ArrayList<>()).add(chunk);
            bestOfPage.putIfAbsent(hit.page(), hit);
        }
        Map<Integer, String> text = read(hitsByPage.keySet());
        int share = tokenBudget / Math.max(1, hitsByPage.size());
        int left = tokenBudget;
        List<Hit> slots = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> page : hitsByPage.entrySet()) {
            int[] all = pageChunks.get(page.getKey());
            String whole = passage(text, all, 0, all.length - 1);
            if (whole.isEmpty()) {
                continue; // its passages are gone (the model was read again meanwhile)
            }
            List<String> candidates = new ArrayList<>();
            if (ContextBudget.tokens(whole) <= share) {
                candidates.add(whole);
            }
            candidates.add(around(text, all, page.getValue(), 1));
            candidates.add(around(text, all, page.getValue(), 0));
            String chosen = null;
            for (String candidate : candidates) {
                if (ContextBudget.tokens(candidate) <= left) {
                    chosen = candidate;
                    break;
                }
            }
            if (chosen == null && slots.isEmpty()) {
                chosen = candidates.get(candidates.size() - 1);
            }
            if (chosen != null) {
                left -= ContextBudget.tokens(chosen);
                Hit best = bestOfPage.get(page.getKey());
                slots.add(new Hit(best.chunkId(), best.page(), chosen, best.score()));
            }
        }
        slots.sort(Comparator.comparingInt(Hit::page));
        return slots;
    }

    /** The texts of every chunk of these pages, by position, in one call. */
    private Map<Integer, String> read(Collection<Integer> pages) {
        int[] positions = pages.stream().flatMapToInt(page -> Arrays.stream(pageChunks.get(page))).toArray();
        String[] read = texts.at(positions);
        Map<Integer, String> byPosition = new HashMap<>();
        for (int i = 0; i < positions.length; i++) {
            if (read[i] != null) {
                byPosition.put(positions[i], read[i]);
            }
        }
        return byPosition;
    }

    /** The index of a hit's chunk, found among its page's chunks by its id. */
    private int positionOf(Hit hit) {
        int[] chunks = pageChunks.get(hit.page());
        if (chunks == null) {
            return -1;
        }
        for (int chunk : chunks) {
            if (ids[chunk] == hit.chunkId()) {
                return chunk;
            }
        }
        return -1;
    }

    /** The hits' chunks with {@code reach} neighbours on each side within the page, runs merged, gaps marked. */
    private String around(Map<Integer, String> text, int[] pageChunksInOrder, List<Integer> hits, int reach) {
        boolean[] keep = new boolean[pageChunksInOrder.length];
        for (int hit : hits) {
            int at = Arrays.binarySearch(pageChunksInOrder, hit);
            for (int i = Math.max(0, at - reach); i <= Math.min(keep.length - 1, at + reach); i++) {
                keep[i] = true;
            }
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                continue;
            }
            int end = i;
            while (end + 1 < keep.length && keep[end + 1]) {
                end++;
            }
            if (!joined.isEmpty()) {
                joined.append("\n…\n");
            }
            joined.append(passage(text, pageChunksInOrder, i, end));
            i = end;
        }
        return joined.toString();
    }

    /** Chunks {@code from..to} (inclusive, positions in {@code chunks}) as one text, their overlaps removed (a chunk gone meanwhile left out). */
    private static String passage(Map<Integer, String> text, int[] chunks, int from, int to) {
        String joined = null;
        for (int i = from; i <= to; i++) {
            String next = text.get(chunks[i]);
            if (next != null) {
                joined = joined == null ? next : ContextBudget.joinOverlapping(joined, next);
            }
        }
        return joined == null ? "" : joined;
    }
}
