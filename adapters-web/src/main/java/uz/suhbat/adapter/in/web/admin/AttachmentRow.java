package uz.suhbat.adapter.in.web.admin;

import uz.suhbat.application.port.in.attachment.AttachmentsUseCase;

/** A file as the admin's chat page shows it (partial {@code admin/chat-attachments}). */
record AttachmentRow(long id, long chatId, int rank, String name, String kind, boolean image, String size, int pages) {

    static AttachmentRow of(long chatId, AttachmentsUseCase.AttachmentView view) {
        return new AttachmentRow(view.id(), chatId, view.rank(), view.name(), view.kind(), view.image(), size(view.size()), view.pages());
    }

    /** Whether the page count is worth showing. */
    public boolean manyPages() {
        return pages > 1;
    }

    /** Where admins open it. */
    public String href() {
        return "/admin/chats/" + chatId + "/attachments/" + id;
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return Math.max(1, (bytes + 1023) / 1024) + " KB";
    }
}
