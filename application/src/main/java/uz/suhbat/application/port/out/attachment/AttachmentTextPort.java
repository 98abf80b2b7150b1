package uz.suhbat.application.port.out.attachment;

import java.util.List;
import uz.suhbat.domain.attachment.AttachmentKind;

/** Reads the text of an attached document page by page: PDF, Word (DOCX) and plain text or Markdown. */
public interface AttachmentTextPort {

    /**
     * The text of each page, page 1 first; a Word document's pages are those its last save marked (one page when it marked
     * none), a text file is one page. Throws {@link UnreadableAttachmentException} for a broken or encrypted file, one of more
     * than {@code maxPages} pages, or a kind that has no text (pictures).
     */
    List<String> pages(AttachmentKind kind, byte[] content, int maxPages);

    /** Why a file cannot be read. */
    final class UnreadableAttachmentException extends RuntimeException {

        public enum Reason { BROKEN, ENCRYPTED, TOO_MANY_PAGES }

        private final Reason reason;

        public UnreadableAttachmentException(Reason reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
