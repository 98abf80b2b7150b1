package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort.UnreadableAttachmentException;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort.UnreadableAttachmentException.Reason;
import uz.suhbat.domain.attachment.AttachmentKind;

/** PDFBox and Apache POI reading real files made in the test. */
class AttachmentTextsTest {

    private final AttachmentTexts texts = new AttachmentTexts();

    @TempDir
    Path dir;

    @Test
    void readsAPdfPageByPage() throws IOException {
        List<String> pages = IntStream.rangeClosed(1, 12).mapToObj(i -> "This is page number " + i + " of the report.").toList();
        byte[] pdf = Files.readAllBytes(TestPdfs.withPages(dir.resolve("report.pdf"), pages));

        List<String> read = texts.pages(AttachmentKind.PDF, pdf, 100);

        assertThat(read).hasSize(12);
        assertThat(read.get(6)).contains("page number 7");
        assertThat(read.get(11)).contains("page number 12");
    }

    @Test
    void refusesAPdfWithMorePagesThanTheLimit() throws IOException {
        byte[] pdf = Files.readAllBytes(TestPdfs.withPages(dir.resolve("long.pdf"), List.of("one", "two", "three")));

        assertThatThrownBy(() -> texts.pages(AttachmentKind.PDF, pdf, 2))
                .isInstanceOfSatisfying(UnreadableAttachmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES));
    }

    @Test
    void refusesAPdfThatNeedsAPasswordAndOneThatIsBroken() throws IOException {
        byte[] locked = Files.readAllBytes(TestPdfs.encrypted(dir.resolve("locked.pdf"), "secret", List.of("hidden")));
        byte[] whole = Files.readAllBytes(TestPdfs.withPages(dir.resolve("whole.pdf"), List.of("some text")));
        byte[] broken = java.util.Arrays.copyOf(whole, 40);

        assertThatThrownBy(() -> texts.pages(AttachmentKind.PDF, locked, 10))
                .isInstanceOfSatisfying(UnreadableAttachmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ENCRYPTED));
        assertThatThrownBy(() -> texts.pages(AttachmentKind.PDF, broken, 10))
                .isInstanceOfSatisfying(UnreadableAttachmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BROKEN));
    }

    @Test
    void readsAWordDocumentWithItsPageBreaks() throws IOException {
        byte[] docx = docx("Chapter one: the Registan.", "Chapter two: the code word is SAMARQAND-42.");

        List<String> read = texts.pages(AttachmentKind.DOCX, docx, 10);

        assertThat(AttachmentKind.of(docx)).contains(AttachmentKind.DOCX);
        assertThat(read).hasSize(2);
        assertThat(read.get(0)).contains("the Registan").doesNotContain("SAMARQAND");
        assertThat(read.get(1)).contains("SAMARQAND-42");
    }

    @Test
    void refusesAWordDocumentWithMorePagesThanTheLimit() throws IOException {
        byte[] docx = docx("one", "two", "three");

        assertThatThrownBy(() -> texts.pages(AttachmentKind.DOCX, docx, 2))
                .isInstanceOfSatisfying(UnreadableAttachmentException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PAGES));
    }

    @Test
    void readsTextAndMarkdownAsUtf8InOnePage() {
        byte[] markdown = "\uFEFF# Sarlavha\n\nOʻzbekcha matn: ў, қ, ғ.".getBytes(StandardCharsets.UTF_8);

        assertThat(texts.pages(AttachmentKind.TEXT, markdown, 1)).containsExactly("# Sarlavha\n\nOʻzbekcha matn: ў, қ, ғ.");
    }

    /** A Word document with one paragraph a page, a page break after each but the last, made with POI. */
    static byte[] docx(String... pages) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages.length; i++) {
                var run = document.createParagraph().createRun();
                run.setText(pages[i]);
                if (i < pages.length - 1) {
                    run.addBreak(BreakType.PAGE);
                }
            }
            document.write(out);
            return out.toByteArray();
        }
    }
}
