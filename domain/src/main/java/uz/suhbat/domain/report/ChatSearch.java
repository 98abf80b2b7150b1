package uz.suhbat.domain.report;

import java.time.LocalDate;

/**
 * Filters of the all-chats page; blank or null ones do not filter. {@code user} matches part of the
 * username, {@code model} the model id exactly, {@code from}/{@code to} the creation day (UTC, included),
 * {@code text} part of any message of the chat.
 */
public record ChatSearch(String user, String model, LocalDate from, LocalDate to, String text, int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;

    public ChatSearch {
        user = blankToEmpty(user);
        model = blankToEmpty(model);
        text = blankToEmpty(text);
        from = from == null ? null : clamp(from);
        to = to == null ? null : clamp(to);
        page = Math.max(1, page);
        pageSize = Math.clamp(pageSize, 1, MAX_PAGE_SIZE);
    }

    private static LocalDate clamp(LocalDate day) {
        return day.isBefore(DateRange.EARLIEST) ? DateRange.EARLIEST : day.isAfter(DateRange.LATEST) ? DateRange.LATEST : day;
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
