package uz.suhbat.application.port.out.knowledge;

import java.io.InputStream;
import java.nio.file.Path;

/** Where uploaded documents are kept (FILES_DIR), each under a generated name, never the uploaded one. */
public interface DocumentFilesPort {

    /** Copies the upload and returns its generated name; throws {@link TooLargeException} past {@code maxBytes}. */
    String store(InputStream upload, long maxBytes);

    Path path(String name);

    void delete(String name);

    /**
     * Whether the file is here. Several nodes must share one FILES_DIR; a node that does not see a file of an existing
     * model says so ("not available on this node") rather than calling the document deleted.
     */
    boolean present(String name);

    final class TooLargeException extends RuntimeException {
        public TooLargeException(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }
}
