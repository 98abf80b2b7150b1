package uz.suhbat.application.service.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.FakeEmbeddings;
import uz.suhbat.application.fake.InMemoryChatLimits;
import uz.suhbat.application.fake.InMemoryKnowledgeModelRepository;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.application.fake.InMemoryChatRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.fake.RecordingAnswerListener;
import uz.suhbat.application.fake.ScriptedChatModel;
import uz.suhbat.application.port.in.chat.ChatQuery.ChatView;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Refused;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome.Started;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class ChatUseCasesTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final InMemoryChatRepository chats = new InMemoryChatRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository().cascadeTo(chats::deleteAllOfUser);
    private final ScriptedChatModel model = new ScriptedChatModel();
    private final InMemoryChatLimits limits = new InMemoryChatLimits(50, users);
    private final InMemoryKnowledgeModelRepository knowledgeModels = new InMemoryKnowledgeModelRepository();
    private final KnowledgeLibrary library = new KnowledgeLibrary(knowledgeModels, new FakeEmbeddings(), 3, 0.05);
    private final InMemoryLimitSettingsRepository quotas = new InMemoryLimitSettingsRepository();
    private final ChatUseCases service = new ChatUseCases(chats, users, model, limits, clock,
            List.of("gpt-4o-mini", "gpt-4o"), new uz.suhbat.application.service.knowledge.KnowledgeGrounding(library), quotas);

    private long user(String name, boolean verified) {
        User user = User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", clock.instant(), "uz");
        User saved = users.save(user);
        quotas.addUser(saved.id());
        return verified ? users.save(saved.verify(saved.email())).id() : saved.id();
    }

    private long newChat(long userId, String content, String... answer) {
        model.answers(answer);
        RecordingAnswerListener listener = new RecordingAnswerListener();
        assertThat(service.start(userId, "gpt-4o-mini", content, listener)).isInstanceOf(Started.class);
        return listener.chatId();
    }

    @Test
    void givenAVerifiedUser_whenStartingAChat_thenTheMessageIsStoredAndTheAnswerStreamsAndIsStored() {
        long aziz = user("aziz", true);
        model.answers("Salom", ", ", "Aziz!");
        RecordingAnswerListener listener = new RecordingAnswerListener();

        Outcome outcome = service.start(aziz, "gpt-4o-mini", "Salom, men Aziz. Qandaysiz bugun ertalab?", listener);

        assertThat(outcome).isInstanceOf(Started.class);
        assertThat(listener.events()).containsExactly("chat:Salom, men Aziz. Qandaysiz bugun ertalab?", "delta:Salom", "delta:, ",
                "delta:Aziz!", "done:2/1/50");
        ChatView chat = service.chat(aziz, listener.chatId()).orElseThrow();
        assertThat(chat.messages()).extracting(m -> m.rank() + ":" + m.role() + ":" + m.content() + ":" + m.status())
                .containsExactly("1:user:Salom, men Aziz. Qandaysiz bugun ertalab?:complete", "2:assistant:Salom, Aziz!:complete");
    }

    @Test
    void givenAChat_whenSendingAgain_thenTheWholeChatGoesToTheModelInOrder() {
        long aziz = user("aziz", true);
        long chatId = newChat(aziz, "Birinchi savol", "Birinchi javob");
        model.answers("Ikkinchi javob");

        service.send(aziz, chatId, "Ikkinchi savol", null, new RecordingAnswerListener());

        ChatModelPort.Prompt second = model.prompts().get(1);
        assertThat(second.model()).isEqualTo("gpt-4o-mini");
        assertThat(second.turns()).containsExactly(
                new ChatModelPort.Turn(Role.USER, "Birinchi savol"),
                new ChatModelPort.Turn(Role.ASSISTANT, "Birinchi javob"),
                new ChatModelPort.Turn(Role.USER, "Ikkinchi savol"));
    }

    @Test
    void givenAChat_whenSwitchingModelMidChat_thenTheNewModelAnswersAndIsRemembered() {
        long aziz = user("aziz", true);
        long chatId = newChat(aziz, "Savol", "Javob");
        model.answers("Boshqa model");

        service.send(aziz, chatId, "Yana", "gpt-4o", new RecordingAnswerListener());

        assertThat(model.prompts().get(1).model()).isEqualTo("gpt-4o");
        assertThat(service.chat(aziz, chatId).orElseThrow().model()).isEqualTo("gpt-4o");
    }

    @Test
    void givenAnUpstreamFailureMidAnswer_thenTheUserMessageStaysThePartialAnswerIsKeptAsAVersionAndRetryDoesNotRepeatTheQuestion() {
        long aziz = user("aziz", true);
        long chatId = newChat(aziz, "Savol", "Javob");
        model.failsAfter(ChatModelPort.FailureKind.INTERRUPTED, "Yarim ");
        RecordingAnswerListener failing = new RecordingAnswerListener();

        service.send(aziz, chatId, "Ikkinchi savol", null, failing);

        assertThat(failing.events()).containsExactly("delta:Yarim ", "failed:answer_interrupted");
        assertThat(service.chat(aziz, chatId).orElseThrow().messages()).extracting(m -> m.content() + ":" + m.status())
                .containsExactly("Savol:complete", "Javob:complete", "Ikkinchi savol:complete", "Yarim :interrupted");

        model.answers("Toʻliq javob");
        RecordingAnswerListener retry = new RecordingAnswerListener();
        assertThat(service.regenerate(aziz, chatId, retry)).isInstanceOf(Started.class);

        assertThat(model.prompts().get(2).turns()).extracting(ChatModelPort.Turn::content).containsExactly("Savol", "Javob", "Ikkinchi savol");
        ChatView chat = service.chat(aziz, chatId).orElseThrow();
        assertThat(chat.messages()).extracting(m -> m.content() + ":" + m.status())
                .containsExactly("Savol:complete", "Javob:complete", "Ikkinchi savol:complete", "Toʻliq javob:complete");
        assertThat(chat.used()).as("the regenerated answer counts like a message").isEqualTo(3);
        assertThat(chat.messages().get(3).versions()).as("the partial answer is kept as the first version").hasSize(2)
                .endsWith(chat.messages().get(3).rank());
    }

    @Test
    void givenAFailureBeforeAnyText_thenOnlyTheUserMessageIsStored() {
        long aziz = user("aziz", true);
        model.failsAfter(ChatModelPort.FailureKind.RATE_LIMITED);
        RecordingAnswerListener listener = new RecordingAnswerListener();

        service.start(aziz, "gpt-4o-mini", "Salom", listener);

        assertThat(listener.events()).containsExactly("chat:Salom", "failed:model_rate_limited");
        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().messages()).extracting(m -> m.content()).containsExactly("Salom");
    }

    @Test
    void givenAStop_thenWhatArrivedIsKeptAsInterrupted() {
        long aziz = user("aziz", true);
        model.holds("Bir ", "ikki ");
        RecordingAnswerListener listener = new RecordingAnswerListener();

        Started started = (Started) service.start(aziz, "gpt-4o-mini", "Sanang", listener);
        started.stop().run();

        assertThat(model.cancelled()).isTrue();
        assertThat(service.chat(aziz, listener.chatId()).orElseThrow().messages()).extracting(m -> m.content() + ":" + m.status())
                .containsExactly("Sanang:complete", "Bir ikki :interrupted");
    }

    @Test
    void givenAChatAtItsLimit_thenItIsReadOnlyAndRefusesMore() {
        long aziz = user("aziz", true);
        limits.defaultLimit(2);
        long chatId = newChat(aziz, "Bir", "1");
        model.answers("2");
        RecordingAnswerListener second = new RecordingAnswerListener();
        service.send(aziz, chatId, "Ikki", null, second);

        assertThat(second.done().readOnly()).isTrue();
        assertThat(service.send(aziz, chatId, "Uch", null, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.LIMIT_REACHED));
        assertThat(service.chat(aziz, chatId).orElseThrow().readOnly()).isTrue();
        assertThat(service.chat(aziz, chatId).orElseThrow().messages()).hasSize(4);
    }

    @Test
    void givenAPerUserLimit_thenNewChatsUseIt() {
        long aziz = user("aziz", true);
        limits.defaultLimit(10).userLimit(aziz, 3);

        long chatId = newChat(aziz, "Salom", "Va alaykum");

        assertThat(service.chat(aziz, chatId).orElseThrow().limit()).isEqualTo(3);
    }

    @Test
    void givenSomeoneElsesChat_thenItIsNotFound() {
        long owner = user("owner", true);
        long other = user("other", true);
        long chatId = newChat(owner, "Maxfiy", "Ha");

        assertThat(service.chat(other, chatId)).isEmpty();
        assertThat(service.send(other, chatId, "Men ham", null, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.NOT_FOUND));
        assertThat(service.rename(other, chatId, "Mine")).isFalse();
        assertThat(service.delete(other, chatId)).isFalse();
        assertThat(service.chats(other)).isEmpty();
    }

    @Test
    void givenUnverifiedOrBlockedUsersOrBadInput_thenRefusedAndNothingStored() {
        long unverified = user("newbie", false);
        long blocked = user("blocked", true);
        users.save(users.findById(blocked).orElseThrow().block("spam"));
        long fine = user("fine", true);

        assertThat(service.start(unverified, "gpt-4o-mini", "Salom", new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.EMAIL_NOT_VERIFIED));
        assertThat(service.start(blocked, "gpt-4o-mini", "Salom", new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.BLOCKED));
        assertThat(service.start(fine, "gpt-4o-mini", "   ", new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.INVALID_CONTENT));
        assertThat(service.start(fine, "not-a-model", "Salom", new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.UNKNOWN_MODEL));
        assertThat(service.chats(unverified)).isEmpty();
        assertThat(service.chats(fine)).isEmpty();
    }

    @Test
    void givenNoApiKey_thenTheScreenIsToldAndSendingIsRefused() {
        ScriptedChatModel unconfigured = new ScriptedChatModel().notConfigured();
        ChatUseCases withoutKey = new ChatUseCases(chats, users, unconfigured, limits, clock, List.of("gpt-4o-mini"), new uz.suhbat.application.service.knowledge.KnowledgeGrounding(library), quotas);
        long aziz = user("aziz", true);

        assertThat(withoutKey.answeringAvailable()).isFalse();
        assertThat(withoutKey.start(aziz, "gpt-4o-mini", "Salom", new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.MODEL_NOT_CONFIGURED));
    }

    @Test
    void givenAChatThatOutgrowsTheContextWindow_thenItIsClosedInsteadOfDroppingOldMessages() {
        long aziz = user("aziz", true);
        long chatId = newChat(aziz, "Boshlanish", "Ok");
        String long30k = "soʻz ".repeat(6_000);
        Outcome outcome = null;
        int sent = 0;
        while (sent < 20) {
            model.answers("Ok");
            outcome = service.send(aziz, chatId, long30k, null, new RecordingAnswerListener());
            if (outcome instanceof Refused) {
                break;
            }
            sent++;
        }

        assertThat(outcome).isEqualTo(new Refused(Refusal.CHAT_CLOSED));
        assertThat(sent).as("128k tokens hold about 12 such messages").isBetween(10, 13);
        ChatView chat = service.chat(aziz, chatId).orElseThrow();
        assertThat(chat.readOnly()).isTrue();
        assertThat(chat.closedReason()).isEqualTo("context_full");
        assertThat(chat.messages()).as("no old message was dropped").hasSize(2 + 2 * sent);
        assertThat(model.prompts().get(sent).turns()).as("the last answered request carried the whole chat").hasSize(1 + 2 * sent);
    }

    @Test
    void renameAndDeleteOwnChats() {
        long aziz = user("aziz", true);
        long chatId = newChat(aziz, "Eski nom", "Javob");

        assertThat(service.rename(aziz, chatId, "  Yangi   nom ")).isTrue();
        assertThat(service.chats(aziz)).singleElement().matches(c -> c.title().equals("Yangi nom"));
        assertThat(service.rename(aziz, chatId, "   ")).isFalse();
        assertThat(service.delete(aziz, chatId)).isTrue();
        assertThat(service.chats(aziz)).isEmpty();
    }

    // ---- daily quota

    @Test
    void givenNoQuota_thenNothingIsCountedAndAnswersSayNothingAboutIt() {
        long aziz = user("aziz", true);
        model.answers("Javob");
        RecordingAnswerListener listener = new RecordingAnswerListener();

        service.start(aziz, "gpt-4o-mini", "Savol", listener);

        assertThat(listener.done().today()).isEmpty();
        assertThat(service.allowance(aziz)).isEmpty();
    }

    @Test
    void givenADailyQuota_thenMessagesInAllChatsCountAndTheOneOverItIsRefusedAndNotStored() {
        long aziz = user("aziz", true);
        quotas.saveDefaultDailyQuota(new DailyQuota(3));
        long first = newChat(aziz, "Bir", "1");
        model.answers("2");
        RecordingAnswerListener second = new RecordingAnswerListener();
        service.send(aziz, first, "Ikki", null, second);
        model.answers("3");
        RecordingAnswerListener third = new RecordingAnswerListener();
        service.start(aziz, "gpt-4o-mini", "Uch", third);

        Outcome fourth = service.send(aziz, first, "Toʻrt", null, new RecordingAnswerListener());
        Outcome fifth = service.start(aziz, "gpt-4o-mini", "Besh", new RecordingAnswerListener());

        assertThat(second.events()).last().isEqualTo("done:4/2/50 today:2/3/few-left");
        assertThat(third.events()).last().isEqualTo("done:2/1/50 today:3/3/few-left");
        assertThat(fourth).isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));
        assertThat(fifth).isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));
        assertThat(service.chat(aziz, first).orElseThrow().messages()).hasSize(4);
        assertThat(service.chats(aziz)).hasSize(2);
        assertThat(service.allowance(aziz)).get().satisfies(a -> {
            assertThat(a.left()).isZero();
            assertThat(a.resetsAt()).isEqualTo(java.time.Instant.parse("2026-11-27T00:00:00Z"));
        });
    }

    @Test
    void givenAUsedUpQuota_whenTheNextUtcDayBegins_thenTheUserMayWriteAgain() {
        long aziz = user("aziz", true);
        quotas.saveDefaultDailyQuota(new DailyQuota(1));
        long chatId = newChat(aziz, "Bir", "1");
        assertThat(service.send(aziz, chatId, "Ikki", null, new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));

        clock.advance(java.time.Duration.ofHours(16)); // 2026-11-27T00:00Z
        model.answers("2");
        RecordingAnswerListener nextDay = new RecordingAnswerListener();

        assertThat(service.send(aziz, chatId, "Ikki", null, nextDay)).isInstanceOf(Started.class);
        assertThat(nextDay.events()).last().isEqualTo("done:4/2/50 today:1/1/few-left");
    }

    @Test
    void aUsersOwnQuotaComesBeforeTheDefault_andOnlyThatUserIsLimited() {
        long aziz = user("aziz", true);
        long bobur = user("bobur", true);
        quotas.saveDefaultDailyQuota(new DailyQuota(100));
        quotas.saveUserDailyQuota(aziz, new DailyQuota(1));
        newChat(aziz, "Bir", "1");

        assertThat(service.start(aziz, "gpt-4o-mini", "Ikki", new RecordingAnswerListener()))
                .isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));
        model.answers("1");
        RecordingAnswerListener other = new RecordingAnswerListener();
        assertThat(service.start(bobur, "gpt-4o-mini", "Bir", other)).isInstanceOf(Started.class);
        assertThat(other.events()).last().isEqualTo("done:2/1/50 today:1/100");
    }

    @Test
    void aMessageRefusedByTheChatLimitDoesNotUseTheQuota_butARegeneratedAnswerDoes() {
        long aziz = user("aziz", true);
        quotas.saveDefaultDailyQuota(new DailyQuota(10));
        limits.defaultLimit(1);
        long chatId = newChat(aziz, "Bir", "1");

        assertThat(service.send(aziz, chatId, "Ikki", null, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.LIMIT_REACHED));
        limits.defaultLimit(2);
        model.failsAfter(ChatModelPort.FailureKind.INTERRUPTED, "Yarim ");
        long other = newChatFailing(aziz);
        model.answers("Toʻliq");
        assertThat(service.regenerate(aziz, other, new RecordingAnswerListener())).isInstanceOf(Started.class);

        assertThat(service.allowance(aziz)).get().extracting(a -> a.used()).isEqualTo(3);
        assertThat(service.chat(aziz, other).orElseThrow().used()).isEqualTo(2);
    }

    @Test
    void aRegenerateIsRefusedAtTheChatLimitAndWithTheQuotaUsedUp_beforeTheModelIsAsked() {
        long aziz = user("aziz", true);
        limits.defaultLimit(1);
        model.failsAfter(ChatModelPort.FailureKind.INTERRUPTED, "Yarim ");
        long atLimit = newChatFailing(aziz);
        int asked = model.prompts().size();

        assertThat(service.regenerate(aziz, atLimit, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.LIMIT_REACHED));

        limits.defaultLimit(50);
        quotas.saveDefaultDailyQuota(new DailyQuota(2));
        model.failsAfter(ChatModelPort.FailureKind.INTERRUPTED, "Yarim ");
        long open = newChatFailing(aziz); // quota 1 of 2
        model.failsAfter(ChatModelPort.FailureKind.INTERRUPTED, "Yana yarim ");
        assertThat(service.regenerate(aziz, open, new RecordingAnswerListener())).isInstanceOf(Started.class); // 2 of 2
        int before = model.prompts().size();
        assertThat(service.regenerate(aziz, open, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.DAILY_QUOTA_REACHED));
        assertThat(model.prompts()).as("the model is not asked").hasSize(before);
        assertThat(asked).isLessThan(before);
        assertThat(service.guard.held(open)).as("a refused regenerate holds nothing").isFalse();
    }

    @Test
    void oneAnswerPerChatAtATime_sendAndRegenerateWaitUntilItEndsOrIsStopped() {
        long aziz = user("aziz", true);
        ScriptedChatModel.Held held = model.holds("Yozyapman");
        RecordingAnswerListener first = new RecordingAnswerListener();
        service.start(aziz, "gpt-4o-mini", "Bir", first);
        long chatId = first.chatId();
        int asked = model.prompts().size();

        assertThat(service.send(aziz, chatId, "Ikki", null, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.ANSWER_IN_PROGRESS));
        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.ANSWER_IN_PROGRESS));
        assertThat(model.prompts()).hasSize(asked);
        assertThat(service.chat(aziz, chatId).orElseThrow().messages()).as("nothing stored for the refused ones").hasSize(1);

        held.complete();
        model.holds("Yana");
        Outcome second = service.send(aziz, chatId, "Ikki", null, new RecordingAnswerListener());
        assertThat(second).isInstanceOf(Started.class);
        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).isEqualTo(new Refused(Refusal.ANSWER_IN_PROGRESS));

        ((Started) second).stop().run();
        assertThat(service.guard.held(chatId)).as("Stop ends the claim").isFalse();
        model.answers("Toʻliq");
        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).isInstanceOf(Started.class);
        assertThat(service.guard.held(chatId)).isFalse();
    }

    private long newChatFailing(long userId) {
        RecordingAnswerListener listener = new RecordingAnswerListener();
        assertThat(service.start(userId, "gpt-4o-mini", "Savol", listener)).isInstanceOf(Started.class);
        assertThat(listener.events()).last().isEqualTo("failed:answer_interrupted");
        return listener.chatId();
    }

    private List<String> stored(long userId, long chatId) {
        return service.chat(userId, chatId).orElseThrow().messages().stream().map(m -> m.rank() + ":" + m.content() + ":" + m.status()).toList();
    }

    @Test
    void aStreamingAnswerIsSavedInBatchesAsInterruptedAndCompletedInTheSameRow() {
        long aziz = user("aziz", true);
        ScriptedChatModel.Held held = model.holds("Bir ");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        service.start(aziz, "gpt-4o-mini", "Sanang", listener);
        long chatId = listener.chatId();
        assertThat(stored(aziz, chatId)).as("not saved at every piece").containsExactly("1:Sanang:complete");

        clock.advance(Answer.SAVE_EVERY);
        held.send("ikki ");
        assertThat(stored(aziz, chatId)).as("a second on: the text so far").containsExactly("1:Sanang:complete", "2:Bir ikki :interrupted");
        held.send("uch ");
        assertThat(stored(aziz, chatId)).as("within the second: not yet").containsExactly("1:Sanang:complete", "2:Bir ikki :interrupted");

        String many = "x".repeat(100);
        for (char c : many.toCharArray()) {
            held.send(String.valueOf(c));
        }
        assertThat(stored(aziz, chatId)).as("no save per piece, however fast they come")
                .containsExactly("1:Sanang:complete", "2:Bir ikki :interrupted");
        clock.advance(AnswerClaim.ROUND);
        service.answerStarter.keepClaimsAlive();
        assertThat(stored(aziz, chatId)).as("a round a second after the row: its text is not due yet")
                .containsExactly("1:Sanang:complete", "2:Bir ikki :interrupted");
        clock.advance(Answer.SAVE_TEXT_EVERY.minus(AnswerClaim.ROUND));
        service.answerStarter.keepClaimsAlive();
        assertThat(stored(aziz, chatId)).as("the node's round saves the text of its answers, each every few seconds")
                .containsExactly("1:Sanang:complete", "2:Bir ikki uch " + many + ":interrupted");

        held.send(" tamom");
        assertThat(stored(aziz, chatId)).as("the model pauses").containsExactly("1:Sanang:complete", "2:Bir ikki uch " + many + ":interrupted");
        clock.advance(Answer.SAVE_TEXT_EVERY);
        service.answerStarter.keepClaimsAlive();
        assertThat(stored(aziz, chatId)).as("the node's round saves what waited")
                .containsExactly("1:Sanang:complete", "2:Bir ikki uch " + many + " tamom:interrupted");
        held.complete();
        assertThat(stored(aziz, chatId)).as("the end completes the same row")
                .containsExactly("1:Sanang:complete", "2:Bir ikki uch " + many + " tamom:complete");
        assertThat(listener.events()).last().isEqualTo("done:2/1/50");
    }

    @Test
    void anAnswerWhoseNodeDiedKeepsItsSavedWordsAndIsRegeneratedOnceItsClaimIsNoLongerKeptAlive() {
        long aziz = user("aziz", true);
        ScriptedChatModel.Held held = model.holds("Yarim ");
        RecordingAnswerListener listener = new RecordingAnswerListener();
        service.start(aziz, "gpt-4o-mini", "Savol", listener);
        long chatId = listener.chatId();
        clock.advance(Answer.SAVE_EVERY);
        held.send("javob");
        // the node keeps its running answers' claims alive while it lives...
        // (longer than a claim's expiry)
        for (int i = 0; i < AnswerClaim.EXPIRY.dividedBy(AnswerClaim.KEEP_ALIVE) + 5; i++) {
            clock.advance(AnswerClaim.KEEP_ALIVE);
            assertThat(service.answerStarter.keepClaimsAlive()).isEqualTo(1);
        }
        assertThat(service.regenerate(aziz, chatId, new RecordingAnswerListener())).as("a live answer is not taken over")
                .isEqualTo(new Refused(Refusal.ANSWER_IN_PROGRESS));

        // ...then it dies (kill -9): nothing completes the answer, nothing keeps its claim alive
        clock.advance(AnswerClaim.EXPIRY.plusSeconds(1));
        assertThat(stored(aziz, chatId)).containsExactly("1:Savol:complete", "2:Yarim javob:interrupted");
        model.answers("Toʻliq ", "javob");
        RecordingAnswerListener again = new RecordingAnswerListener();
        assertThat(service.regenerate(aziz, chatId, again)).as("another node carries on").isInstanceOf(Started.class);
        assertThat(stored(aziz, chatId)).as("the new answer is shown; the saved words stay as its earlier version")
                .containsExactly("1:Savol:complete", "3:Toʻliq javob:complete");
        assertThat(service.versions.choose(aziz, chatId, 2)).isEqualTo(uz.suhbat.application.port.in.chat.MessageVersionsUseCase.Result.DONE);
        assertThat(stored(aziz, chatId)).containsExactly("1:Savol:complete", "2:Yarim javob:interrupted");
        assertThat(service.chat(aziz, chatId).orElseThrow().messages().get(1).versions()).containsExactly(2, 3);
    }
}
