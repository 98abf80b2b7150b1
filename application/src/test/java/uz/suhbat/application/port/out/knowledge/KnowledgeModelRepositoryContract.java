package uz.suhbat.application.port.out.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import uz.suhbat.domain.shared.Problem;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository.StoredChunk;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** What every {@link KnowledgeModelRepository} must do; run against the fake and the jOOQ adapter. */
public abstract class KnowledgeModelRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00.250Z");

    protected abstract KnowledgeModelRepository emptyRepository();

    @Test
    void aModelGoesFromProcessingToReadyToLaunched() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel created = models.create("Nizom", "Maktab nizomi", "gpt-4o-mini", "Faqat hujjatdan javob ber", "a.pdf",
                "all-minilm-l6-v2/384", T0);

        assertThat(created.status()).isEqualTo(KnowledgeModel.Status.PROCESSING);
        assertThat(created.pickable()).isFalse();
        models.progress(created.id(), 10, 4, 9);
        assertThat(models.find(created.id()).orElseThrow().progressPercent()).isEqualTo(40);
        models.markReady(created.id());
        models.setLaunched(created.id(), true);

        KnowledgeModel launched = models.find(created.id()).orElseThrow();
        assertThat(launched.pickable()).isTrue();
        assertThat(launched.instructions()).isEqualTo("Faqat hujjatdan javob ber");
        assertThat(launched.embeddingModel()).isEqualTo("all-minilm-l6-v2/384");
        assertThat(launched.embeddingKind()).isEqualTo(EmbeddingKind.MINILM);
        assertThat(models.findAll()).extracting(KnowledgeModel::id).containsExactly(created.id());
    }

    @Test
    void theEmbeddingKindStaysWithTheModelThroughItsChanges() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel upstream = models.create("Qonun", null, "gpt-4o-mini", null, "u.pdf", EmbeddingKind.UPSTREAM,
                "upstream:text-embedding-3-small/1536", T0);
        KnowledgeModel onnx = models.create("Kitob", null, "gpt-4o-mini", null, "o.pdf", EmbeddingKind.ONNX, "onnx:e5/384", T0);

        models.progress(upstream.id(), 3, 3, 5);
        models.markReady(upstream.id());
        models.setLaunched(upstream.id(), true);
        models.markFailed(onnx.id(), Problem.DOCUMENT_NO_TEXT);

        assertThat(models.find(upstream.id()).orElseThrow().embeddingKind()).isEqualTo(EmbeddingKind.UPSTREAM);
        assertThat(models.find(upstream.id()).orElseThrow().embeddingModel()).isEqualTo("upstream:text-embedding-3-small/1536");
        assertThat(models.find(onnx.id()).orElseThrow().embeddingKind()).isEqualTo(EmbeddingKind.ONNX);
    }

    @Test
    void aFailedModelKeepsItsReasonAndIsNotLaunched() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel created = models.create("Bad", null, "gpt-4o-mini", null, "b.pdf", "e/3", T0);
        models.setLaunched(created.id(), true);

        models.markFailed(created.id(), Problem.DOCUMENT_NO_TEXT);

        KnowledgeModel failed = models.find(created.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(KnowledgeModel.Status.FAILED);
        assertThat(failed.statusReason()).isEqualTo(Problem.DOCUMENT_NO_TEXT);
        assertThat(failed.launched()).isFalse();
    }

    @Test
    void readyAndFailedChangeOnlyAModelStillProcessing() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel failedFirst = models.create("A", null, "gpt-4o-mini", null, "a.pdf", "e/3", T0);
        assertThat(models.markFailed(failedFirst.id(), Problem.DOCUMENT_READING_CUT_BY_RESTART)).isTrue();
        assertThat(models.markReady(failedFirst.id())).as("a reading failed meanwhile is not made ready").isFalse();
        assertThat(models.find(failedFirst.id()).orElseThrow().status()).isEqualTo(KnowledgeModel.Status.FAILED);

        KnowledgeModel readyFirst = models.create("B", null, "gpt-4o-mini", null, "b.pdf", "e/3", T0);
        assertThat(models.markReady(readyFirst.id())).isTrue();
        assertThat(models.markFailed(readyFirst.id(), Problem.DOCUMENT_READING_CUT_BY_RESTART)).isFalse();
        assertThat(models.find(readyFirst.id()).orElseThrow().status()).isEqualTo(KnowledgeModel.Status.READY);
    }

    @Test
    void onlyReadingsWhoseHeartbeatStoppedAreFailedAsStale() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel alive = models.create("Alive", null, "gpt-4o-mini", null, "a.pdf", "e/3", T0);
        KnowledgeModel lost = models.create("Lost", null, "gpt-4o-mini", null, "b.pdf", "e/3", T0);
        models.heartbeat(alive.id(), T0.plusSeconds(120));

        assertThat(models.failStale(T0.plusSeconds(90), Problem.DOCUMENT_READING_CUT_BY_RESTART)).isEqualTo(1);

        assertThat(models.find(alive.id()).orElseThrow().status()).isEqualTo(KnowledgeModel.Status.PROCESSING);
        assertThat(models.find(lost.id()).orElseThrow().status()).isEqualTo(KnowledgeModel.Status.FAILED);
        assertThat(models.find(lost.id()).orElseThrow().statusReason()).isEqualTo(Problem.DOCUMENT_READING_CUT_BY_RESTART);
    }

    @Test
    void passagesKeepTheirPagesAndVectorsExactlyAndGoWithTheModel() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel model = models.create("Vec", null, "gpt-4o-mini", null, "c.pdf", "e/3", T0);
        models.saveChunks(model.id(), List.of(new StoredChunk(0, 1, 1, "Birinchi sahifa", new float[] {0.6f, 0.8f, 0f})));
        models.saveChunks(model.id(), List.of(new StoredChunk(0, 2, 3, "Uchinchi sahifa oʻzbekcha", new float[] {-0.25f, 0f, 0.96824586f})));

        List<StoredChunk> stored = models.chunks(model.id());
        assertThat(stored).extracting(StoredChunk::page).containsExactly(1, 3);
        assertThat(stored.get(1).text()).isEqualTo("Uchinchi sahifa oʻzbekcha");
        assertThat(stored.get(1).vector()).containsExactly(-0.25f, 0f, 0.96824586f);

        models.delete(model.id());
        assertThat(models.find(model.id())).isEmpty();
        assertThat(models.chunks(model.id())).isEmpty();
    }

    @Test
    void passagesTextsAreReadByIdWithinTheirModelOnly() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel model = models.create("Texts", null, "gpt-4o-mini", null, "t.pdf", "e/3", T0);
        KnowledgeModel other = models.create("Other texts", null, "gpt-4o-mini", null, "u.pdf", "e/3", T0);
        models.saveChunks(model.id(), List.of(new StoredChunk(0, 1, 1, "Birinchi", new float[] {1f, 0f, 0f}),
                new StoredChunk(0, 2, 1, "Ikkinchi oʻzbekcha", new float[] {0f, 1f, 0f}),
                new StoredChunk(0, 3, 2, "Uchinchi", new float[] {0f, 0f, 1f})));
        models.saveChunks(other.id(), List.of(new StoredChunk(0, 1, 1, "Boshqa", new float[] {1f, 0f, 0f})));
        List<StoredChunk> stored = models.chunks(model.id());
        long foreign = models.chunks(other.id()).get(0).id();

        java.util.Map<Long, String> texts = models.chunkTexts(model.id(), List.of(stored.get(1).id(), stored.get(2).id(), foreign, -1L));

        assertThat(texts).containsOnly(java.util.Map.entry(stored.get(1).id(), "Ikkinchi oʻzbekcha"),
                java.util.Map.entry(stored.get(2).id(), "Uchinchi"));
        assertThat(models.chunkTexts(model.id(), List.of())).isEmpty();
    }

    @Test
    void theIndexVersionChangesWithThePassagesAndGoesWithTheModel() {
        KnowledgeModelRepository models = emptyRepository();
        KnowledgeModel model = models.create("Ver", null, "gpt-4o-mini", null, "d.pdf", "e/3", T0);
        KnowledgeModel other = models.create("Other", null, "gpt-4o-mini", null, "e.pdf", "e/3", T0);
        Long created = models.indexVersions().get(model.id());
        assertThat(created).isNotNull();

        models.saveChunks(model.id(), List.of(new StoredChunk(0, 1, 1, "Bir", new float[] {1f, 0f, 0f})));
        Long afterPassages = models.indexVersions().get(model.id());
        assertThat(afterPassages).as("passages stored").isNotEqualTo(created);
        models.progress(model.id(), 1, 1, 1);
        models.setLaunched(model.id(), false);
        assertThat(models.indexVersions().get(model.id())).as("progress and launching leave the passages alone").isEqualTo(afterPassages);
        Long otherBefore = models.indexVersions().get(other.id());

        models.markReady(model.id());
        assertThat(models.indexVersions().get(model.id())).as("the reading finished").isNotIn(created, afterPassages);
        assertThat(models.indexVersions().get(other.id())).as("another model's").isEqualTo(otherBefore);

        models.delete(model.id());
        assertThat(models.indexVersions()).doesNotContainKey(model.id()).containsKey(other.id());
    }
}
