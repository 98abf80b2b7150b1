package uz.suhbat.domain.report;

/** {@code text} matches part of a username or e-mail address, without case; empty matches everyone. */
public record UserSearch(String text, UserSort sort, boolean ascending, int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;

    public UserSearch {
        text = text == null ? "" : text.strip();
        sort = sort == null ? UserSort.REGISTERED : sort;
        page = Math.max(1, page);
        pageSize = Math.clamp(pageSize, 1, MAX_PAGE_SIZE);
    }
}
