package uz.suhbat.application.port.out.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link DocumentFilesPort} must do: keep an upload whole under a name of its own, refuse what is too large, delete. */
public abstract class DocumentFilesPortContract {

    protected abstract DocumentFilesPort emptyStore();

    /** The bytes kept under {@code name}, empty when nothing is. */
    protected abstract Optional<byte[]> contentOf(DocumentFilesPort files, String name);

    private static ByteArrayInputStream upload(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsAnUploadWholeUnderANameOfItsOwn() {
        DocumentFilesPort files = emptyStore();

        String first = files.store(upload("%PDF-1.7 birinchi"), 1_000);
        String second = files.store(upload("%PDF-1.7 ikkinchi"), 1_000);

        assertThat(first).isNotEqualTo(second).doesNotContain("/").doesNotContain("..");
        assertThat(contentOf(files, first)).hasValueSatisfying(bytes ->
                assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 birinchi"));
        assertThat(contentOf(files, second)).isPresent();
    }

    @Test
    void anUploadOfExactlyTheLimitIsKept_oneByteMoreIsRefused() {
        DocumentFilesPort files = emptyStore();

        assertThat(files.store(new ByteArrayInputStream(new byte[1_000]), 1_000)).isNotBlank();
        assertThatThrownBy(() -> files.store(new ByteArrayInputStream(new byte[1_001]), 1_000))
                .isInstanceOf(DocumentFilesPort.TooLargeException.class);
    }

    @Test
    void aDeletedFileIsGone_andTheOthersStay() {
        DocumentFilesPort files = emptyStore();
        String kept = files.store(upload("%PDF-1.7 a"), 1_000);
        String deleted = files.store(upload("%PDF-1.7 b"), 1_000);

        files.delete(deleted);

        assertThat(contentOf(files, deleted)).isEmpty();
        assertThat(contentOf(files, kept)).isPresent();
        assertThat(files.present(kept)).isTrue();
        assertThat(files.present(deleted)).isFalse();
    }
}
