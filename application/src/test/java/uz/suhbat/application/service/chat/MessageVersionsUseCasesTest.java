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
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Refused;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Started;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.ChatQuery.ChatView;
import uz.suhbat.application.port.in.chat.ChatQuery.MessageView;
import uz.suhbat.application.port.in.chat.MessageVersionsUseCase.Result;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** Regenerate, edit, switch versions and remove an unanswered question, through the use cases, with fakes of the ports. */
class MessageVersionsUseCasesTest {

    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(chats::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryChatLimits limits = new InMemoryChatLimits(50, users);
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final ChatUseCases service = new ChatUseCases(chats, users, model, limits, clock, List.of("gpt-4o-mini", "gpt-4o"),
            new KnowledgeGrounding(new KnowledgeLibrary(new InMemoryKnowledgeModelRepository(), new FakeEmbeddings(), 3, 0.05)), quotas);

    private long user(String name) {
        User saved = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(saved.id());
        return users.save(saved.verify(saved.email())).id();
    }

    private long chatWithTwoTurns(long userId) {
        model.answers("A1");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        assertThat(service.start(userId, "gpt-4o-mini", "Q1", listener)).isInstanceOf(Started.class);
        model.answers("A2");
        assertThat(service.send(userId, listener.chatId(), "Q2", null, new RecordingAnswerListener())).isInstanceOf(Started.class);
        return listener.chatId();
    }

    private ChatView chat(long userId, long chatId) {
        return service.chat(userId, chatId).orElseThrow();
    }

    private static List<String> contents(ChatView chat) {
        return chat.messages().stream().map(MessageView::content).toList();
    }

    private List<String> lastPrompt() {
        return model.prompts().get(model.prompts().size() - 1).turns().stream().map(ChatModelPort.Turn::content).toList();
    }

    @Test
    void regenerateKeepsTheEarlierAnswerAsAVersion_andSwitchingShowsEither() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        model.answers("A2 again");

        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).isInstanceOf(Started.class);

        assertThat(lastPrompt()).containsExactly("Q1", "A1", "Q2");
        ChatView chat = chat(aziz, chatId);
        assertThat(contents(chat)).containsExactly("Q1", "A1", "Q2", "A2 again");
        MessageView answer = chat.messages().get(3);
        assertThat(answer.versions()).hasSize(2).endsWith(answer.rank());
        assertThat(chat.used()).as("a version counts like a message").isEqualTo(3);

