package uz.suhbat.domain.knowledge;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The passages' texts of a {@link KnowledgeIndex}, by position: kept as UTF-8 ({@link PassageTexts}), or, when the
 * index was given a {@link PassageSource}, read from it by the passages' ids, all those one call needs at once.
 */
final class IndexTexts {

    private final long[] ids;
    /** The texts when kept in memory, else null and read from {@link #source}. */
    private final PassageTexts kept;
    private final PassageSource source;

    IndexTexts(long[] ids, PassageTexts kept, PassageSource source) {
        this.ids = ids;
        this.kept = kept;
        this.source = source;
    }

    /** The texts of the chunks at these positions, null where the source no longer has one. */
    String[] at(int[] positions) {
        String[] text = new String[positions.length];
        if (kept != null) {
            for (int i = 0; i < positions.length; i++) {
                text[i] = kept.get(positions[i]);
            }
            return text;
        }
        if (positions.length == 0) {
            return text;
        }
        Set<Long> wanted = new LinkedHashSet<>();
        for (int position : positions) {
            wanted.add(ids[position]);
        }
        Map<Long, String> read = source.texts(wanted);
        for (int i = 0; i < positions.length; i++) {
            text[i] = read.get(ids[positions[i]]);
        }
        return text;
    }

    /** Bytes held: the kept texts, 0 when they are read from a source. */
    long bytes() {
        return kept == null ? 0 : kept.bytes();
    }
}
