package uz.suhbat.application.service.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeDocumentText;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException;
import uz.suhbat.application.service.knowledge.EmbeddingPipeline.EmbeddedChunk;
import uz.suhbat.domain.knowledge.Chunker;

class EmbeddingPipelineTest {

    private static final Path FILE = Path.of("unused.pdf");

    private final FakeEmbeddings embeddings = new FakeEmbeddings();

    @Test
    void embedsEveryChunkInDocumentOrderInBatches() {
        // given 30 pages of about 300 words, i.e. three chunks each
        List<String> pages = IntStream.rangeClosed(1, 30).mapToObj(EmbeddingPipelineTest::page).toList();
        EmbeddingPipeline pipeline = new EmbeddingPipeline(FakeDocumentText.of(pages), embeddings, new Chunker(140, 25, 900), 8, 16);
        List<List<EmbeddedChunk>> batches = new ArrayList<>();
        List<Integer> progress = new ArrayList<>();

        // when
        EmbeddingPipeline.Totals totals = pipeline.run(FILE, (batch, pagesRead) -> {
            batches.add(batch);
            progress.add(pagesRead);
        });

        // then
        List<EmbeddedChunk> all = batches.stream().flatMap(List::stream).toList();
        assertThat(totals.pages()).isEqualTo(30);
        assertThat(totals.chunks()).isEqualTo(all.size()).isGreaterThanOrEqualTo(60);
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(8));
        assertThat(all).extracting(embedded -> embedded.chunk().page()).isSorted().contains(1, 30);
        assertThat(progress).isSorted().last().isEqualTo(30);
        assertThat(all).allSatisfy(embedded -> assertThat(embedded.vector()).hasSize(FakeEmbeddings.DIMENSIONS));
    }

    @Test
    void embedsNormalisedTextButKeepsTheOriginal() {
        // given
        EmbeddingPipeline pipeline = new EmbeddingPipeline(
                FakeDocumentText.of(List.of("Oʻzbekiston Gʻalaba")), embeddings, new Chunker(140, 25, 900), 4, 4);
        List<EmbeddedChunk> chunks = Collections.synchronizedList(new ArrayList<>());

        // when
        pipeline.run(FILE, (batch, pagesRead) -> chunks.addAll(batch));

        // then
        assertThat(embeddings.embedded()).containsExactly("o'zbekiston g'alaba");
        assertThat(chunks).singleElement().extracting(embedded -> embedded.chunk().text()).isEqualTo("Oʻzbekiston Gʻalaba");
    }

    @Test
    void aDocumentFailureReachesTheCallerWithItsReason() {
        // given a document that turns out to be too slow after 5 pages
        List<String> pages = IntStream.rangeClosed(1, 20).mapToObj(EmbeddingPipelineTest::page).toList();
        EmbeddingPipeline pipeline = new EmbeddingPipeline(
                FakeDocumentText.failingAfter(pages, 5, UnreadableDocumentException.Reason.TOO_SLOW),
                embeddings, new Chunker(140, 25, 900), 4, 8);

        // when / then
        assertThatThrownBy(() -> pipeline.run(FILE, (batch, pagesRead) -> { }))
                .isInstanceOf(UnreadableDocumentException.class)
                .extracting("reason").isEqualTo(UnreadableDocumentException.Reason.TOO_SLOW);
    }

    @Test
    void aFailingSinkStopsTheReader() {
        // given a long document and a sink that fails on the first batch
        List<String> pages = IntStream.rangeClosed(1, 500).mapToObj(EmbeddingPipelineTest::page).toList();
        EmbeddingPipeline pipeline = new EmbeddingPipeline(FakeDocumentText.of(pages), embeddings, new Chunker(140, 25, 900), 4, 8);

        // when / then: the failure arrives and run returns without reading all 500 pages
        assertThatThrownBy(() -> pipeline.run(FILE, (batch, pagesRead) -> {
            throw new IllegalStateException("storage is down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("storage is down");
        assertThat(embeddings.embedded()).hasSizeLessThan(20);
    }

    private static String page(int number) {
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 30; sentence++) {
            text.append("Page ").append(number).append(" sentence ").append(sentence).append(" has some ten words in it. ");
        }
        return text.toString();
    }
}
