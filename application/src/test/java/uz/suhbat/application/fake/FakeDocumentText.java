package uz.suhbat.application.fake;

import java.nio.file.Path;
import java.util.List;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;

/** A "document" whose pages are given up front; optionally breaks after a number of pages, as a hostile PDF would. */
public final class FakeDocumentText implements DocumentTextPort {

    private final List<String> pages;
    private final int failAfterPages;
    private final UnreadableDocumentException.Reason failure;

    private FakeDocumentText(List<String> pages, int failAfterPages, UnreadableDocumentException.Reason failure) {
        this.pages = List.copyOf(pages);
        this.failAfterPages = failAfterPages;
        this.failure = failure;
    }

    public static FakeDocumentText of(List<String> pages) {
        return new FakeDocumentText(pages, Integer.MAX_VALUE, null);
    }

    public static FakeDocumentText failingAfter(List<String> pages, int pagesRead, UnreadableDocumentException.Reason reason) {
        return new FakeDocumentText(pages, pagesRead, reason);
    }

    @Override
    public int inspect(Path file) {
        if (failure != null && failAfterPages == 0) {
            throw new UnreadableDocumentException(failure, "fake failure", null);
        }
        return pages.size();
    }

    @Override
    public void readPages(Path file, PageConsumer consumer) {
        for (int i = 0; i < pages.size(); i++) {
            if (i == failAfterPages) {
                throw new UnreadableDocumentException(failure, "fake failure after " + i + " pages", null);
            }
            consumer.page(i + 1, pages.get(i));
        }
    }
}
