package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.action.PDPageAdditionalActions;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException;

class PdfPagesTest {

    @TempDir
    Path dir;

    private final PdfPages pages = new PdfPages();

    @Test
    void givenADocument_whenAPageIsAskedFor_thenThatPageAloneComesBackAsAPdf() throws IOException {
        // given
        Path file = TestPdfs.withPages(dir.resolve("facts.pdf"), List.of(
                "The river is 2,415 kilometres long.", "Navoiy viloyatidagi zavod 2019-yil 14-sentabrda ochildi.",
                "The bridge was opened in 1998."));

        // when
        byte[] pdf = pages.singlePage(file, 2).orElseThrow();

        // then
        try (PDDocument single = Loader.loadPDF(pdf)) {
            assertThat(single.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(single);
            assertThat(text).contains("zavod 2019-yil 14-sentabrda").doesNotContain("river").doesNotContain("bridge");
        }
    }

    @Test
    void givenAPageThatIsNotThereOrAFileThatIsGone_thenThereIsNothing() {
        Path file = TestPdfs.withPages(dir.resolve("short.pdf"), List.of("one", "two"));

        assertThat(pages.singlePage(file, 0)).isEmpty();
        assertThat(pages.singlePage(file, 3)).isEmpty();
        assertThat(pages.singlePage(dir.resolve("deleted.pdf"), 1)).isEmpty();
    }

    @Test
    void givenADamagedFile_thenItIsReportedUnreadable() {
        Path file = TestPdfs.truncated(dir.resolve("cut.pdf"), 300);

        assertThatThrownBy(() -> pages.singlePage(file, 1)).isInstanceOf(UnreadableDocumentException.class);
    }

    @Test
    void givenAPageWithScripts_thenTheyAreLeftOutAndPlainLinksKept() throws IOException {
        // given: a page that runs JavaScript when opened and has a script link next to a web link
        Path file = dir.resolve("scripted.pdf");
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDPageAdditionalActions open = new PDPageAdditionalActions();
            open.setO(new PDActionJavaScript("app.alert('opened')"));
            page.setActions(open);
            PDAnnotationLink script = new PDAnnotationLink();
            script.setRectangle(new PDRectangle(50, 50, 100, 20));
            script.setAction(new PDActionJavaScript("app.alert('clicked')"));
            PDAnnotationLink web = new PDAnnotationLink();
            web.setRectangle(new PDRectangle(50, 100, 100, 20));
            PDActionURI uri = new PDActionURI();
            uri.setURI("https://example.uz/");
            web.setAction(uri);
            page.setAnnotations(List.of(script, web));
            document.save(file.toFile());
        }

        // when
        byte[] pdf = pages.singlePage(file, 1).orElseThrow();

        // then
        try (PDDocument single = Loader.loadPDF(pdf)) {
            PDPage page = single.getPage(0);
            assertThat(page.getCOSObject().containsKey(COSName.AA)).isFalse();
            List<PDAnnotation> annotations = page.getAnnotations();
            assertThat(annotations).hasSize(2);
            assertThat(annotations.get(0).getCOSObject().containsKey(COSName.A)).as("the script link's action").isFalse();
            assertThat(((PDAnnotationLink) annotations.get(1)).getAction()).isInstanceOf(PDActionURI.class);
        }
    }
}
