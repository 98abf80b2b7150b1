package uz.suhbat.application.service.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeDocumentText;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryDocumentFiles;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Command;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Created;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Rejected;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Result;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.shared.Problem;

/** Each PDF model is read, and its questions embedded, by the embedding kind the admin chose for it. */
class EmbeddingKindsTest {

    private static final List<String> PAGES = List.of("Maktab nizomi. Umumiy qoidalar.", "Kutubxona shanba kunlari yopiq.");

    private final MutableClock clock = MutableClock.at("2026-11-29T09:00:00Z");
    private final InMemoryKnowledgeModelRepository models = new InMemoryKnowledgeModelRepository();
    private final FakeEmbeddings miniLm = new FakeEmbeddings();
    private final FakeEmbeddings upstream = new FakeEmbeddings();
    private final EmbeddingModelsPort kinds = new EmbeddingModelsPort() {
        @Override
        public List<EmbeddingKind> available() {
            return List.of(EmbeddingKind.MINILM, EmbeddingKind.UPSTREAM);
        }

        @Override
        public EmbeddingPort of(EmbeddingKind kind) {
            return switch (kind) {
                case MINILM -> miniLm;
                case UPSTREAM -> upstream;
                case ONNX -> throw new NotConfiguredException(kind);
            };
        }
    };
    private final KnowledgeLibrary library = new KnowledgeLibrary(models, kinds, 2, 0.05, KnowledgeLibrary.DEFAULT_CONTEXT_TOKENS,
            (language, word) -> word);
    private final KnowledgeModelService service = new KnowledgeModelService(models, new InMemoryDocumentFiles(), FakeDocumentText.of(PAGES),
            kinds, library, new InMemoryChatRepository(), new ScriptedChatModel(), Runnable::run, clock, List.of("gpt-4o-mini"), 1_000,
            new AuditTrail(new InMemoryAuditLogRepository(), new InMemoryAdminRepository(), clock));

    @Test
    void aModelIsReadAndAskedWithTheKindChosenAtCreation() {
        // when the admin chooses the upstream's embeddings
        Result result = service.create(1, new Command("Nizom", null, "gpt-4o-mini", null, "upstream"), pdf());

        // then the passages went to that embedder only, and the kind is kept with the model
        long id = ((Created) result).id();
        KnowledgeModel model = models.find(id).orElseThrow();
        assertThat(model.embeddingKind()).isEqualTo(EmbeddingKind.UPSTREAM);
        assertThat(upstream.embedded()).isNotEmpty();
        assertThat(miniLm.embedded()).isEmpty();

        // and a question to it is embedded by the same kind
        int before = upstream.embedded().size();
        library.lookup(id, "Kutubxona qachon yopiq?");
        assertThat(upstream.embedded()).hasSize(before + 1).last().isEqualTo("kutubxona qachon yopiq?");
        assertThat(miniLm.embedded()).isEmpty();
    }

    @Test
    void noChoiceMeansMiniLm() {
        long id = ((Created) service.create(1, new Command("Nizom", null, "gpt-4o-mini", null), pdf())).id();

        assertThat(models.find(id).orElseThrow().embeddingKind()).isEqualTo(EmbeddingKind.MINILM);
        assertThat(miniLm.embedded()).isNotEmpty();
        assertThat(upstream.embedded()).isEmpty();
        assertThat(service.embeddingKinds()).containsExactly(EmbeddingKind.MINILM, EmbeddingKind.UPSTREAM);
    }

    @Test
    void aKindThatIsNotConfiguredOrUnknownIsRefusedAndNothingIsStored() {
        for (String kind : List.of("onnx", "word2vec")) {
            Result result = service.create(1, new Command("Nizom", null, "gpt-4o-mini", null, kind), pdf());

            assertThat(result).isInstanceOfSatisfying(Rejected.class,
                    rejected -> assertThat(rejected.errors()).isEqualTo(Map.of("embeddingKind", Problem.MODEL_EMBEDDING)));
        }
        assertThat(models.findAll()).isEmpty();
    }

    private static ByteArrayInputStream pdf() {
        return new ByteArrayInputStream("%PDF-1.7 fake".getBytes());
    }
}
