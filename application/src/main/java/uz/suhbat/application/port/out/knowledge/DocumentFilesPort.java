package uz.suhbat.application.port.out.knowledge;

import java.io.InputStream;
import java.nio.file.Path;

/** Where uploaded documents are kept (FILES_DIR), each under a generated name, never the uploaded one. */
public interface DocumentFilesPort {

    /** Copies the upload and returns its generated name; throws {@link TooLargeException} past {@code maxBytes}. */
    String store(InputStream upload, long maxBytes);

    Path path(String name);

    void delete(String name);

    final class TooLargeException extends RuntimeException {
        public TooLargeException(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }
}
