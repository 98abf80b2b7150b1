package uz.suhbat.domain.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uz.suhbat.domain.knowledge.KnowledgeIndex.Hit;

/**
 * What is sent to the model for a question: the hits grouped by page, each page one slot (see
 * {@link KnowledgeIndex#pageContext}). Holds, per page, its passages in document order.
 */
final class PageContext {

    private final long[] ids;
    private final PassageTexts texts;
    /** Per page, its chunks in document order. */
    private final Map<Integer, int[]> pageChunks;

    PageContext(long[] ids, int[] pages, PassageTexts texts) {
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
        int share = tokenBudget / Math.max(1, hitsByPage.size());
        int left = tokenBudget;
        List<Hit> slots = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> page : hitsByPage.entrySet()) {
            int[] all = pageChunks.get(page.getKey());
            String whole = passage(all, 0, all.length - 1);
            List<String> candidates = new ArrayList<>();
            if (ContextBudget.tokens(whole) <= share) {
                candidates.add(whole);
            }
            candidates.add(around(all, page.getValue(), 1));
            candidates.add(around(all, page.getValue(), 0));
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

    /** The index of a hit's chunk, found among its page's chunks by its id and text. */
    private int positionOf(Hit hit) {
        int[] chunks = pageChunks.get(hit.page());
        if (chunks == null) {
            return -1;
        }
        for (int chunk : chunks) {
            if (ids[chunk] == hit.chunkId() && texts.is(chunk, hit.text())) {
                return chunk;
            }
        }
        return -1;
    }

    /** The hits' chunks with {@code reach} neighbours on each side within the page, runs merged, gaps marked. */
    private String around(int[] pageChunksInOrder, List<Integer> hits, int reach) {
        boolean[] keep = new boolean[pageChunksInOrder.length];
        for (int hit : hits) {
            int at = Arrays.binarySearch(pageChunksInOrder, hit);
            for (int i = Math.max(0, at - reach); i <= Math.min(keep.length - 1, at + reach); i++) {
                keep[i] = true;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i]) {
                continue;
            }
            int end = i;
            while (end + 1 < keep.length && keep[end + 1]) {
                end++;
            }
            if (!text.isEmpty()) {
                text.append("\n…\n");
            }
            text.append(passage(pageChunksInOrder, i, end));
            i = end;
        }
        return text.toString();
    }

    /** Chunks {@code from..to} (inclusive, positions in {@code chunks}) as one text, their overlaps removed. */
    private String passage(int[] chunks, int from, int to) {
        String text = texts.get(chunks[from]);
        for (int i = from + 1; i <= to; i++) {
            text = ContextBudget.joinOverlapping(text, texts.get(chunks[i]));
        }
        return text;
    }
}
