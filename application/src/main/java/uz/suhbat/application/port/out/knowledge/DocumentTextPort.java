package uz.suhbat.application.port.out.knowledge;

import java.nio.file.Path;

/** Reads the text of an uploaded document page by page, without holding the whole text in memory. */
public interface DocumentTextPort {

    /**
     * Checks the file as an upload is accepted: that it is a document of the supported kind, opens
     * without a password, is within the page limit and has text on at least one page. Returns its
     * page count; throws {@link UnreadableDocumentException} when it cannot be used.
     */
    int inspect(Path file);

    /**
     * Calls {@code consumer} once per page, in order, with 1-based page numbers (blank pages get
     * blank text). Throws {@link UnreadableDocumentException} for the same reasons as
     * {@link #inspect}, possibly after some pages were delivered (a time budget can run out midway,
     * and NO_TEXT is only known at the end). Exceptions thrown by the consumer pass through unchanged.
     */
    void readPages(Path file, PageConsumer consumer);

    @FunctionalInterface
    interface PageConsumer {
        void page(int number, String text);
    }

    /** Why a document cannot be used; {@code reason} names a message key for the admin. */
    final class UnreadableDocumentException extends RuntimeException {

        public enum Reason {
            NOT_PDF, ENCRYPTED, NO_TEXT, BROKEN, TOO_LARGE, TOO_SLOW;

            /** The problem the admin is told. */
            public uz.suhbat.domain.shared.Problem problem() {
                return switch (this) {
                    case NOT_PDF -> uz.suhbat.domain.shared.Problem.DOCUMENT_NOT_PDF;
                    case ENCRYPTED -> uz.suhbat.domain.shared.Problem.DOCUMENT_ENCRYPTED;
                    case NO_TEXT -> uz.suhbat.domain.shared.Problem.DOCUMENT_NO_TEXT;
                    case BROKEN -> uz.suhbat.domain.shared.Problem.DOCUMENT_BROKEN;
                    case TOO_LARGE -> uz.suhbat.domain.shared.Problem.DOCUMENT_TOO_LARGE;
                    case TOO_SLOW -> uz.suhbat.domain.shared.Problem.DOCUMENT_TOO_SLOW;
                };
            }
        }

        private final Reason reason;

        public UnreadableDocumentException(Reason reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
