package uz.suhbat.application.fake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import uz.suhbat.application.port.out.knowledge.DocumentPagesPort;

/** "Cuts" page N of a stored in-memory document into the bytes {@code page N of <file>}; nothing for deleted files. */
public final class FakeDocumentPages implements DocumentPagesPort {

    private final InMemoryDocumentFiles files;
    private final int pagesPerDocument;

    public FakeDocumentPages(InMemoryDocumentFiles files, int pagesPerDocument) {
        this.files = files;
        this.pagesPerDocument = pagesPerDocument;
    }

    @Override
    public Optional<byte[]> singlePage(Path file, int page) {
        String name = file.getFileName().toString();
        if (!files.has(name) || page < 1 || page > pagesPerDocument) {
            return Optional.empty();
        }
        return Optional.of(("page " + page + " of " + name).getBytes(StandardCharsets.UTF_8));
    }
}
