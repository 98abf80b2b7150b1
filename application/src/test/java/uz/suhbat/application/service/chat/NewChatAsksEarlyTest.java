package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * A new chat asks the model while the chat's transaction runs (StartChatService, AnswerStarter.askEarly): what the model
 * sends reaches the user only once the chat is stored, after the chat's event; when the chat cannot be stored the call is
 * cancelled, nothing of it reaches the user, nothing is stored and the failure is told as before.
 */
class NewChatAsksEarlyTest {

    private final MutableClock clock = MutableClock.at("2026-11-30T07:00:00Z");
    private final InMemoryChatRepository stored = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(stored::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    /** what the test does when the chat's transaction runs: may look around, or fail as a database would */
    private final AtomicReference<Runnable> whenStoring = new AtomicReference<>(() -> { });
    private final ChatRepository chats = (ChatRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ChatRepository.class}, (proxy, method, args) -> {
                if (method.getName().startsWith("create")) {
                    whenStoring.get().run();
                }
                try {
                    return method.invoke(stored, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private final ChatUseCases service = new ChatUseCases(chats, users, model, new InMemoryChatLimits(50, users), clock,
            List.of("gpt-4o-mini"), new KnowledgeGrounding(new KnowledgeLibrary(new InMemoryKnowledgeModelRepository(),
                    new FakeEmbeddings(), 3, 0.05)), quotas);

    private long verifiedUser(String name) {
        User saved = users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz"));
        quotas.addUser(saved.id());
        return users.save(saved.verify(saved.email())).id();
    }

    @Test
    void theModelIsAskedBeforeTheChatIsStored_andWhatItSendsMeanwhileReachesTheUserAfterTheChatEvent() {
        long aziz = verifiedUser("aziz");
        ScriptedChatModel.Held answer = model.holds("Sa");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        List<String> seenWhileStoring = new ArrayList<>();
        whenStoring.set(() -> seenWhileStoring.add(model.prompts().size() + " prompt(s), events " + listener.events()));

        assertThat(service.start(aziz, "gpt-4o-mini", "Salom, qandaysiz?", listener)).isInstanceOf(Started.class);

        // the model had the question (and had sent its first piece) while the chat was being stored; the user had nothing yet
        assertThat(seenWhileStoring).containsExactly("1 prompt(s), events []");
        assertThat(model.prompts().getFirst().turns()).extracting(t -> t.role() + ":" + t.content())
                .containsExactly(Role.USER + ":Salom, qandaysiz?");
        assertThat(listener.events()).containsExactly("chat:Salom, qandaysiz?", "delta:Sa");
        answer.send("lom!");
        answer.complete();
        assertThat(listener.events()).containsExactly("chat:Salom, qandaysiz?", "delta:Sa", "delta:lom!", "done:2/1/50");
        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().messages())
                .extracting(m -> m.rank() + ":" + m.role() + ":" + m.content() + ":" + m.status())
                .containsExactly("1:user:Salom, qandaysiz?:complete", "2:assistant:Salom!:complete");
    }

    @Test
    void anAnswerThatEndedBeforeTheChatWasStored_isToldAfterTheChatEvent_andItsFinalWriteIsLeftToAnotherThread() {
        long aziz = verifiedUser("aziz");
        // the call to the model runs at once (as if its thread were quick), what comes after it waits here
        List<Runnable> later = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean called = new java.util.concurrent.atomic.AtomicBoolean();
        service.answerStarter.aside(task -> {
            if (called.compareAndSet(false, true)) {
                task.run();
            } else {
                later.add(task);
            }
        });
        model.answers("Bir", " ikki");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        List<String> seenWhileStoring = new ArrayList<>();
        whenStoring.set(() -> seenWhileStoring.add("events " + listener.events()));

        service.start(aziz, "gpt-4o-mini", "Sanang", listener);

        assertThat(seenWhileStoring).containsExactly("events []");
        // the request's thread told the chat and the pieces; the answer's final write (and its done) waits for the other thread
        assertThat(listener.events()).containsExactly("chat:Sanang", "delta:Bir", "delta: ikki");
        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().messages()).extracting(m -> m.content()).containsExactly("Sanang");
        assertThat(later).hasSize(1);
        later.getFirst().run();
        assertThat(listener.events()).containsExactly("chat:Sanang", "delta:Bir", "delta: ikki", "done:2/1/50");
        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().messages()).extracting(m -> m.content())
                .containsExactly("Sanang", "Bir ikki");
    }

    @Test
    void whenTheChatCannotBeStored_theModelCallIsCancelled_nothingReachesTheUser_nothingIsStored_andTheQuotaIsGivenBack() {
        long aziz = verifiedUser("aziz");
        quotas.saveDefaultDailyQuota(new DailyQuota(5));
        ScriptedChatModel.Held answer = model.holds("Sa");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        whenStoring.set(() -> {
            throw new IllegalStateException("the database went away");
        });

        assertThatThrownBy(() -> service.start(aziz, "gpt-4o-mini", "Salom, qandaysiz?", listener))
                .isInstanceOf(IllegalStateException.class).hasMessage("the database went away");

        assertThat(model.prompts()).hasSize(1);
        assertThat(model.cancelled()).isTrue();
        answer.send("lom!"); // a piece the upstream had on its way: the cancelled call passes nothing
        assertThat(listener.events()).isEmpty();
        assertThat(service.chats(aziz)).isEmpty();
        assertThat(service.allowance(aziz)).get().satisfies(today -> assertThat(today.left()).isEqualTo(5));

        // the database is back: the user sends the same question again, and it is answered as usual
        whenStoring.set(() -> { });
        model.answers("Yaxshi");
        RecordingAnswerListener again = new RecordingAnswerListener();
        assertThat(service.start(aziz, "gpt-4o-mini", "Salom, qandaysiz?", again)).isInstanceOf(Started.class);
        assertThat(again.events()).containsExactly("chat:Salom, qandaysiz?", "delta:Yaxshi", "done:2/1/50 today:1/5");
    }

    @Test
    void whenTheModelCannotEvenBeAsked_theChatIsStoredFirstAndTheFailureIsToldAsBefore() {
        long aziz = verifiedUser("aziz");
        // no scripted answer: the model throws when asked, before and after the chat is stored alike
        RecordingAnswerListener listener = new RecordingAnswerListener();

        assertThatThrownBy(() -> service.start(aziz, "gpt-4o-mini", "Salom", listener)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no scripted answer");

        assertThat(model.prompts()).hasSize(2);
        assertThat(service.chats(aziz)).hasSize(1);
        assertThat(listener.events()).containsExactly("chat:Salom");
    }
}
