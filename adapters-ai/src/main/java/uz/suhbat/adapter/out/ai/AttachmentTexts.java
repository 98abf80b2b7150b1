package uz.suhbat.adapter.out.ai;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBrType;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort;
import uz.suhbat.domain.attachment.AttachmentKind;

/**
 * The text of attached documents: PDF with PDFBox (page by page), Word (DOCX) with Apache POI (pages where Word marked
 * them when it saved the file: a page break, or its last rendered break), plain text and Markdown as UTF-8 (one page).
 */
final class AttachmentTexts implements AttachmentTextPort {

    @Override
    public List<String> pages(AttachmentKind kind, byte[] content, int maxPages) {
        return switch (kind) {
            case PDF -> pdf(content, maxPages);
            case DOCX -> docx(content, maxPages);
            case TEXT -> List.of(text(content));
            case PNG, JPEG, WEBP -> throw new UnreadableAttachmentException(UnreadableAttachmentException.Reason.BROKEN,
                    "a picture has no text", null);
        };
    }

    private static String text(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static List<String> pdf(byte[] content, int maxPages) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new UnreadableAttachmentException(UnreadableAttachmentException.Reason.ENCRYPTED, "text extraction is forbidden", null);
            }
            int count = document.getNumberOfPages();
            if (count > maxPages) {
                throw tooMany(count, maxPages);
            }
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>(count);
            for (int page = 1; page <= count; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (InvalidPasswordException e) {
            throw new UnreadableAttachmentException(UnreadableAttachmentException.Reason.ENCRYPTED, "the PDF needs a password", e);
        } catch (IOException | RuntimeException e) {
            throw broken(e);
        }
    }

    private static List<String> docx(byte[] content, int maxPages) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            List<String> pages = new ArrayList<>();
            StringBuilder page = new StringBuilder();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    if (paragraph.isPageBreak() && !page.isEmpty()) {
                        turn(pages, page, maxPages);
                    }
                    for (XWPFRun run : paragraph.getRuns()) {
                        if (!run.getCTR().getLastRenderedPageBreakList().isEmpty() && !page.isEmpty()) {
                            turn(pages, page, maxPages);
                        }
                        String text = run.text();
                        page.append(text == null ? "" : text);
                        if (pageBreakIn(run)) {
                            turn(pages, page, maxPages);
                        }
                    }
                    page.append('\n');
                } else if (element instanceof XWPFTable table) {
                    page.append(table.getText()).append('\n');
                }
            }
            pages.add(page.toString());
            if (pages.size() > maxPages) {
                throw tooMany(pages.size(), maxPages);
            }
            return pages;
        } catch (IOException | RuntimeException e) {
            throw broken(e);
        }
    }

    private static boolean pageBreakIn(XWPFRun run) {
        for (CTBr br : run.getCTR().getBrList()) {
            if (br.isSetType() && br.getType() == STBrType.PAGE) {
                return true;
            }
        }
        return false;
    }

    private static void turn(List<String> pages, StringBuilder page, int maxPages) {
        pages.add(page.toString());
        page.setLength(0);
        if (pages.size() > maxPages) {
            throw tooMany(pages.size() + 1, maxPages);
        }
    }

    private static UnreadableAttachmentException tooMany(int pages, int maxPages) {
        return new UnreadableAttachmentException(UnreadableAttachmentException.Reason.TOO_MANY_PAGES,
                pages + " pages, more than " + maxPages, null);
    }

    private static UnreadableAttachmentException broken(Exception e) {
        if (e instanceof UnreadableAttachmentException unreadable) {
            return unreadable;
        }
        return new UnreadableAttachmentException(UnreadableAttachmentException.Reason.BROKEN, "the document cannot be read: " + e.getMessage(), e);
    }
}
