package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Checks an answer of the cited-page link: an inline one-page PDF; gives its text. */
final class OnePagePdf {

    private OnePagePdf() {
    }

    static String textOf(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;").contains(".pdf");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        return textOf(response.body());
    }

    static String textOf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("only the cited page").isEqualTo(1);
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
