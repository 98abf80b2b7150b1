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
        page = Math.max(1, page);
        pageSize = Math.clamp(pageSize, 1, MAX_PAGE_SIZE);
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
