package uz.suhbat.domain.report;

import java.util.List;

/** One page of a longer list; {@code total} counts all matches, page numbers start at 1. */
public record Page<T>(List<T> items, long total, int page, int pageSize) {

    public Page {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public int offset() {
        return (page - 1) * pageSize;
    }
}
