package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Started;
import uz.suhbat.application.port.in.chat.ChatQuery.ChatSummary;
import uz.suhbat.application.port.in.chat.StartChatUseCase;
import uz.suhbat.application.port.in.conversation.FeedbackReportQuery;
import uz.suhbat.application.port.in.conversation.FeedbackUseCase;
import uz.suhbat.application.port.in.conversation.MyDataQuery;
import uz.suhbat.application.port.in.conversation.SearchChatsQuery;
import uz.suhbat.application.port.in.conversation.ShareChatUseCase;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.service.conversation.FeedbackService;
import uz.suhbat.application.service.conversation.MyDataService;
import uz.suhbat.application.service.conversation.OrganizeChatsService;
import uz.suhbat.application.service.conversation.SearchChatsService;
import uz.suhbat.application.service.conversation.ShareChatService;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** Titles, pins and archives, search, share links, feedback and "download my data", over the in-memory ports. */
class ConversationControlsTest {

    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(chats::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final ChatUseCases service = new ChatUseCases(chats, users, model, new InMemoryChatLimits(50, users), clock,
            List.of("gpt-4o-mini", "gpt-4o"),
            new KnowledgeGrounding(new KnowledgeLibrary(new InMemoryKnowledgeModelRepository(), new FakeEmbeddings(), 3, 0.05)), quotas);
    private final StartChatUseCase titled = service.titles.around(service.starting);
    private final OrganizeChatsService organize = new OrganizeChatsService(chats, service.conversations, clock);
    private final SearchChatsQuery search = new SearchChatsService(service.conversations, service.conversations);
    private final ShareChatUseCase sharing = new ShareChatService(chats, service.conversations, service.conversations,
            new uz.suhbat.application.fake.InMemoryAttachments(), clock);
    private final FeedbackService feedback = new FeedbackService(chats, service.conversations, clock);

    private long user(String name) {
        User saved = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(saved.id());
        return users.save(saved.verify(saved.email())).id();
    }

    /** A new chat answered with {@code answer}, and its title request answered with {@code title} (null: no title is written). */
    private long titledChat(long userId, String question, String answer, String title) {
        model.answers(answer);
        if (title != null) {
            model.answers(title);
        }
        RecordingAnswerListener listener = new RecordingAnswerListener();
        assertThat(titled.start(userId, "gpt-4o-mini", question, listener)).isInstanceOf(Started.class);
        return listener.chatId();
    }

    private long chat(long userId, String question, String answer) {
        model.answers(answer);
        RecordingAnswerListener listener = new RecordingAnswerListener();
        service.start(userId, "gpt-4o-mini", question, listener);
        clock.advance(java.time.Duration.ofSeconds(1));
        return listener.chatId();
    }

    @Test
    void afterTheFirstAnswerTheModelWritesAShortTitleWithASeparateRequest() {
        long aziz = user("aziz");

        long id = titledChat(aziz, "Salom, men Bobur. Samarqandda nima ko'rish mumkin?", "Registon, Shohi Zinda va Bibixonim.",
                "\"Samarqanddagi diqqatga sazovor joylar haqida savol va javoblar.\"");

        assertThat(service.chat(aziz, id).orElseThrow().title()).isEqualTo("Samarqanddagi diqqatga sazovor joylar haqida savol");
        assertThat(model.prompts()).hasSize(2);
        ChatModelPort.Prompt titleRequest = model.prompts().get(1);
        assertThat(titleRequest.model()).as("TITLE_MODEL unset: the chat's model").isEqualTo("gpt-4o-mini");
        assertThat(titleRequest.turns()).extracting(ChatModelPort.Turn::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.USER);
        assertThat(titleRequest.turns().get(1).content()).isEqualTo("Salom, men Bobur. Samarqandda nima ko'rish mumkin?");
        assertThat(titleRequest.turns().get(2).content()).isEqualTo("Registon, Shohi Zinda va Bibixonim.");
        assertThat(service.chats(aziz)).extracting(ChatSummary::titlePending).containsExactly(false);
    }

    @Test
    void theTitleModelSettingChoosesTheModelThatWritesTitles() {
        long aziz = user("aziz");
        StartChatUseCase start = new ModelTitles(service.conversations, model,
                new ModelCatalog(List.of("gpt-4o-mini"), null, new uz.suhbat.application.fake.FixedContextWindows(128_000)), "gpt-4.1-nano")
                .around(service.starting);
        model.answers("Javob").answers("Sarlavha");

        start.start(aziz, "gpt-4o-mini", "Savol", new RecordingAnswerListener());

        assertThat(model.prompts().get(1).model()).isEqualTo("gpt-4.1-nano");
    }

    @Test
    void aFailedTitleRequestLeavesTheFirstWordsAndAFailedAnswerAsksForNoTitle() {
        long aziz = user("aziz");
        model.answers("Javob").failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        RecordingAnswerListener listener = new RecordingAnswerListener();
        titled.start(aziz, "gpt-4o-mini", "Toshkentda ob-havo qanday bugun", listener);

        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().title()).isEqualTo("Toshkentda ob-havo qanday bugun");
        assertThat(service.chats(aziz).get(0).titlePending()).isFalse();

        model.failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        titled.start(aziz, "gpt-4o-mini", "Ikkinchi savol", new RecordingAnswerListener());
        assertThat(model.prompts()).as("no title request after a failed answer").hasSize(3);
    }

