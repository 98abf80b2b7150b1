package uz.suhbat.adapter.out.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;
import uz.suhbat.application.service.knowledge.EmbeddingPipeline;
import uz.suhbat.application.service.knowledge.EmbeddingPipeline.EmbeddedChunk;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.UzbekText;

/** The whole retrieval path on a real PDF: PDFBox → chunker → all-MiniLM-L6-v2 → hybrid index. */
class RetrievalQualityTest {

    private static final int K = 3;

    @TempDir
    Path dir;

    @Test
    void theRightPageIsAmongTheTopThreeForNineInTenQuestions() {
        // given the facts document, ingested
        Path pdf = TestPdfs.withPages(dir.resolve("report.pdf"), FactsDocument.pages());
        try (MiniLmEmbeddings embeddings = new MiniLmEmbeddings()) {
            List<EmbeddedChunk> chunks = new ArrayList<>();
            new EmbeddingPipeline(new PdfDocumentText(100, Duration.ofSeconds(60)), embeddings, MiniLmEmbeddings.TUNING.chunker(), 16, 64)
                    .run(pdf, (batch, pagesRead) -> chunks.addAll(batch));
            List<float[]> questionVectors = FactsDocument.questions().stream()
                    .map(question -> embeddings.embed(UzbekText.normalize(question.text()))).toList();

            // when every question is asked, of the hybrid index and of one that uses vectors only
            double hybrid = recall(index(chunks, KnowledgeIndex.DEFAULT_KEYWORD_WEIGHT), questionVectors, "hybrid");
            double vectorsOnly = recall(index(chunks, 0), questionVectors, "vectors only");

            // then
            assertThat(hybrid).isGreaterThanOrEqualTo(0.9).isGreaterThanOrEqualTo(vectorsOnly);
        }
    }

    private static KnowledgeIndex index(List<EmbeddedChunk> chunks, double keywordWeight) {
        KnowledgeIndex.Builder builder = KnowledgeIndex.builder(384).keywordWeight(keywordWeight);
        for (EmbeddedChunk embedded : chunks) {
            builder.add(0, embedded.chunk().page(), embedded.chunk().text(), embedded.vector());
        }
        return builder.build();
    }

    private static double recall(KnowledgeIndex index, List<float[]> questionVectors, String label) {
        List<FactsDocument.Question> questions = FactsDocument.questions();
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            FactsDocument.Question question = questions.get(i);
            List<Integer> pages = index.search(questionVectors.get(i), question.text(), K, 0).stream()
                    .map(KnowledgeIndex.Hit::page).toList();
            if (!pages.contains(question.page())) {
                misses.add(question.text() + " expected page " + question.page() + ", got " + pages);
            }
        }
        double recall = (double) (questions.size() - misses.size()) / questions.size();
        System.out.printf("recall@%d %s = %.2f (%d of %d)%n", K, label, recall, questions.size() - misses.size(), questions.size());
        misses.forEach(miss -> System.out.println("  missed: " + miss));
        return recall;
    }
}
