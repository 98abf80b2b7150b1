package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.TranscriptLabels;

/** Renders real PDFs with the installed DejaVu font and reads their text back with PDFBox. */
class PdfChatTranscriptsTest {

    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");
    private static final TranscriptLabels LABELS = new TranscriptLabels("Foydalanuvchi", "Model", "Yaratilgan", "Oxirgi xabar",
            "Xabarlar", "Foydalanuvchi", "Yordamchi", "Tizim");

    private final PdfChatTranscripts pdf = new PdfChatTranscripts(PdfChatTranscripts.DEFAULT_FONT_DIR);

    private static ChatTranscript transcript(long id, String title, List<ChatTranscript.Line> lines) {
        return new ChatTranscript(new ChatOverview(id, 1, "dilnoza", title, "gpt-4o-mini", AT, AT, lines.size(), 50, null),
                "dilnoza@example.uz", lines);
    }

    private static ChatTranscript.Line line(int rank, String role, String content) {
        return new ChatTranscript.Line(rank, role, content, AT.plusSeconds(rank), role.equals("user") ? null : "gpt-4o-mini", "complete", null, null);
    }

    private static String text(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void uzbekLatinAndCyrillicComeBackAsWritten() throws IOException {
        byte[] bytes = pdf.render(List.of(transcript(7, "Samarqand tarixi", List.of(
                line(1, "user", "Oʻzbekiston poytaxti qaysi? Gʻalaba, shoʻx, qoʻngʻiroq."),
                line(2, "assistant", "Столица — Ташкент.\nЁлка, щука, объём.\tTab 😀")))), LABELS);

        String text = text(bytes);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        assertThat(text).contains("Samarqand tarixi").contains("dilnoza · dilnoza@example.uz")
                .contains("Oʻzbekiston poytaxti qaysi? Gʻalaba, shoʻx, qoʻngʻiroq.")
                .contains("Столица — Ташкент.").contains("Ёлка, щука, объём.")
                .contains("Yordamchi").contains("2026-11-26 08:00:02 UTC");
    }

    @Test
    void longChatsFlowOverPagesAndEachChatStartsOnItsOwnPage() throws IOException {
        List<ChatTranscript.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(line(i, i % 2 == 1 ? "user" : "assistant", ("Xabar " + i + " ").repeat(30) + "Ohiri" + i));
        }
        byte[] bytes = pdf.render(List.of(transcript(1, "Uzun suhbat", lines), transcript(2, "Ikkinchi", List.of(line(1, "user", "Salom")))),
                LABELS);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            assertThat(lastPage.getText(document)).contains("Ikkinchi").contains("Salom").doesNotContain("Ohiri60");
        }
        assertThat(text(bytes)).contains("Ohiri1").contains("Ohiri60").contains(("Xabar 60 ").repeat(3).strip());
    }

    @Test
    void aMissingFontIsExplained() {
        PdfChatTranscripts withoutFont = new PdfChatTranscripts(Path.of("/nowhere"));

        assertThatThrownBy(() -> withoutFont.render(List.of(transcript(1, "x", List.of())), LABELS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("fonts-dejavu-core");
    }
}
