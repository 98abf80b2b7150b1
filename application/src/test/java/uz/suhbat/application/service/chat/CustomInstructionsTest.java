package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryPreferenceRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.service.account.PreferencesService;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** Custom instructions: a system message at the start of every new chat while they are on; a chat keeps the ones it began with. */
class CustomInstructionsTest {

    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(chats::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final InMemoryPreferenceRepository preferences = new InMemoryPreferenceRepository();
    private final PreferencesService settings = new PreferencesService(preferences);
    private final ChatUseCases service = new ChatUseCases(chats, users, model, new InMemoryChatLimits(50, users), clock,
            List.of("gpt-4o-mini"), new KnowledgeGrounding(new KnowledgeLibrary(new InMemoryKnowledgeModelRepository(),
            new FakeEmbeddings(), 3, 0.05)), quotas, preferences);

    private long user(String name) {
        User saved = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(saved.id());
        return users.save(saved.verify(saved.email())).id();
    }

    private long chat(long userId, String question) {
        model.answers("Javob");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        service.start(userId, "gpt-4o-mini", question, listener);
        return listener.chatId();
    }

    private List<ChatModelPort.Turn> lastPrompt() {
        return model.prompts().getLast().turns();
    }

    @Test
    void whileOnEveryNewChatStartsWithThemAsASystemMessage_andNotWhenOff() {
        long dilnoza = user("dilnoza");
        assertThat(settings.saveInstructions(dilnoza, "I teach chemistry in Bukhara.", "Answer briefly, in Uzbek.", true)).isEmpty();

        long first = chat(dilnoza, "Suv nima?");
        assertThat(lastPrompt().getFirst().role()).isEqualTo(Role.SYSTEM);
        assertThat(lastPrompt().getFirst().content()).contains("I teach chemistry in Bukhara.").contains("Answer briefly, in Uzbek.");
        assertThat(lastPrompt().getLast()).isEqualTo(new ChatModelPort.Turn(Role.USER, "Suv nima?"));

        model.answers("Yana");
        service.send(dilnoza, first, "Tuz-chi?", null, new RecordingAnswerListener());
        assertThat(lastPrompt().getFirst().content()).as("every answer of that chat").contains("I teach chemistry in Bukhara.");

        settings.saveInstructions(dilnoza, "I teach chemistry in Bukhara.", "Answer briefly, in Uzbek.", false);
        chat(dilnoza, "Havo nima?");
        assertThat(lastPrompt()).as("turned off: a new chat has none").extracting(ChatModelPort.Turn::role).containsExactly(Role.USER);

        model.answers("Uchinchi");
        service.send(dilnoza, first, "Yana bir savol", null, new RecordingAnswerListener());
        assertThat(lastPrompt().getFirst().content()).as("the earlier chat keeps the ones it began with")
                .contains("I teach chemistry in Bukhara.");
    }

    @Test
    void emptyInstructionsAddNothingAndOtherUsersAreUntouched() {
        long on = user("empty");
        long other = user("other");
        settings.saveInstructions(on, "  ", "", true);
        settings.saveInstructions(other, "Secret of other", "", true);

        chat(on, "Salom");

        assertThat(lastPrompt()).extracting(ChatModelPort.Turn::role).containsExactly(Role.USER);
    }

    @Test
    void tooLongInstructionsAreRefusedPerFieldAndNothingIsSaved() {
        long user = user("wordy");
        String tooLong = "a".repeat(CustomInstructions.MAX_LENGTH + 1);

        Map<String, Problem> problems = settings.saveInstructions(user, tooLong, "ok", true);

        assertThat(problems).containsOnlyKeys("aboutYou").containsValue(Problem.INSTRUCTIONS_TOO_LONG);
        assertThat(settings.instructions(user)).isEqualTo(CustomInstructions.NONE);
        assertThat(settings.saveInstructions(user, "a".repeat(CustomInstructions.MAX_LENGTH), "ok", true)).isEmpty();
    }
}