    @Test
    void aRenameWinsOverATitleStillOnItsWay() {
        long aziz = user("aziz");
        model.answers("Javob");
        ScriptedChatModel.Held title = model.holds("Model ", "sarlavhasi");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        titled.start(aziz, "gpt-4o-mini", "Savol", listener);
        assertThat(service.chats(aziz).get(0).titlePending()).isTrue();

        assertThat(service.rename(aziz, listener.chatId(), "Mening nomim")).isTrue();
        title.complete();

        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().title()).isEqualTo("Mening nomim");
    }

    @Test
    void pinnedChatsComeFirstAndArchivedOnesLeaveTheSidebarForTheProfile() {
        long aziz = user("aziz");
        long stranger = user("begona");
        long a = chat(aziz, "Birinchi", "1");
        long b = chat(aziz, "Ikkinchi", "2");
        long c = chat(aziz, "Uchinchi", "3");

        assertThat(organize.pin(aziz, a, true)).isTrue();
        assertThat(organize.archive(aziz, b, true)).isTrue();
        assertThat(organize.pin(stranger, c, true)).as("not theirs").isFalse();
        assertThat(organize.archive(stranger, c, true)).isFalse();

        assertThat(service.chats(aziz)).extracting(s -> s.id() + ":" + s.pinned()).containsExactly(a + ":true", c + ":false");
        assertThat(organize.archived(aziz)).extracting(ChatSummary::id).containsExactly(b);

        clock.advance(java.time.Duration.ofSeconds(1));
        organize.archive(aziz, a, true);
        assertThat(organize.archived(aziz)).extracting(ChatSummary::id).containsExactly(a, b);
        organize.archive(aziz, a, false);
        assertThat(service.chats(aziz)).as("archiving unpinned it").extracting(s -> s.id() + ":" + s.pinned())
                .containsExactly(c + ":false", a + ":false");
    }

    @Test
    void searchFindsOnlyTheUsersChatsByTitleOrAnswerWithTheMatchMarked() {
        long aziz = user("aziz");
        long stranger = user("begona");
        long a = chat(aziz, "Tarix savoli", "Buyuk ipak yoʻli Samarqand orqali oʻtgan. Bu juda qadimiy savdo yo'li edi.");
        chat(aziz, "Plov", "Guruch, sabzi va go'sht");
        chat(stranger, "Ipak yo'li", "Begona ipak yo'li");

        List<SearchChatsQuery.Hit> hits = search.search(aziz, "IPAK YO'LI");

        assertThat(hits).hasSize(1);
        SearchChatsQuery.Hit hit = hits.get(0);
        assertThat(hit.chatId()).isEqualTo(a);
        assertThat(hit.rank()).isEqualTo(2);
        assertThat(hit.role()).isEqualTo("assistant");
        assertThat(hit.before()).isEqualTo("Buyuk ");
        assertThat(hit.match()).isEqualTo("ipak yoʻli");
        assertThat(hit.after()).startsWith(" Samarqand orqali");
        assertThat(search.search(aziz, "plov")).extracting(SearchChatsQuery.Hit::rank).as("the question").containsExactly(1);
        service.rename(aziz, a, "Savdo yo'llari");
        SearchChatsQuery.Hit byTitle = search.search(aziz, "savdo yollari").get(0);
        assertThat(byTitle.rank()).as("only the title matched").isNull();
        assertThat(byTitle.match()).isEqualTo("Savdo yo'llari");
        assertThat(search.search(aziz, "p")).as("too short").isEmpty();
        assertThat(search.search(aziz, "   ")).isEmpty();
    }

    @Test
    void aShareShowsTheChatAsItWasUntilRevokedAndOnlyWhileSharingIsOn() {
        long aziz = user("aziz");
        long stranger = user("begona");
        long a = chat(aziz, "Savol", "Javob");

        ShareChatUseCase.Result result = sharing.share(aziz, a);
        assertThat(sharing.share(stranger, a)).isInstanceOf(ShareChatUseCase.Result.NotFound.class);
        String token = ((ShareChatUseCase.Result.Shared) result).link().token();
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        model.answers("Keyingi javob");
        service.send(aziz, a, "Keyingi savol", null, new RecordingAnswerListener());

        ShareChatUseCase.SharedChat shared = sharing.shared(token).orElseThrow();
        assertThat(shared.messages()).extracting(m -> m.role() + ":" + m.content()).containsExactly("user:Savol", "assistant:Javob");
        assertThat(sharing.link(aziz, a)).map(ShareChatUseCase.Link::token).contains(token);
        assertThat(sharing.link(stranger, a)).isEmpty();
        assertThat(sharing.revoke(stranger, a)).isFalse();

        service.conversations.setSharingEnabled(false);
        assertThat(sharing.shared(token)).as("sharing off").isEmpty();
        assertThat(sharing.share(aziz, a)).isInstanceOf(ShareChatUseCase.Result.Disabled.class);
        service.conversations.setSharingEnabled(true);
        assertThat(sharing.shared(token)).isPresent();

        assertThat(sharing.revoke(aziz, a)).isTrue();
        assertThat(sharing.shared(token)).isEmpty();
        assertThat(sharing.shared("../../etc/passwd")).isEmpty();
    }

    @Test
    void aChatWithoutAnAnswerIsNotShared() {
        long aziz = user("aziz");
        model.failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        RecordingAnswerListener listener = new RecordingAnswerListener();
        service.start(aziz, "gpt-4o-mini", "Savol", listener);

        assertThat(sharing.share(aziz, listener.chatId())).isInstanceOf(ShareChatUseCase.Result.Empty.class);
    }

    @Test
    void feedbackOnAnswersIsCountedPerModelForAdmins() {
        long aziz = user("aziz");
        long stranger = user("begona");
        long a = chat(aziz, "Savol", "Javob");
        long b = chat(aziz, "Savol 2", "Javob 2");

        assertThat(feedback.rate(aziz, a, 2, false, "  juda qisqa  ")).isTrue();
        assertThat(feedback.rate(aziz, b, 2, true, " ")).isTrue();
        assertThat(feedback.rate(aziz, a, 1, true, null)).as("a question").isFalse();
        assertThat(feedback.rate(stranger, a, 2, true, null)).as("not theirs").isFalse();
        assertThat(feedback.rate(aziz, a, 2, true, "x".repeat(2000))).isTrue();
        assertThat(feedback.ofChat(aziz, a).get(0).comment()).hasSize(FeedbackUseCase.MAX_COMMENT);
        feedback.rate(aziz, a, 2, false, "  juda qisqa  ");

        assertThat(feedback.ofChat(aziz, a)).containsExactly(new FeedbackUseCase.Given(2, false, "juda qisqa"));
        assertThat(feedback.ofChat(aziz, b)).containsExactly(new FeedbackUseCase.Given(2, true, null));
        assertThat(feedback.ofChat(stranger, a)).isEmpty();
        assertThat(feedback.perModel()).containsExactly(new FeedbackReportQuery.ModelRate("gpt-4o-mini", 1, 1));
        assertThat(feedback.perModel().get(0).upShare()).isEqualTo(0.5);

        feedback.clear(aziz, a, 2);
        assertThat(feedback.ofChat(a)).isEmpty();
    }

    @Test
    void myDataHoldsEveryChatWithEveryMessageArchivedOnesToo() {
        long aziz = user("aziz");
        long stranger = user("begona");
        long a = chat(aziz, "Birinchi", "Bir");
        long b = chat(aziz, "Ikkinchi", "Ikki");
        chat(stranger, "Begona", "Yo'q");
        organize.archive(aziz, a, true);

        List<MyDataQuery.ExportedChat> mine = new MyDataService(chats, service.conversations, new uz.suhbat.application.fake.InMemoryAttachments()).chats(aziz);

        assertThat(mine).extracting(MyDataQuery.ExportedChat::id).containsExactly(b, a);
        assertThat(mine.get(1).archived()).isTrue();
        assertThat(mine.get(1).messages()).extracting(m -> m.role() + ":" + m.content() + ":" + m.model())
                .containsExactly("user:Birinchi:null", "assistant:Bir:gpt-4o-mini");
    }
}
