package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.FixedContextWindows;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Refused;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Started;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.StartChatUseCase;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.application.service.account.NewChatReadAhead;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * A new chat whose request read its author ahead (the session check of {@code POST /api/chats},
 * {@code SessionCheckService#checkStartingChat}) starts from that read and does not read its author again; a read of another
 * user, or none, is read again. Through the titles' wrapper ({@link ModelTitles#around}) as the application wires it.
 */
class StartChatWithReadAheadTest {

    private final MutableClock clock = MutableClock.at("2026-11-30T10:00:00Z");
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(chats::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final InMemoryChatLimits limits = new InMemoryChatLimits(50, users);
    private final AtomicInteger reads = new AtomicInteger();
    private final NewChatReadPort authors = userId -> {
        reads.incrementAndGet();
        return NewChatReadPort.separately(limits, quotas, null).newChatOf(userId);
    };
    private final KnowledgeGrounding pdfModels = new KnowledgeGrounding(new KnowledgeLibrary(new InMemoryKnowledgeModelRepository(),
            new FakeEmbeddings(), 3, 0.05));
    private final ChatUseCases service = new ChatUseCases(chats, users, model, limits, clock, List.of("gpt-4o-mini"), pdfModels, quotas);
    private final ModelCatalog catalog = new ModelCatalog(List.of("gpt-4o-mini"), pdfModels, new FixedContextWindows(128_000));
    private final StartChatUseCase starting = service.titles.around(
            new StartChatService(authors, chats, model, catalog, service.answerStarter, quotas, clock));

    private long verifiedUser(String name) {
        User saved = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(saved.id());
        return users.save(saved.verify(saved.email())).id();
    }

    private NewChatReadAhead readAhead(long userId) {
        return new NewChatReadAhead(userId, authors.newChatOf(userId).orElseThrow());
    }

    @Test
    void aNewChatWithItsAuthorReadAhead_startsFromThatRead_withoutReadingItsAuthorAgain() {
        long aziz = verifiedUser("aziz");
        NewChatReadAhead ahead = readAhead(aziz);
        reads.set(0);
        model.answers("Salom!").answers("Salomlashuv");
        RecordingAnswerListener listener = new RecordingAnswerListener();

        assertThat(starting.start(ahead, aziz, "gpt-4o-mini", "Salom", List.of(), listener)).isInstanceOf(Started.class);

        assertThat(reads).as("the author was not read again").hasValue(0);
        assertThat(listener.events()).startsWith("chat:Salom").contains("delta:Salom!");
        assertThat(chats.findByUser(aziz)).singleElement().satisfies(chat -> assertThat(chat.limit().value()).isEqualTo(50));
    }

    @Test
    void whatWasReadAhead_isWhatTheChatGoesBy() {
        long aziz = verifiedUser("aziz");
        // a read that saw a limit of 3 and a blocked author: the chat goes by it, as it would by its own read at that moment
        NewChatReadPort.NewChatFacts seen = authors.newChatOf(aziz).orElseThrow();
        NewChatReadAhead limited = new NewChatReadAhead(aziz, new NewChatReadPort.NewChatFacts(
                new ChatLimitPolicyPort.NewChatAuthor(seen.author().user(), new MessageLimit(3)), Optional.empty(), CustomInstructions.NONE));
        NewChatReadAhead blocked = new NewChatReadAhead(aziz, new NewChatReadPort.NewChatFacts(
                new ChatLimitPolicyPort.NewChatAuthor(seen.author().user().block("Spam"), new MessageLimit(3)), Optional.empty(),
                CustomInstructions.NONE));
        reads.set(0);
        model.answers("Salom!").answers("Salomlashuv");

        assertThat(starting.start(limited, aziz, "gpt-4o-mini", "Salom", List.of(), new RecordingAnswerListener())).isInstanceOf(Started.class);
        assertThat(chats.findByUser(aziz)).singleElement().satisfies(chat -> assertThat(chat.limit().value()).isEqualTo(3));
        assertThat(starting.start(blocked, aziz, "gpt-4o-mini", "Salom", List.of(), new RecordingAnswerListener()))
                .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.reason()).isEqualTo(Refusal.BLOCKED));
        assertThat(reads).hasValue(0);
    }

    @Test
    void aReadOfAnotherUser_orNone_isReadAgain() {
        long aziz = verifiedUser("aziz");
        long other = verifiedUser("boshqa");
        NewChatReadAhead othersRead = readAhead(other);
        reads.set(0);
        model.answers("Salom!").answers("Salomlashuv").answers("Yana").answers("Yana salom");

        assertThat(starting.start(othersRead, aziz, "gpt-4o-mini", "Salom", List.of(), new RecordingAnswerListener())).isInstanceOf(Started.class);
        assertThat(starting.start(null, aziz, "gpt-4o-mini", "Yana", List.of(), new RecordingAnswerListener())).isInstanceOf(Started.class);

        assertThat(reads).hasValue(2);
        assertThat(chats.findByUser(aziz)).hasSize(2);
        assertThat(chats.findByUser(other)).isEmpty();
    }
}
