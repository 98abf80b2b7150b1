package uz.suhbat.adapter.in.web.admin;

import uz.suhbat.domain.report.ChatOverview;

/**
 * A chat as the admin pages show it (list, chat page, print page and PDF). {@code closedReason}: the
 * bundle key of why the chat is closed, or null (the template's section is then skipped).
 */
record ChatRow(long id, long userId, String username, String title, String model, String created, String updated, int used,
               int limit, boolean readOnly, String closedReason) {

    static ChatRow of(ChatOverview chat) {
        return new ChatRow(chat.id(), chat.userId(), chat.username(), chat.title(), chat.model(), AdminPages.minute(chat.createdAt()),
                AdminPages.minute(chat.updatedAt()), chat.used(), chat.limit(), chat.readOnly(),
                chat.closedReason() == null ? null : "admin.chat.closed." + chat.closedReason());
    }

    /** The same row with its model as admins read it ({@link ModelNames}: a PDF model's name instead of "pdf-12"). */
    ChatRow named(java.util.function.Function<String, String> names) {
        return new ChatRow(id, userId, username, title, names.apply(model), created, updated, used, limit, readOnly, closedReason);
    }
}
