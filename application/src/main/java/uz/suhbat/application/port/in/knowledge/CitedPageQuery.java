package uz.suhbat.application.port.in.knowledge;

/**
 * The page of a PDF model's document that an answer cited, as a one-page PDF. The documents of PDF
 * models are never handed out otherwise: only a page that this very answer cited, to the owner of
 * the chat or to an admin.
 */
public interface CitedPageQuery {

    /** For the chat's owner; {@link NotFound} for anyone else, as if the chat did not exist. */
    CitedPage forUser(long userId, long chatId, int rank, int page);

    /** For an admin, who may read every chat. */
    CitedPage forAdmin(long chatId, int rank, int page);

    sealed interface CitedPage {
    }

    /** {@code documentName} is the PDF model's name, for the file name the browser shows. */
    record Found(String documentName, int page, byte[] pdf) implements CitedPage {
    }

    /** No such chat (or not the requester's), no such answer, or a page this answer did not cite. */
    record NotFound() implements CitedPage {
    }

    /** The answer did cite the page, but the model or its file has since been deleted; the cited text stays in the chat. */
    record Gone() implements CitedPage {
    }

    /**
     * The model exists, but its file is not in this node's FILES_DIR (several nodes that do not share one folder): a
     * problem of the installation, not a deleted document.
     */
    record NotOnThisNode() implements CitedPage {
    }
}