        assertThat(service.versions.choose(aziz, chatId, answer.versions().get(0))).isEqualTo(Result.DONE);
        assertThat(contents(chat(aziz, chatId))).containsExactly("Q1", "A1", "Q2", "A2");
        assertThat(service.versions.choose(aziz, chatId, 999)).isEqualTo(Result.NOT_FOUND);
    }

    @Test
    void editingAQuestionContinuesOnANewBranch_theModelSeesOnlyThatBranch_andTheOldOneComesBack() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        int q2 = chat(aziz, chatId).messages().get(2).rank();
        model.answers("A2 for the edit");

        assertThat(service.edit(aziz, chatId, q2, "Q2 edited", null, new RecordingAnswerListener())).isInstanceOf(Started.class);

        assertThat(lastPrompt()).containsExactly("Q1", "A1", "Q2 edited");
        ChatView edited = chat(aziz, chatId);
        assertThat(contents(edited)).containsExactly("Q1", "A1", "Q2 edited", "A2 for the edit");
        assertThat(edited.messages().get(2).versions()).containsExactly(q2, edited.messages().get(2).rank());
        assertThat(edited.used()).as("the edit counts like a message").isEqualTo(3);

        model.answers("A3");
        service.send(aziz, chatId, "Q3", null, new RecordingAnswerListener());
        assertThat(lastPrompt()).as("the next message continues the new branch only")
                .containsExactly("Q1", "A1", "Q2 edited", "A2 for the edit", "Q3");

        assertThat(service.versions.choose(aziz, chatId, q2)).isEqualTo(Result.DONE);
        assertThat(contents(chat(aziz, chatId))).containsExactly("Q1", "A1", "Q2", "A2");
        model.answers("A3 old branch");
        service.send(aziz, chatId, "Q3 on the old branch", null, new RecordingAnswerListener());
        assertThat(lastPrompt()).containsExactly("Q1", "A1", "Q2", "A2", "Q3 on the old branch");
    }

    @Test
    void editingTheFirstQuestionStartsTheChatAfresh() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        model.answers("A1 new");

        service.edit(aziz, chatId, 1, "Q1 new", null, new RecordingAnswerListener());

        assertThat(lastPrompt()).containsExactly("Q1 new");
        assertThat(contents(chat(aziz, chatId))).containsExactly("Q1 new", "A1 new");
        assertThat(chat(aziz, chatId).messages().get(0).versions()).hasSize(2);
    }

    @Test
    void onlyQuestionsOfTheActiveBranchAreEdited_andBadTextIsRefused_andNothingIsStored() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        int answer = chat(aziz, chatId).messages().get(1).rank();

        assertThat(service.edit(aziz, chatId, answer, "x", null, new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.NOT_EDITABLE));
        assertThat(service.edit(aziz, chatId, 77, "x", null, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.NOT_EDITABLE));
        assertThat(service.edit(aziz, chatId, 1, "   ", null, new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.INVALID_CONTENT));
        long other = user("other");
        assertThat(service.edit(other, chatId, 1, "x", null, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.NOT_FOUND));
        assertThat(chats.tree(chatId)).hasSize(4);
        assertThat(chat(aziz, chatId).used()).isEqualTo(2);
    }

    @Test
    void anEditAtTheChatsLimitOrOverTheDailyQuotaIsRefused() {
        long aziz = user("aziz");
        limits.userLimit(aziz, 2);
        long chatId = chatWithTwoTurns(aziz);

        assertThat(service.edit(aziz, chatId, 3, "Q2 edited", null, new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.LIMIT_REACHED));
        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.LIMIT_REACHED));

        long bobur = user("bobur");
        quotas.saveDefaultDailyQuota(new DailyQuota(2));
        long boburs = chatWithTwoTurns(bobur);
        assertThat(service.edit(bobur, boburs, 3, "Q2 edited", null, new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));
        assertThat(service.regenerate(bobur, boburs, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));
        assertThat(chats.tree(boburs)).hasSize(4);
    }

    @Test
    void aQuestionLeftUnansweredNeverReachesTheModelSilently_andCanBeRemoved() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        model.failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        service.send(aziz, chatId, "failed once", null, new RecordingAnswerListener());
        model.failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        service.send(aziz, chatId, "failed twice", null, new RecordingAnswerListener());
        assertThat(lastPrompt()).as("the question answered now is sent; the earlier unanswered one is not")
                .containsExactly("Q1", "A1", "Q2", "A2", "failed twice");

        ChatView chat = chat(aziz, chatId);
        int failedTwice = chat.messages().get(5).rank();
        assertThat(service.versions.removeUnanswered(aziz, chatId, chat.messages().get(4).rank()))
                .as("not at the end of the branch").isEqualTo(Result.NOT_REMOVABLE);
        assertThat(service.versions.removeUnanswered(aziz, chatId, 1)).isEqualTo(Result.NOT_REMOVABLE);
        assertThat(service.versions.removeUnanswered(aziz, chatId, failedTwice)).isEqualTo(Result.DONE);
        assertThat(contents(chat(aziz, chatId))).containsExactly("Q1", "A1", "Q2", "A2", "failed once");
        assertThat(service.versions.removeUnanswered(aziz, chatId, failedTwice)).isEqualTo(Result.NOT_FOUND);

        model.answers("A3");
        service.send(aziz, chatId, "Q3", null, new RecordingAnswerListener());
        assertThat(lastPrompt()).containsExactly("Q1", "A1", "Q2", "A2", "Q3");
    }

    @Test
    void retryAfterAFailureAnswersTheUnansweredQuestion_andAfterAStopKeepsThePartialAnswerAsAVersion() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        model.failsAfter(ChatModelPort.FailureKind.UNAVAILABLE);
        service.send(aziz, chatId, "Q3", null, new RecordingAnswerListener());
        model.answers("A3");

        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).isInstanceOf(Started.class);
        assertThat(lastPrompt()).containsExactly("Q1", "A1", "Q2", "A2", "Q3");
        assertThat(contents(chat(aziz, chatId))).endsWith("Q3", "A3");

        ScriptedChatModel.Held held = model.holds("Yarim");
        Outcome started = service.regenerate(aziz, chatId, new RecordingAnswerListener());
        ((Started) started).stop().run();
        ChatView stopped = chat(aziz, chatId);
        assertThat(stopped.messages().get(5).status()).isEqualTo("interrupted");
        assertThat(stopped.messages().get(5).versions()).hasSize(2);
        model.answers("A3 after stop");
        service.regenerate(aziz, chatId, new RecordingAnswerListener());
        ChatView retried = chat(aziz, chatId);
        assertThat(contents(retried)).endsWith("Q3", "A3 after stop");
        assertThat(retried.messages().get(5).versions()).hasSize(3);
        assertThat(held).isNotNull();
    }

    @Test
    void theBranchDoesNotChangeWhileAnAnswerIsOnItsWay() {
        long aziz = user("aziz");
        long chatId = chatWithTwoTurns(aziz);
        model.answers("A2 again");
        service.regenerate(aziz, chatId, new RecordingAnswerListener());
        ScriptedChatModel.Held held = model.holds("…");
        service.send(aziz, chatId, "Q3", null, new RecordingAnswerListener());

        assertThat(service.versions.choose(aziz, chatId, 4)).isEqualTo(Result.ANSWER_IN_PROGRESS);
        held.complete();
        assertThat(service.versions.choose(aziz, chatId, 4)).isEqualTo(Result.DONE);
        assertThat(service.versions.choose(user("other"), chatId, 4)).isEqualTo(Result.NOT_FOUND);
    }
}
