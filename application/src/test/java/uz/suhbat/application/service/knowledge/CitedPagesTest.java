package uz.suhbat.application.service.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeDocumentPages;
import uz.suhbat.application.fake.FakeDocumentText;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryDocumentFiles;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.knowledge.CitedPageQuery.CitedPage;
import uz.suhbat.application.port.in.knowledge.CitedPageQuery.Found;
import uz.suhbat.application.port.in.knowledge.CitedPageQuery.Gone;
import uz.suhbat.application.port.in.knowledge.CitedPageQuery.NotFound;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Command;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase.Created;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.chat.ChatUseCases;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** A cited page is served only to who may read the chat, only if the answer cited it, and only while its document exists. */
class CitedPagesTest {

    private static final List<String> PAGES = List.of(
            "Maktab nizomi. Umumiy qoidalar va maqsadlar haqida.",
            "Dars jadvali: darslar soat 8:30 da boshlanadi va 14:00 da tugaydi.",
            "Kutubxona shanba kunlari yopiq. Direktor: Gʻulomova Nargiza.");
    private static final long ADMIN = 1;

    private final MutableClock clock = MutableClock.at("2026-11-26T09:00:00Z");
    private final InMemoryKnowledgeModelRepository models = new InMemoryKnowledgeModelRepository();
    private final InMemoryDocumentFiles files = new InMemoryDocumentFiles();
    private final FakeEmbeddings embeddings = new FakeEmbeddings();
    private final KnowledgeLibrary library = new KnowledgeLibrary(models, embeddings, 1, 0.05);
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final ScriptedChatModel chatModel = new ScriptedChatModel();
    private final KnowledgeModelService knowledge = new KnowledgeModelService(models, files, FakeDocumentText.of(PAGES), embeddings, library,
            chats, chatModel, Runnable::run, clock, List.of("gpt-4o-mini"), 1_000,
            new AuditTrail(new InMemoryAuditLogRepository(), new InMemoryAdminRepository(), clock));
    private final CitedPageService citedPages = new CitedPageService(chats, models, files, new FakeDocumentPages(files, PAGES.size()));

    private long modelId;
    private long reader;
    private long chatId;
    /** The rank of the answer that cited page 3. */
    private final int answer = 2;

    @BeforeEach
    void givenAnAnswerThatCitedPageThree() {
        modelId = ((Created) knowledge.create(ADMIN, new Command("Nizom", null, "gpt-4o-mini", null),
                new ByteArrayInputStream("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))).id();
        knowledge.launch(ADMIN, modelId);
        reader = user("oquvchi");
        clock.advance(Duration.ofMinutes(1));
        chatModel.answers("Direktor Gʻulomova Nargiza (3-sahifa).");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        new ChatUseCases(chats, users, chatModel, new InMemoryChatLimits(50, users), clock, List.of("gpt-4o-mini"), new uz.suhbat.application.service.knowledge.KnowledgeGrounding(library),
                new uz.suhbat.application.fake.InMemoryLimitSettingsRepository())
                .start(reader, "pdf-" + modelId, "Direktor kim?", listener);
        chatId = listener.chatId();
        assertThat(chats.messages(chatId).get(1).sources()).extracting(Message.Source::modelId, Message.Source::page)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(modelId, 3));
    }

    private long user(String name) {
        User user = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        return users.save(user.verify(user.email())).id();
    }

    @Test
    void whenTheOwnerOpensTheCitedPage_thenTheyGetThatPageAloneNamedAfterTheModel() {
        CitedPage page = citedPages.forUser(reader, chatId, answer, 3);

        assertThat(page).isInstanceOf(Found.class);
        Found found = (Found) page;
        assertThat(found.documentName()).isEqualTo("Nizom");
        assertThat(found.page()).isEqualTo(3);
        assertThat(new String(found.pdf(), StandardCharsets.UTF_8)).startsWith("page 3 of ");
    }

    @Test
    void whenAnAdminOpensIt_thenTheyGetItToo() {
        assertThat(citedPages.forAdmin(chatId, answer, 3)).isInstanceOf(Found.class);
    }

    @Test
    void whenSomeoneElseAsksOrAPageWasNotCited_thenThereIsNothingToSee() {
        long stranger = user("begona");

        assertThat(citedPages.forUser(stranger, chatId, answer, 3)).as("another user's chat").isInstanceOf(NotFound.class);
        assertThat(citedPages.forUser(reader, chatId, answer, 1)).as("a page the answer did not cite").isInstanceOf(NotFound.class);
        assertThat(citedPages.forUser(reader, chatId, 1, 3)).as("the question, not the answer").isInstanceOf(NotFound.class);
        assertThat(citedPages.forUser(reader, chatId + 99, answer, 3)).as("no such chat").isInstanceOf(NotFound.class);
        assertThat(citedPages.forAdmin(chatId, answer, 2)).as("admins too see only cited pages").isInstanceOf(NotFound.class);
    }

    @Test
    void whenTheModelIsDeleted_thenTheCitedPageIsGoneButTheCitationStays() {
        knowledge.delete(ADMIN, modelId);

        assertThat(citedPages.forUser(reader, chatId, answer, 3)).isInstanceOf(Gone.class);
        assertThat(chats.messages(chatId).get(1).sources()).extracting(Message.Source::text).singleElement().asString()
                .contains("Gʻulomova Nargiza");
    }

    @Test
    void whenACitationNamesNoModelOrANewerModelWithItsId_thenThePageIsGone() {
        Message older = chats.appendAssistantMessage(chatId, "Eski javob", MessageStatus.COMPLETE, "gpt-4o-mini", 1, 1,
                List.of(new Message.Source(0, 2, "Dars jadvali")), clock.instant());
        Message later = chats.appendAssistantMessage(chatId, "Kelajakdagi model", MessageStatus.COMPLETE, "gpt-4o-mini", 1, 1,
                List.of(new Message.Source(modelId + 1, 2, "Dars jadvali")), clock.instant());
        clock.advance(Duration.ofMinutes(1));
        knowledge.create(ADMIN, new Command("Yangi", null, "gpt-4o-mini", null), new ByteArrayInputStream("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));

        assertThat(citedPages.forUser(reader, chatId, older.rank(), 2)).as("stored before citations named their model").isInstanceOf(Gone.class);
        assertThat(citedPages.forUser(reader, chatId, later.rank(), 2)).as("an id taken by a model made after the answer")
                .isInstanceOf(Gone.class);
    }

    @Test
    void whenTheModelExistsButThisNodeLacksItsFile_thenThePageIsNotOnThisNodeRatherThanGone() {
        files.lose(models.find(modelId).orElseThrow().file()); // a node whose FILES_DIR is not the shared one

        assertThat(citedPages.forUser(reader, chatId, answer, 3)).isInstanceOf(uz.suhbat.application.port.in.knowledge.CitedPageQuery.NotOnThisNode.class);
        assertThat(citedPages.forAdmin(chatId, answer, 3)).isInstanceOf(uz.suhbat.application.port.in.knowledge.CitedPageQuery.NotOnThisNode.class);
        assertThat(citedPages.forUser(reader, chatId, answer, 1)).as("a page not cited stays not found").isInstanceOf(NotFound.class);
    }
}
