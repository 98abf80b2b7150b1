package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason;
import uz.suhbat.domain.knowledge.UzbekText;

class PdfDocumentTextTest {

    @TempDir
    Path dir;

    private final PdfDocumentText documents = new PdfDocumentText(100, Duration.ofSeconds(30));

    @Test
    void readsEachPageWithItsNumber() {
        // given
        Path pdf = TestPdfs.withPages(dir.resolve("facts.pdf"), List.of(
                "The river is 2,415 kilometres long.", "", "The bridge was opened in 1998 by the mayor."));

        // when
        int pageCount = documents.inspect(pdf);
        List<String> pages = new ArrayList<>();
        documents.readPages(pdf, (number, text) -> pages.add(number + ":" + text.strip()));

        // then
        assertThat(pageCount).isEqualTo(3);
        assertThat(pages).containsExactly(
                "1:The river is 2,415 kilometres long.", "2:", "3:The bridge was opened in 1998 by the mayor.");
    }

    @Test
    void keepsUzbekLatinAndCyrillicLetters() {
        // given
        String text = "Oʻzbekiston gʻalaba ma’no o‘qish. Тошкент шаҳри, Ўзбекистон.";
        Path pdf = TestPdfs.withPages(dir.resolve("uzbek.pdf"), List.of(text));

        // when
        List<String> pages = new ArrayList<>();
        documents.readPages(pdf, (number, page) -> pages.add(page));

        // then
        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page).contains("Тошкент шаҳри");
            assertThat(UzbekText.words(page)).isEqualTo(UzbekText.words(text));
        });
    }

    @Test
    void refusesAFileThatIsNotAPdf() {
        Path file = TestPdfs.notPdf(dir.resolve("notes.pdf"));
        assertRefused(() -> documents.inspect(file), Reason.NOT_PDF);
        assertRefused(() -> documents.readPages(file, (number, text) -> { }), Reason.NOT_PDF);
    }

    @Test
    void refusesABrokenPdf() {
        Path file = TestPdfs.truncated(dir.resolve("cut.pdf"), 300);
        assertRefused(() -> documents.inspect(file), Reason.BROKEN);
    }

    @Test
    void refusesAPdfThatNeedsAPassword() {
        Path file = TestPdfs.encrypted(dir.resolve("secret.pdf"), "s3cret", List.of("Hidden text."));
        assertRefused(() -> documents.inspect(file), Reason.ENCRYPTED);
        assertRefused(() -> documents.readPages(file, (number, text) -> { }), Reason.ENCRYPTED);
    }

    @Test
    void refusesAScanWithoutText() {
        Path file = TestPdfs.imageOnly(dir.resolve("scan.pdf"), 3);
        assertRefused(() -> documents.inspect(file), Reason.NO_TEXT);
        List<Integer> pages = new ArrayList<>();
        assertRefused(() -> documents.readPages(file, (number, text) -> pages.add(number)), Reason.NO_TEXT);
        assertThat(pages).containsExactly(1, 2, 3);
    }

    @Test
    void refusesMorePagesThanAllowed() {
        Path file = TestPdfs.withPages(dir.resolve("long.pdf"), List.of("one", "two", "three"));
        assertRefused(() -> new PdfDocumentText(2, Duration.ofSeconds(30)).inspect(file), Reason.TOO_LARGE);
    }

    @Test
    void givesUpWhenTheTimeBudgetIsSpent() {
        Path file = TestPdfs.withPages(dir.resolve("slow.pdf"), List.of("one", "two"));
        assertRefused(() -> new PdfDocumentText(10, Duration.ofNanos(1)).readPages(file, (number, text) -> { }), Reason.TOO_SLOW);
    }

    @Test
    void theUploadCheckHasItsOwnBudgetSoThatTheReadingBudgetBoundsOnlyTheBackgroundReading() {
        // given
        Path file = TestPdfs.withPages(dir.resolve("two.pdf"), List.of("one", "two"));

        // when / then
        assertThat(new PdfDocumentText(10, Duration.ofNanos(1)).inspect(file)).isEqualTo(2);
        assertRefused(() -> new PdfDocumentText(10, Duration.ofSeconds(30), Duration.ofNanos(1)).inspect(file), Reason.TOO_SLOW);
    }

    @Test
    void theConsumersOwnFailurePassesThroughUnchanged() {
        Path file = TestPdfs.withPages(dir.resolve("ok.pdf"), List.of("one", "two"));
        assertThatThrownBy(() -> documents.readPages(file, (number, text) -> {
            throw new IllegalStateException("disk full");
        })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("disk full");
    }

    private static void assertRefused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOf(UnreadableDocumentException.class)
                .extracting("reason").isEqualTo(reason);
    }
}
