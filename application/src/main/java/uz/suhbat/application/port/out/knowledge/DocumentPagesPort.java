package uz.suhbat.application.port.out.knowledge;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Copies one page out of a stored document as a document of its own, so that a user can see the
 * page an answer cited without ever receiving the whole file.
 */
public interface DocumentPagesPort {

    /**
     * Page {@code page} (1-based) of {@code file} as a one-page document. Empty when the file no
     * longer exists or has no such page; throws {@link DocumentTextPort.UnreadableDocumentException}
     * when the file cannot be read.
     */
    Optional<byte[]> singlePage(Path file, int page);
}
