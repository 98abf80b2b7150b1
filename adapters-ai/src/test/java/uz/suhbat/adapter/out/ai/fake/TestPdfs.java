package uz.suhbat.adapter.out.ai.fake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Real PDFs for tests, written with PDFBox. Text is set in DejaVu Sans, embedded, so that Uzbek
 * (oʻ gʻ ʼ) and Cyrillic survive the round trip; shared with other modules through the test-jar.
 */
public final class TestPdfs {

    /** Debian's fonts-dejavu-core; CI installs it. */
    public static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private static final float FONT_SIZE = 10;
    private static final float LEADING = 13;
    private static final float MARGIN = 50;
    private static final int LINE_CHARS = 95;

    private TestPdfs() {
    }

    /** One page per element; a blank line ("\n\n") in a page's text starts a new paragraph. */
    public static Path withPages(Path file, List<String> pages) {
        try (PDDocument document = new PDDocument()) {
            addTextPages(document, pages);
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Needs {@code userPassword} to open at all. */
    public static Path encrypted(Path file, String userPassword, List<String> pages) {
        try (PDDocument document = new PDDocument()) {
            addTextPages(document, pages);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like a scan: pages with a drawn frame and a picture, and not one character of text. */
    public static Path imageOnly(Path file, int pages) {
        try (PDDocument document = new PDDocument()) {
            BufferedImage picture = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
            for (int x = 0; x < 64; x++) {
                for (int y = 0; y < 64; y++) {
                    picture.setRGB(x, y, (x * 4) << 16 | (y * 4) << 8);
                }
            }
            PDImageXObject image = LosslessFactory.createFromImage(document, picture);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.addRect(MARGIN, MARGIN, 300, 400);
                    content.stroke();
                    content.drawImage(image, 100, 500, 200, 200);
                }
            }
            document.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text file given a .pdf name. */
    public static Path notPdf(Path file) {
        return write(file, "Hello, this is plain text pretending to be a PDF.\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Starts like a PDF, then stops: only the first {@code keepBytes} bytes of a real one. */
    public static Path truncated(Path file, int keepBytes) {
        try {
            Path whole = Files.createTempFile("whole", ".pdf");
            try {
                withPages(whole, List.of("This document will be cut short."));
                byte[] bytes = Files.readAllBytes(whole);
                byte[] head = new byte[Math.min(keepBytes, bytes.length)];
                System.arraycopy(bytes, 0, head, 0, head.length);
                return write(file, head);
            } finally {
                Files.deleteIfExists(whole);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addTextPages(PDDocument document, List<String> pages) throws IOException {
        if (!Files.isReadable(FONT)) {
            throw new IllegalStateException("Test PDFs need the font " + FONT
                    + " to show Uzbek and Cyrillic letters; install it with: apt-get install fonts-dejavu-core");
        }
        PDFont font = PDType0Font.load(document, FONT.toFile());
        for (String text : pages) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            List<String> lines = lines(text);
            float top = page.getMediaBox().getHeight() - MARGIN;
            if (lines.size() * LEADING > top - MARGIN) {
                throw new IllegalArgumentException("page text too long for one page: " + lines.size() + " lines");
            }
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, FONT_SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN, top);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
        }
    }

    /** Wraps each paragraph at word boundaries, with an empty line between paragraphs. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.strip().split("\\s+")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > LINE_CHARS) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
            lines.add("");
        }
        return lines;
    }
}
