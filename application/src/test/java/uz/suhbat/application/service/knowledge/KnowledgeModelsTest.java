package uz.suhbat.application.service.knowledge;

import java.time.Duration;
import static org.assertj.core.api.Assertions.assertThat;
import uz.suhbat.domain.shared.Problem;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeDocumentText;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryDocumentFiles;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Command;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Created;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Rejected;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Result;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException.Reason;
import uz.suhbat.application.service.chat.ChatUseCases;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class KnowledgeModelsTest {

    private static final List<String> PAGES = List.of(
            "Maktab nizomi. Umumiy qoidalar va maqsadlar haqida.",
            "Dars jadvali: darslar soat 8:30 da boshlanadi va 14:00 da tugaydi.",
            "Kutubxona shanba kunlari yopiq. Direktor: Gʻulomova Nargiza.");

    private final MutableClock clock = MutableClock.at("2026-11-26T09:00:00Z");
    private final InMemoryKnowledgeModelRepository models = new InMemoryKnowledgeModelRepository();
    private final InMemoryDocumentFiles files = new InMemoryDocumentFiles();
    private final FakeEmbeddings embeddings = new FakeEmbeddings();
    private final KnowledgeLibrary library = new KnowledgeLibrary(models, embeddings, 2, 0.05);
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final ScriptedChatModel chatModel = new ScriptedChatModel();
    private final InMemoryAuditLogRepository auditLog = new InMemoryAuditLogRepository();
    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private static final long ADMIN = 1;

    private KnowledgeModelService service(FakeDocumentText documents) {
        return new KnowledgeModelService(models, files, documents, embeddings, library, chats, chatModel, Runnable::run, clock,
                List.of("gpt-4o-mini", "gpt-4o"), 1_000, new AuditTrail(auditLog, admins, clock));
    }

    private static ByteArrayInputStream pdf() {
        return new ByteArrayInputStream("%PDF-1.7 fake".getBytes());
    }

    @Test
    void givenAGoodDocument_whenCreated_thenItIsReadChunkedEmbeddedAndReadyButNotYetOffered() {
        Result result = service(FakeDocumentText.of(PAGES)).create(ADMIN, new Command("Nizom", "Maktab nizomi", "gpt-4o-mini", null), pdf());

        long id = ((Created) result).id();
        KnowledgeModel model = models.find(id).orElseThrow();
        assertThat(model.status()).isEqualTo(KnowledgeModel.Status.READY);
        assertThat(model.pagesTotal()).isEqualTo(3);
        assertThat(model.pagesDone()).isEqualTo(3);
        assertThat(model.chunksDone()).isEqualTo(models.chunks(id).size()).isPositive();
        assertThat(models.chunks(id)).extracting(c -> c.page()).contains(1, 2, 3);
        assertThat(library.launched()).isEmpty();
    }

    @Test
    void givenBadFieldsOrDocuments_thenRefusedWithAReasonAndNothingKept() {
        KnowledgeModelService service = service(FakeDocumentText.failingAfter(PAGES, 0, Reason.ENCRYPTED));

        assertThat(((Rejected) service.create(ADMIN, new Command("", null, "gpt-9", null), pdf())).errors())
                .containsEntry("name", Problem.MODEL_NAME).containsEntry("baseModel", Problem.MODEL_BASE_MODEL);
        assertThat(((Rejected) service.create(ADMIN, new Command("Yopiq", null, "gpt-4o-mini", null), pdf())).errors())
                .containsEntry("file", Problem.DOCUMENT_ENCRYPTED);
        Rejected tooLarge = (Rejected) service.create(ADMIN, new Command("Katta", null, "gpt-4o-mini", null), new ByteArrayInputStream(new byte[2_000]));
        assertThat(tooLarge.tooLarge()).isTrue();
        assertThat(models.findAll()).isEmpty();
        assertThat(files.count()).isZero();
    }

    @Test
    void givenADocumentThatBreaksWhileReading_thenTheModelFailsWithTheReason() {
        Result result = service(FakeDocumentText.failingAfter(PAGES, 2, Reason.TOO_SLOW)).create(ADMIN, new Command("Sekin", null, "gpt-4o-mini", null), pdf());

        KnowledgeModel model = models.find(((Created) result).id()).orElseThrow();
        assertThat(model.status()).isEqualTo(KnowledgeModel.Status.FAILED);
        assertThat(model.statusReason()).isEqualTo(Problem.DOCUMENT_TOO_SLOW);
    }

    @Test
    void givenALaunchedModel_whenAUserAsks_thenTheRightPassageGroundsTheAnswerAndIsCited() {
        KnowledgeModelService service = service(FakeDocumentText.of(PAGES));
        long id = ((Created) service.create(ADMIN, new Command("Nizom", "Maktab nizomi", "gpt-4o", "Qisqa javob ber."), pdf())).id();
        assertThat(service.launch(ADMIN, id)).isTrue();
        User user = users.save(User.register(new Username("oquvchi"), new EmailAddress("o@example.uz"), "h", clock.instant(), "uz"));
        users.save(user.verify(user.email()));
        ChatUseCases chat = new ChatUseCases(chats, users, chatModel, new InMemoryChatLimits(50, users), clock, List.of("gpt-4o-mini", "gpt-4o"), new uz.suhbat.application.service.knowledge.KnowledgeGrounding(library),
                new InMemoryLimitSettingsRepository());

        assertThat(chat.models()).extracting(m -> m.id() + ":" + m.kind()).contains("pdf-" + id + ":pdf");
        chatModel.answers("Direktor Gʻulomova Nargiza (3-sahifa).");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        Outcome outcome = chat.start(users.findByUsername(new Username("oquvchi")).orElseThrow().id(), "pdf-" + id,
                "Direktor kim? G'ulomova", listener);

        assertThat(outcome).isInstanceOf(Outcome.Started.class);
        ChatModelPort.Prompt prompt = chatModel.prompts().get(0);
        assertThat(prompt.model()).as("the base model answers").isEqualTo("gpt-4o");
        assertThat(prompt.turns().get(0).role()).isEqualTo(Role.SYSTEM);
        assertThat(prompt.turns().get(0).content()).contains("[page 3]").contains("Gʻulomova Nargiza").contains("Qisqa javob ber.")
                .contains("say plainly that the document does not say");
        assertThat(prompt.turns().get(1).content()).isEqualTo("Direktor kim? G'ulomova");
        assertThat(listener.events().get(1)).as("the sources come before the answer").startsWith("sources:");
        assertThat(chats.messages(listener.chatId()).get(1).sources()).extracting(s -> s.page()).contains(3);
    }

    @Test
    void givenADeletedModel_thenItLeavesThePickerAndItsChatsCloseButStayReadable() {
        KnowledgeModelService service = service(FakeDocumentText.of(PAGES));
        long id = ((Created) service.create(ADMIN, new Command("Nizom", null, "gpt-4o-mini", null), pdf())).id();
        service.launch(ADMIN, id);
        long chatId = chats.createWithFirstMessage(1, "Savol", "pdf-" + id, new uz.suhbat.domain.limit.MessageLimit(5), "Savol", clock.instant()).chat().id();

        assertThat(service.hide(ADMIN, id)).isTrue();
        assertThat(library.launched()).isEmpty();
        service.launch(ADMIN, id);
        assertThat(service.delete(ADMIN, id)).isTrue();

        assertThat(models.find(id)).isEmpty();
        assertThat(files.count()).isZero();
        assertThat(library.launched()).isEmpty();
        assertThat(chats.find(chatId).orElseThrow().whyNoMessage()).contains(uz.suhbat.domain.chat.Chat.ClosedReason.MODEL_DELETED);
        assertThat(auditLog.recent(1, 10).items()).extracting(e -> e.action().name())
                .containsExactly("MODEL_DELETED", "MODEL_LAUNCHED", "MODEL_HIDDEN", "MODEL_LAUNCHED", "MODEL_CREATED");
    }

    @Test
    void anAdminCanTryAModelBeforeLaunchingIt() {
        KnowledgeModelService service = service(FakeDocumentText.of(PAGES));
        long id = ((Created) service.create(ADMIN, new Command("Nizom", null, "gpt-4o-mini", null), pdf())).id();
        chatModel.answers("Soat 8:30 da.");

        KnowledgeModelsQuery.Trial trial = service.tryOut(id, "Darslar soat nechida boshlanadi?");

        assertThat(trial.answer()).isEqualTo("Soat 8:30 da.");
        assertThat(trial.passages()).isNotEmpty();
        assertThat(trial.passages().get(0).page()).isEqualTo(2);
    }

    @Test
    void launchingLoadsTheModelsPassagesInTheBackgroundBeforeAnyQuestion() throws Exception {
        // given a ready model nobody has asked yet
        KnowledgeModelService service = service(FakeDocumentText.of(PAGES));
        long id = ((Created) service.create(ADMIN, new Command("Nizom", null, "gpt-4o", null), pdf())).id();
        assertThat(library.loaded(id)).isFalse();

        // when it is launched
        service.launch(ADMIN, id);

        // then its index is loaded without a question
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!library.loaded(id) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(library.loaded(id)).isTrue();
    }

    @Test
    void atStartUpTheLaunchedModelsAreLoaded() {
        // given a launched model, and a library that has not loaded anything (a fresh start)
        KnowledgeModelService service = service(FakeDocumentText.of(PAGES));
        long id = ((Created) service.create(ADMIN, new Command("Nizom", null, "gpt-4o", null), pdf())).id();
        models.setLaunched(id, true);
        KnowledgeLibrary fresh = new KnowledgeLibrary(models, embeddings, 2, 0.05);
        KnowledgeModelService restarted = new KnowledgeModelService(models, files, FakeDocumentText.of(PAGES), embeddings, fresh, chats,
                chatModel, Runnable::run, clock, List.of("gpt-4o-mini", "gpt-4o"), 1_000, new AuditTrail(auditLog, admins, clock));

        // when the application starts
        restarted.resumeAfterStart();

        // then
        assertThat(fresh.loaded(id)).isTrue();
    }

    @Test
    void afterARestartUnfinishedModelsWhoseNodeStoppedAreMarkedFailed() {
        KnowledgeModel unfinished = models.create("Yarim", null, "gpt-4o-mini", null, "x.pdf", "e/32", clock.instant());
        clock.advance(KnowledgeModelService.HEARTBEAT_LOST.plusSeconds(1));

        service(FakeDocumentText.of(PAGES)).resumeAfterStart();

        assertThat(models.find(unfinished.id()).orElseThrow().statusReason()).isEqualTo(Problem.DOCUMENT_READING_CUT_BY_RESTART);
    }

    @Test
    void aNodeThatStartsLeavesAReadingAloneWhileItsNodeStillSaysItIsAtIt() {
        KnowledgeModel reading = models.create("Oʻqilmoqda", null, "gpt-4o-mini", null, "x.pdf", "e/32", clock.instant());
        clock.advance(Duration.ofMinutes(5));
        models.heartbeat(reading.id(), clock.instant().minusSeconds(10)); // the other node's last heartbeat

        service(FakeDocumentText.of(PAGES)).resumeAfterStart();

        assertThat(models.find(reading.id()).orElseThrow().status()).isEqualTo(KnowledgeModel.Status.PROCESSING);
    }

    @Test
    void anIndexLoadedOnAnotherNodeIsDroppedOnceItsModelIsDeletedOrItsPassagesChange() {
        // two nodes on one database: each has its own library; this test's service is node A
        KnowledgeModelService nodeA = service(FakeDocumentText.of(PAGES));
        KnowledgeLibrary nodeB = new KnowledgeLibrary(models, embeddings, 2, 0.05);
        long kept = ((Created) nodeA.create(ADMIN, new Command("Nizom", null, "gpt-4o", null), pdf())).id();
        long deleted = ((Created) nodeA.create(ADMIN, new Command("Eski", null, "gpt-4o", null), pdf())).id();
        nodeB.retrieve(kept, "Direktor kim?");
        nodeB.retrieve(deleted, "Direktor kim?");
        assertThat(nodeB.dropChanged()).as("nothing changed").isZero();
        assertThat(nodeB.loaded(kept)).isTrue();

        assertThat(nodeA.delete(ADMIN, deleted)).isTrue();
        assertThat(nodeB.loaded(deleted)).as("until node B looks").isTrue();
        assertThat(nodeB.dropChanged()).isEqualTo(1);
        assertThat(nodeB.loaded(deleted)).isFalse();
        assertThat(nodeB.loaded(kept)).isTrue();

        // the passages of the kept model are read again (on node A): node B drops what it holds and sees the new text
        assertThat(nodeB.retrieve(kept, "Oshxona menyusi")).extracting(KnowledgeIndex.Hit::text).noneMatch(t -> t.contains("Oshxona"));
        models.saveChunks(kept, List.of(new uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository.StoredChunk(0, 99, 4,
                "Oshxona menyusi: palov va shoʻrva.", embeddings.embed("Oshxona menyusi: palov va shoʻrva."))));
        assertThat(nodeB.dropChanged()).isEqualTo(1);
        assertThat(nodeB.retrieve(kept, "Oshxona menyusi")).extracting(KnowledgeIndex.Hit::text).anyMatch(t -> t.contains("Oshxona"));
    }
}
