package uz.suhbat.adapter.out.ai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import uz.suhbat.application.port.out.export.ChatTranscriptPdfPort;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.TranscriptLabels;

/**
 * Chat transcripts as A4 PDF with PDFBox. The standard 14 PDF fonts have no Cyrillic and no
 * "ʻ" (U+02BB) of Uzbek Latin, so DejaVu Sans is embedded (subset). A message moves whole to
 * the next page when it would be cut and fits on one page, like the print view's break-inside: avoid.
 */
final class PdfChatTranscripts implements ChatTranscriptPdfPort {

    /** Debian's fonts-dejavu-core, which CI and the server images install. */
    static final Path DEFAULT_FONT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final float MARGIN = 56;
    private static final float BODY = 10.5f;
    private static final float SMALL = 8.5f;
    private static final float TITLE = 17;
    private static final float LEADING = 1.38f;
    private static final float[] GREY = {0.38f, 0.38f, 0.38f};
    private static final float[] BLACK = {0.07f, 0.07f, 0.07f};

    private final Path regular;
    private final Path bold;

    PdfChatTranscripts(Path fontDir) {
        this.regular = fontDir.resolve("DejaVuSans.ttf");
        this.bold = fontDir.resolve("DejaVuSans-Bold.ttf");
    }

    @Override
    public byte[] render(List<ChatTranscript> transcripts, TranscriptLabels labels) {
        if (!Files.isReadable(regular)) {
            throw new IllegalStateException("PDF export needs the font " + regular
                    + " (Debian/Ubuntu package fonts-dejavu-core: apt-get install fonts-dejavu-core)");
        }
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(PDType0Font.load(document, regular.toFile()),
                    PDType0Font.load(document, Files.isReadable(bold) ? bold.toFile() : regular.toFile()));
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(transcripts.size() == 1 ? transcripts.getFirst().chat().title() : transcripts.getFirst().chat().username());
            info.setCreator("Suhbat");
            for (ChatTranscript transcript : transcripts) {
                try (Layout layout = new Layout(document, fonts)) {
                    write(layout, transcript, labels);
                }
            }
            numberPages(document, fonts);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
    }

    private static void write(Layout layout, ChatTranscript transcript, TranscriptLabels labels) throws IOException {
        var chat = transcript.chat();
        layout.paragraph("SUHBAT", layout.fonts.bold, SMALL, GREY);
        layout.paragraph(chat.title(), layout.fonts.bold, TITLE, BLACK);
        layout.gap(4);
        layout.paragraph(labels.user() + ": " + chat.username() + " · " + transcript.userEmail(), layout.fonts.regular, BODY, GREY);
        layout.paragraph(labels.model() + ": " + chat.model() + "    " + labels.used() + ": " + chat.used() + " / " + chat.limit(),
                layout.fonts.regular, BODY, GREY);
        layout.paragraph(labels.created() + ": " + time(chat.createdAt()) + "    " + labels.updated() + ": " + time(chat.updatedAt()),
                layout.fonts.regular, BODY, GREY);
        layout.rule(1.2f);
        for (ChatTranscript.Line message : transcript.messages()) {
            String header = labels.role(message.role()) + "   " + time(message.createdAt())
                    + (message.model() == null ? "" : " · " + message.model());
            layout.block(header, message.content());
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** "n / total" at the foot of every page, written once the page count is known. */
    private static void numberPages(PDDocument document, Fonts fonts) throws IOException {
        int total = document.getNumberOfPages();
        for (int i = 0; i < total; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream stream = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String text = (i + 1) + " / " + total;
                float width = fonts.regular.getStringWidth(text) / 1000 * SMALL;
                stream.beginText();
                stream.setFont(fonts.regular, SMALL);
                stream.setNonStrokingColor(GREY[0], GREY[1], GREY[2]);
                stream.newLineAtOffset((page.getMediaBox().getWidth() - width) / 2, MARGIN / 2);
                stream.showText(text);
                stream.endText();
            }
        }
    }

    private record Fonts(PDType0Font regular, PDType0Font bold) {
    }

    /** Writes top to bottom, starting a new page when the next line does not fit. */
    private static final class Layout implements AutoCloseable {

        private final PDDocument document;
        private final Fonts fonts;
        private final Map<Integer, Boolean> renderable = new HashMap<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPageContentStream stream;
        private float y;

        Layout(PDDocument document, Fonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            newPage();
        }

        void paragraph(String text, PDType0Font font, float size, float[] color) throws IOException {
            for (String line : wrap(text, font, size)) {
                if (y - size * LEADING < MARGIN) {
                    newPage();
                }
                y -= size * LEADING;
                show(line, font, size, color);
            }
        }

        /** One message: moved whole to a new page if it would be cut there but fits on an empty page. */
        void block(String header, String content) throws IOException {
            List<String> lines = wrap(content, fonts.regular, BODY);
            float height = SMALL * LEADING + 4 + lines.size() * BODY * LEADING + 12;
            if (y - height < MARGIN && height <= PDRectangle.A4.getHeight() - 2 * MARGIN) {
                newPage();
            }
            gap(8);
            paragraph(header, fonts.bold, SMALL, GREY);
            gap(2);
            for (String line : lines) {
                paragraph(line, fonts.regular, BODY, BLACK);
            }
            gap(4);
            rule(0.4f);
        }

        void gap(float points) {
            y -= points;
        }

        void rule(float thickness) throws IOException {
            y -= 6;
            stream.setLineWidth(thickness);
            stream.setStrokingColor(0.8f, 0.8f, 0.8f);
            stream.moveTo(MARGIN, y);
            stream.lineTo(MARGIN + width, y);
            stream.stroke();
        }

        private void show(String line, PDType0Font font, float size, float[] color) throws IOException {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(color[0], color[1], color[2]);
            stream.newLineAtOffset(MARGIN, y);
            stream.showText(line);
            stream.endText();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** Lines that fit the width: breaks at spaces, and inside words longer than a line. */
        private List<String> wrap(String text, PDType0Font font, float size) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : printable(text, font).split("\n", -1)) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" ", -1)) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (widthOf(candidate, font, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    while (widthOf(word, font, size) > width) {
                        int cut = word.length() - 1;
                        while (cut > 1 && widthOf(word.substring(0, cut), font, size) > width) {
                            cut--;
                        }
                        lines.add(word.substring(0, cut));
                        word = word.substring(cut);
                    }
                    line.append(word);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        private static float widthOf(String text, PDType0Font font, float size) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        /** Tabs become spaces and characters the font lacks (emoji, rare scripts) become "?", which PDFBox would refuse. */
        private String printable(String text, PDType0Font font) {
            StringBuilder out = new StringBuilder(text.length());
            text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ").codePoints().forEach(cp -> {
                if (cp == '\n' || renderable.computeIfAbsent(cp, c -> canShow(font, c))) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean canShow(PDType0Font font, int codePoint) {
            if (Character.isISOControl(codePoint)) {
                return false;
            }
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException missing) {
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
