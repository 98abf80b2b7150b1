package uz.suhbat.application.fake;

import java.util.Optional;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPortContract;

class InMemoryDocumentFilesTest extends DocumentFilesPortContract {

    @Override
    protected DocumentFilesPort emptyStore() {
        return new InMemoryDocumentFiles();
    }

    @Override
    protected Optional<byte[]> contentOf(DocumentFilesPort files, String name) {
        return ((InMemoryDocumentFiles) files).bytes(name);
    }
}
