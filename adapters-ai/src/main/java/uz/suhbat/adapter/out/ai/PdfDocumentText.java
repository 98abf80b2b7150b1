package uz.suhbat.adapter.out.ai;

import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.BROKEN;
import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.ENCRYPTED;
import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.NOT_PDF;
import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.NO_TEXT;
import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.TOO_LARGE;
import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.TOO_SLOW;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;

/**
 * Reads PDFs with PDFBox, defensively: an uploaded file may be anything, including a PDF built to
 * exhaust the server. Parsed objects are cached in temporary files rather than on the heap, the page
 * count is capped, and each read has a time budget that is checked between content-stream
 * operators, so even a single pathological page cannot run for ever. The check at upload, which
 * reads only up to the first page with text while the admin waits, has a budget of its own.
 */
final class PdfDocumentText implements DocumentTextPort {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    /** How long the upload check may take: the admin's request waits for it. */
    static final Duration INSPECT_BUDGET = Duration.ofSeconds(30);

    private final int maxPages;
    private final Duration timeBudget;
    private final Duration inspectBudget;

    /** {@code timeBudget} bounds {@link #readPages}, the reading in the background. */
    PdfDocumentText(int maxPages, Duration timeBudget) {
        this(maxPages, timeBudget, INSPECT_BUDGET);
    }

    PdfDocumentText(int maxPages, Duration timeBudget, Duration inspectBudget) {
        if (maxPages < 1 || timeBudget.isNegative() || timeBudget.isZero() || inspectBudget.isNegative() || inspectBudget.isZero()) {
            throw new IllegalArgumentException("maxPages and the time budgets must be positive");
        }
        this.maxPages = maxPages;
        this.timeBudget = timeBudget;
        this.inspectBudget = inspectBudget;
    }

    @Override
    public int inspect(Path file) {
        long deadline = System.nanoTime() + inspectBudget.toNanos();
        try (PDDocument document = open(file)) {
            PageText text = new PageText(deadline);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                if (!text.of(document, page).isBlank()) {
                    return document.getNumberOfPages();
                }
            }
            throw new UnreadableDocumentException(NO_TEXT, file.getFileName() + " has no extractable text", null);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void readPages(Path file, PageConsumer consumer) {
        long deadline = System.nanoTime() + timeBudget.toNanos();
        boolean anyText = false;
        try (PDDocument document = open(file)) {
            PageText text = new PageText(deadline);
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                String pageText = extract(text, document, page);
                anyText |= !pageText.isBlank();
                // outside the try of extract: the consumer's own failures are not the document's fault
                consumer.page(page, pageText);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (!anyText) {
            throw new UnreadableDocumentException(NO_TEXT, file.getFileName() + " has no extractable text", null);
        }
    }

    private static String extract(PageText text, PDDocument document, int page) {
        try {
            return text.of(document, page);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** Loads the document or throws {@link UnreadableDocumentException}; PDFBox fails with runtime exceptions too. */
    private PDDocument open(Path file) throws IOException {
        requireMagic(file);
        PDDocument document;
        try {
            document = Loader.loadPDF(new RandomAccessReadBufferedFile(file), IOUtils.createTempFileOnlyStreamCache());
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException(ENCRYPTED, file.getFileName() + " needs a password", e);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        try {
            if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
                throw new UnreadableDocumentException(ENCRYPTED, file.getFileName() + " forbids text extraction", null);
            }
            if (document.getNumberOfPages() > maxPages) {
                throw new UnreadableDocumentException(TOO_LARGE,
                        file.getFileName() + " has " + document.getNumberOfPages() + " pages, more than " + maxPages, null);
            }
            return document;
        } catch (RuntimeException e) {
            document.close();
            throw unreadable(e);
        }
    }

    private static void requireMagic(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAGIC.length);
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new UnreadableDocumentException(NOT_PDF, file.getFileName() + " does not start with %PDF-", null);
        }
    }

    private static UnreadableDocumentException unreadable(Exception e) {
        if (e instanceof UnreadableDocumentException unreadable) {
            return unreadable;
        }
        if (e instanceof OutOfTime) {
            return new UnreadableDocumentException(TOO_SLOW, "reading the document took longer than allowed", e);
        }
        return new UnreadableDocumentException(BROKEN, "the document cannot be parsed: " + e.getMessage(), e);
    }

    /** One page's text at a time, so page numbers survive; gives up when the deadline has passed. */
    private static final class PageText extends PDFTextStripper {

        private final long deadline;
        private int operators;

        PageText(long deadline) {
            this.deadline = deadline;
        }

        String of(PDDocument document, int page) throws IOException {
            checkDeadline();
            setStartPage(page);
            setEndPage(page);
            return getText(document);
        }

        @Override
        protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
            // reading the clock per operator would cost more than the text extraction itself
            if ((++operators & 0x3FF) == 0) {
                checkDeadline();
            }
            super.processOperator(operator, operands);
        }

        private void checkDeadline() throws OutOfTime {
            if (System.nanoTime() - deadline > 0) {
                throw new OutOfTime();
            }
        }
    }

    /** An IOException so that it passes through PDFBox's checked signatures unchanged. */
    private static final class OutOfTime extends IOException {
    }
}
