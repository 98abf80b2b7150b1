package uz.suhbat.adapter.out.ai;

import static uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason.BROKEN;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.multipdf.Splitter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import uz.suhbat.application.port.out.knowledge.DocumentPagesPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException;

/**
 * Cuts one page out of a stored PDF with PDFBox's {@link Splitter}, which carries the page's
 * inherited resources along and drops links to pages that are not there. The page is shown in the
 * browser from our own address, so whatever could act on its own is left out: the page's and its
 * annotations' automatic actions, actions other than opening a link or a place in the document, and
 * form fields (the document's form does not come along anyway).
 */
final class PdfPages implements DocumentPagesPort {

    private static final Set<String> HARMLESS_ACTIONS = Set.of("URI", "GoTo");

    @Override
    public Optional<byte[]> singlePage(Path file, int page) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file), IOUtils.createTempFileOnlyStreamCache())) {
            if (page < 1 || page > document.getNumberOfPages()) {
                return Optional.empty();
            }
            Splitter splitter = new Splitter();
            splitter.setStreamCacheCreateFunction(IOUtils.createTempFileOnlyStreamCache());
            splitter.setStartPage(page);
            splitter.setEndPage(page);
            splitter.setSplitAtPage(1);
            List<PDDocument> parts = splitter.split(document);
            try {
                PDDocument single = parts.get(0);
                for (PDPage only : single.getPages()) {
                    disarm(only);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                single.save(out);
                return Optional.of(out.toByteArray());
            } finally {
                for (PDDocument part : parts) {
                    part.close();
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocumentException(BROKEN, "page " + page + " of " + file.getFileName() + " cannot be cut out: " + e, e);
        }
    }

    private static void disarm(PDPage page) throws IOException {
        page.getCOSObject().removeItem(COSName.AA);
        List<PDAnnotation> kept = new ArrayList<>();
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationWidget) {
                continue;
            }
            COSDictionary dictionary = annotation.getCOSObject();
            dictionary.removeItem(COSName.AA);
            COSBase action = dictionary.getDictionaryObject(COSName.A);
            if (action instanceof COSDictionary act) {
                act.removeItem(COSName.NEXT);
                if (!HARMLESS_ACTIONS.contains(act.getNameAsString(COSName.S))) {
                    dictionary.removeItem(COSName.A);
                }
            }
            kept.add(annotation);
        }
        page.setAnnotations(kept);
    }
}
