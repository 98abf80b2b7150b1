package uz.suhbat.domain.report;

import java.util.List;

/**
 * One page of a longer list; {@code total} counts all matches, page numbers start at 1. A search that
 * cannot afford to count every match gives an {@code estimated} total (rounded, from a sample of the
 * newest rows), or counts only the {@code searchedNewest} newest rows (0: all of them were searched).
 */
public record Page<T>(List<T> items, long total, int page, int pageSize, boolean estimated, long searchedNewest) {

    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, long total, int page, int pageSize) {
        this(items, total, page, pageSize, false, 0);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public long offset() {
        return offset(page, pageSize);
    }

    /** Rows before page {@code page}, as a long: a page number near {@link Integer#MAX_VALUE} must not wrap to a negative offset. */
    public static long offset(int page, int pageSize) {
        return (Math.max(1L, page) - 1L) * Math.max(1L, pageSize);
    }
}
