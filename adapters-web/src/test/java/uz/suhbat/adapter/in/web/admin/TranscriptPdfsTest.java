package uz.suhbat.adapter.in.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.samskivert.mustache.Mustache;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import uz.suhbat.adapter.in.web.i18n.IcuMessageSource;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatTranscript;

/**
 * Renders real PDFs from the print page's template (the real template, bundles and classpath fonts) and
 * reads their text back with PDFBox.
 */
class TranscriptPdfsTest {

    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");
    private static final Locale UZ = Locale.forLanguageTag("uz");

    private final TranscriptPdfs pdf = new TranscriptPdfs(Mustache.compiler().defaultValue("").escapeHTML(true)
            .withLoader(name -> new InputStreamReader(Objects.requireNonNull(getClass().getResourceAsStream("/templates/" + name + ".mustache")),
                    StandardCharsets.UTF_8)), bundles());

    private static IcuMessageSource bundles() {
        IcuMessageSource source = new IcuMessageSource();
        source.setBasenames("i18n/messages", "i18n/admin");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

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
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        byte[] bytes = pdf.render(List.of(transcript(7, "Samarqand tarixi & <b>bold</b>", List.of(
                line(1, "user", "Oʻzbekiston poytaxti qaysi? Gʻalaba, shoʻx, qoʻngʻiroq."),
                line(2, "assistant", "Столица — Ташкент.\nЁлка, щука, объём.\tTab 😀 \u0007bell")))), UZ);
        // kept for a look (target/screenshots, like the browser tests' pictures)
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/transcript.pdf"), bytes);

        String text = text(bytes);
        assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
        assertThat(text).contains("Samarqand tarixi & <b>bold</b>").contains("dilnoza · dilnoza@example.uz")
                .contains("Oʻzbekiston poytaxti qaysi? Gʻalaba, shoʻx, qoʻngʻiroq.")
                .contains("Столица — Ташкент.").contains("Ёлка, щука, объём.").contains("bell")
                .as("labels in the asked language (Uzbek), dates as the page's language writes them")
                .contains("YORDAMCHI").contains("FOYDALANUVCHI").contains("Xabarlar / cheklov").contains("Nov 26, 2026, 8:00:02");
    }

    @Test
    void cyrillicLabelsForUzbekCyrillic() throws IOException {
        byte[] bytes = pdf.render(List.of(transcript(3, "Тарих", List.of(line(1, "assistant", "Ҳа, албатта.")))),
                Locale.forLanguageTag("uz-Cyrl"));

        assertThat(text(bytes)).contains("ЁРДАМЧИ").contains("Хабарлар / чеклов").contains("Ҳа, албатта.");
    }

    @Test
    void dejaVuSansFromTheClasspathIsEmbedded() throws IOException {
        byte[] bytes = pdf.render(List.of(transcript(1, "Shrift", List.of(line(1, "user", "Oʻzbek")))), UZ);

        Set<String> fonts = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(bytes)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
                }
            }
        }
        assertThat(fonts).isNotEmpty().allMatch(f -> f.contains("DejaVuSans") && f.endsWith(" embedded"));
    }

    @Test
    void longChatsFlowOverPagesAndEachChatStartsOnItsOwnPage() throws IOException {
        List<ChatTranscript.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(line(i, i % 2 == 1 ? "user" : "assistant", ("Xabar " + i + " ").repeat(30) + "Ohiri" + i));
        }
        byte[] bytes = pdf.render(List.of(transcript(1, "Uzun suhbat", lines), transcript(2, "Ikkinchi", List.of(line(1, "user", "Salom")))),
                UZ);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(3);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(document.getNumberOfPages());
            assertThat(lastPage.getText(document)).contains("Ikkinchi").contains("Salom").doesNotContain("Ohiri60");
        }
        assertThat(text(bytes)).contains("Ohiri1").contains("Ohiri60").contains(("Xabar 60 ").repeat(3).strip());
    }
}
