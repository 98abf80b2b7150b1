package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Optional;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPortContract;

class FileDocumentStoreTest extends DocumentFilesPortContract {

    @Override
    protected DocumentFilesPort emptyStore() {
        return new FileDocumentStore(dir.resolve("contract"));
    }

    @Override
    protected Optional<byte[]> contentOf(DocumentFilesPort files, String name) {
        Path path = files.path(name);
        try {
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    @TempDir
    Path dir;

    @Test
    void storesUnderAGeneratedNameAndDeletes() throws Exception {
        FileDocumentStore store = new FileDocumentStore(dir.resolve("file"));

        String name = store.store(new ByteArrayInputStream("%PDF-1.7 body".getBytes()), 1_000);

        assertThat(name).matches("[0-9a-f-]{36}\\.pdf");
        assertThat(Files.readString(store.path(name))).isEqualTo("%PDF-1.7 body");
        store.delete(name);
        assertThat(store.path(name)).doesNotExist();
    }

    @Test
    void refusesTooLargeUploadsAndLeavesNothingBehind() throws Exception {
        FileDocumentStore store = new FileDocumentStore(dir);

        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[2_000]), 1_000)).isInstanceOf(DocumentFilesPort.TooLargeException.class);

        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void neverResolvesANameItDidNotGive() {
        FileDocumentStore store = new FileDocumentStore(dir);

        assertThatThrownBy(() -> store.path("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.path("report.pdf")).isInstanceOf(IllegalArgumentException.class);
    }
}
