package uz.suhbat.application.port.out.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.limit.MessageLimit;

/** What every {@link ChatRepository} must do; subclasses give an empty repository and two existing user ids. */
public abstract class ChatRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-11-26T08:00:00.100Z");

    protected abstract ChatRepository emptyRepository();

    protected abstract long userId(int which);

    /** A chat with its first message ("first"), as every chat begins. */
    protected static long chat(ChatRepository chats, long userId, String title, String model, int limit, Instant at) {
        return chats.createWithFirstMessage(userId, title, model, new MessageLimit(limit), "first", at).chat().id();
    }

    @Test
    void storesMessagesInRankOrderAndCountsUserMessages() {
        ChatRepository chats = emptyRepository();
        ChatRepository.StartedChat started = chats.createWithFirstMessage(userId(1), "Salom", "gpt-4o-mini", new MessageLimit(5), "Salom 👋",
                T0.plusSeconds(1));
        long id = started.chat().id();
        Message first = started.first();
        Message answer = chats.appendAssistantMessage(id, "Va alaykum", MessageStatus.COMPLETE, "gpt-4o-mini", 12, 3,
                List.of(new Message.Source(12, 4, "4-sahifadagi parcha")), T0.plusSeconds(2));
        chats.appendUserMessage(id, "Yana", "gpt-4o", T0.plusSeconds(3));

        assertThat(first.rank()).isEqualTo(1);
        assertThat(answer.rank()).isEqualTo(2);
        List<Message> messages = chats.messages(id);
        assertThat(messages).extracting(m -> m.rank() + ":" + m.role() + ":" + m.content())
                .containsExactly("1:USER:Salom 👋", "2:ASSISTANT:Va alaykum", "3:USER:Yana");
        assertThat(messages.get(1).inputTokens()).isEqualTo(12);
        assertThat(messages.get(1).outputTokens()).isEqualTo(3);
        assertThat(messages.get(1).sources()).containsExactly(new Message.Source(12, 4, "4-sahifadagi parcha"));
        assertThat(messages.get(1).createdAt()).isEqualTo(T0.plusSeconds(2));
        Chat chat = chats.find(id).orElseThrow();
        assertThat(chat.used()).isEqualTo(2);
        assertThat(chat.updatedAt()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void createsAChatWithItsFirstMessageInOneStep() {
        ChatRepository chats = emptyRepository();

        ChatRepository.StartedChat started = chats.createWithFirstMessage(userId(1), "Birinchi", "gpt-4o-mini", new MessageLimit(3), "Salom", T0);

        assertThat(started.first().rank()).isEqualTo(1);
        assertThat(started.chat().used()).isEqualTo(1);
        assertThat(chats.find(started.chat().id())).contains(started.chat());
        assertThat(chats.messages(started.chat().id())).containsExactly(started.first());
        assertThat(chats.findByUser(userId(1))).hasSize(1);
    }

    @Test
    void refusesUserMessagesAtTheLimitOrWhenClosed() {
        ChatRepository chats = emptyRepository();
        long full = chat(chats, userId(1), "t", "m", 2, T0);
        long closed = chat(chats, userId(1), "t", "m", 9, T0);

        assertThat(chats.appendUserMessage(full, "two", "m", T0)).isPresent();
        assertThat(chats.appendUserMessage(full, "three", "m", T0)).isEmpty();
        chats.close(closed, Chat.ClosedReason.CONTEXT_FULL);
        assertThat(chats.appendUserMessage(closed, "x", "m", T0)).isEmpty();
        assertThat(chats.find(closed).orElseThrow().closedReason()).isEqualTo(Chat.ClosedReason.CONTEXT_FULL);
        assertThat(chats.find(full).orElseThrow().whyNoMessage()).contains(Chat.ClosedReason.LIMIT);
    }

    @Test
    void closesEveryChatOfADeletedModel() {
        ChatRepository chats = emptyRepository();
        long onPdf = chat(chats, userId(1), "a", "pdf-7", 5, T0);
        long other = chat(chats, userId(2), "b", "gpt-4o", 5, T0);

        chats.closeAllWithModel("pdf-7", Chat.ClosedReason.MODEL_DELETED);

        assertThat(chats.find(onPdf).orElseThrow().whyNoMessage()).contains(Chat.ClosedReason.MODEL_DELETED);
        assertThat(chats.find(other).orElseThrow().readOnly()).isFalse();
    }

    @Test
    void ofConcurrentSendsAtLimitMinusOneAtMostOneGetsThrough() throws Exception {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 3, T0);
        chats.appendUserMessage(id, "2", "m", T0);

        int senders = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Optional<Message>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < senders; i++) {
                String content = "race " + i;
                results.add(pool.submit(() -> {
                    go.await();
                    return chats.appendUserMessage(id, content, "m", T0);
                }));
            }
            go.countDown();
            int through = 0;
            for (Future<Optional<Message>> result : results) {
                through += result.get().isPresent() ? 1 : 0;
            }
            assertThat(through).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(chats.find(id).orElseThrow().used()).isEqualTo(3);
        assertThat(chats.messages(id)).hasSize(3);
    }

    @Test
    void listsAUsersChatsNewestFirstAndRenamesAndDeletes() {
        ChatRepository chats = emptyRepository();
        long older = chat(chats, userId(1), "older", "m", 5, T0);
        long newer = chat(chats, userId(1), "newer", "m", 5, T0.plusSeconds(10));
        chat(chats, userId(2), "someone else's", "m", 5, T0);
        chats.appendUserMessage(older, "bump", "m", T0.plusSeconds(20));

        assertThat(chats.findByUser(userId(1))).extracting(Chat::title).containsExactly("older", "newer");

        chats.rename(newer, "renamed");
        chats.changeModel(newer, "gpt-4o");
        assertThat(chats.find(newer).orElseThrow()).matches(c -> c.title().equals("renamed") && c.model().equals("gpt-4o"));

        chats.delete(newer);
        assertThat(chats.find(newer)).isEmpty();
        assertThat(chats.messages(newer)).isEmpty();
    }

    @Test
    void answeringAgainCountsAgainstTheLimitLikeAMessage() {
        ChatRepository chats = emptyRepository();
        long id = chats.createWithFirstMessage(userId(1), "t", "gpt-4o-mini", new uz.suhbat.domain.limit.MessageLimit(2), "bir", T0).chat().id();

        org.assertj.core.api.Assertions.assertThat(chats.countAnswerAgain(id, T0.plusSeconds(1))).isTrue();
        org.assertj.core.api.Assertions.assertThat(chats.find(id).orElseThrow().used()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(chats.countAnswerAgain(id, T0.plusSeconds(2))).as("at the limit").isFalse();
        org.assertj.core.api.Assertions.assertThat(chats.find(id).orElseThrow().used()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(chats.countAnswerAgain(987_654_321L, T0)).isFalse();
    }

    @Test
    void anAnswerStoredEarlyIsBroughtUpToDateInPlaceWithItsSourcesKept() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 5, T0);
        Message early = chats.appendAssistantMessage(id, "Bir", MessageStatus.INTERRUPTED, "m", 0, 0,
                List.of(new Message.Source(7, 3, "parcha")), T0.plusSeconds(1));

        assertThat(chats.updateAssistantMessage(id, early.rank(), "Bir ikki", MessageStatus.INTERRUPTED, 0, 0, T0.plusSeconds(2))).isTrue();
        assertThat(chats.messages(id).getLast()).matches(m -> m.content().equals("Bir ikki") && m.status() == MessageStatus.INTERRUPTED);

        assertThat(chats.updateAssistantMessage(id, early.rank(), "Bir ikki uch", MessageStatus.COMPLETE, 9, 3, T0.plusSeconds(3))).isTrue();
        Message done = chats.messages(id).getLast();
        assertThat(done.rank()).isEqualTo(early.rank());
        assertThat(done.content()).isEqualTo("Bir ikki uch");
        assertThat(done.status()).isEqualTo(MessageStatus.COMPLETE);
        assertThat(done.inputTokens()).isEqualTo(9);
        assertThat(done.outputTokens()).isEqualTo(3);
        assertThat(done.createdAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(done.sources()).containsExactly(new Message.Source(7, 3, "parcha"));
        assertThat(chats.messages(id)).hasSize(2);

        assertThat(chats.updateAssistantMessage(id, 1, "not an answer", MessageStatus.COMPLETE, 0, 0, T0)).as("the user's message").isFalse();
        assertThat(chats.messages(id).getFirst().content()).isEqualTo("first");
        chats.delete(id);
        assertThat(chats.updateAssistantMessage(id, early.rank(), "late", MessageStatus.COMPLETE, 0, 0, T0)).as("deleted meanwhile").isFalse();
    }

    @Test
    void theTextOfSeveralStreamingAnswersIsSavedAtOnce_neverOverAnAnswerThatEndedMeanwhile() {
        ChatRepository chats = emptyRepository();
        long a = chat(chats, userId(1), "a", "m", 5, T0);
        long b = chat(chats, userId(1), "b", "m", 5, T0);
        long c = chat(chats, userId(1), "c", "m", 5, T0);
        int ra = chats.appendAssistantMessage(a, "Bir", MessageStatus.INTERRUPTED, "m", 0, 0, List.of(), T0).rank();
        int rb = chats.appendAssistantMessage(b, "Bir", MessageStatus.INTERRUPTED, "m", 0, 0, List.of(), T0).rank();
        int rc = chats.appendAssistantMessage(c, "Bir", MessageStatus.INTERRUPTED, "m", 0, 0, List.of(), T0).rank();
        // c ended before the batch came: complete, and stopped answers keep their (longer) last text
        chats.updateAssistantMessage(c, rc, "Bir ikki uch", MessageStatus.COMPLETE, 4, 5, T0.plusSeconds(2));

        chats.saveAnswersSoFar(List.of(new ChatRepository.AnswerSoFar(a, ra, "Bir ikki", T0.plusSeconds(1)),
                new ChatRepository.AnswerSoFar(b, rb, "Bir uch", T0.plusSeconds(1)),
                new ChatRepository.AnswerSoFar(c, rc, "Bir ikki", T0.plusSeconds(1)),
                new ChatRepository.AnswerSoFar(a, 1, "not an answer", T0.plusSeconds(1))));

        assertThat(chats.messages(a)).extracting(m -> m.content() + ":" + m.status())
                .containsExactly("first:COMPLETE", "Bir ikki:INTERRUPTED");
        assertThat(chats.messages(b).getLast()).matches(m -> m.content().equals("Bir uch") && m.status() == MessageStatus.INTERRUPTED);
        assertThat(chats.messages(c).getLast()).as("ended meanwhile").matches(m -> m.content().equals("Bir ikki uch") && m.status() == MessageStatus.COMPLETE);

        chats.saveAnswersSoFar(List.of(new ChatRepository.AnswerSoFar(a, ra, "Bir", T0.plusSeconds(3))));
        assertThat(chats.messages(a).getLast().content()).as("a batch late behind a longer save").isEqualTo("Bir ikki");
        chats.saveAnswersSoFar(List.of());
    }

    private static List<String> contents(List<Message> messages) {
        return messages.stream().map(Message::content).toList();
    }

    @Test
    void anAnswerGivenAgainIsAVersion_andChoosingAVersionMovesTheActiveBranch() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 9, T0);
        Message first = chats.appendAssistantMessage(id, 1, "A first", MessageStatus.INTERRUPTED, "m", 0, 0, List.of(), T0.plusSeconds(1));
        Message second = chats.appendAssistantMessage(id, 1, "A second", MessageStatus.COMPLETE, "m", 5, 6,
                List.of(new Message.Source(3, 2, "parcha")), T0.plusSeconds(2));

        assertThat(contents(chats.messages(id))).containsExactly("first", "A second");
        List<uz.suhbat.domain.chat.MessageNode> tree = chats.tree(id);
        assertThat(tree).extracting(n -> n.rank() + "<" + n.parentRank() + (n.chosen() ? "*" : ""))
                .containsExactly("1<0*", "2<1", "3<1*");
        assertThat(tree.get(2).message().sources()).containsExactly(new Message.Source(3, 2, "parcha"));
        assertThat(tree.get(1).message().status()).isEqualTo(MessageStatus.INTERRUPTED);

        assertThat(chats.choose(id, first.rank())).isTrue();
        assertThat(contents(chats.messages(id))).containsExactly("first", "A first");
        assertThat(chats.choose(id, 99)).as("no such message").isFalse();
        assertThat(contents(chats.messages(id))).containsExactly("first", "A first");
        assertThat(chats.choose(id, second.rank())).isTrue();
        assertThat(contents(chats.messages(id))).containsExactly("first", "A second");
    }

    @Test
    void anEditedQuestionStartsANewBranch_andTheOldBranchIsKeptWhole() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 9, T0);
        chats.appendAssistantMessage(id, "A1", MessageStatus.COMPLETE, "m", 0, 0, List.of(), T0.plusSeconds(1));
        Message oldQuestion = chats.appendUserMessage(id, "Q2 old", "m", T0.plusSeconds(2)).orElseThrow();
        chats.appendAssistantMessage(id, "A2 old", MessageStatus.COMPLETE, "m", 0, 0, List.of(), T0.plusSeconds(3));

        Message edited = chats.appendUserMessage(id, oldQuestion.rank() - 1, "Q2 new", "m", T0.plusSeconds(4)).orElseThrow();
        chats.appendAssistantMessage(id, edited.rank(), "A2 new", MessageStatus.COMPLETE, "m", 0, 0, List.of(), T0.plusSeconds(5));

        assertThat(contents(chats.messages(id))).containsExactly("first", "A1", "Q2 new", "A2 new");
        assertThat(chats.find(id).orElseThrow().used()).as("the edited question counts like a message").isEqualTo(3);
        chats.choose(id, oldQuestion.rank());
        assertThat(contents(chats.messages(id))).containsExactly("first", "A1", "Q2 old", "A2 old");
        Message editedFirst = chats.appendUserMessage(id, 0, "first, edited", "m", T0.plusSeconds(6)).orElseThrow();
        assertThat(contents(chats.messages(id))).containsExactly("first, edited");
        assertThat(chats.tree(id)).hasSize(7);
        chats.choose(id, 1);
        assertThat(contents(chats.messages(id))).as("each branch keeps its own versions below")
                .containsExactly("first", "A1", "Q2 old", "A2 old");
        assertThat(editedFirst.rank()).isEqualTo(7);
    }

    @Test
    void onlyAQuestionLeftUnansweredAtTheEndIsRemoved_andTheEarlierVersionIsShownAgain() {
        ChatRepository chats = emptyRepository();
        long id = chat(chats, userId(1), "t", "m", 9, T0);
        chats.appendAssistantMessage(id, "A1", MessageStatus.COMPLETE, "m", 0, 0, List.of(), T0.plusSeconds(1));
        Message question = chats.appendUserMessage(id, "Q2", "m", T0.plusSeconds(2)).orElseThrow();
        chats.appendAssistantMessage(id, "A2", MessageStatus.COMPLETE, "m", 0, 0, List.of(), T0.plusSeconds(3));
        Message failedEdit = chats.appendUserMessage(id, question.rank() - 1, "Q2 edited, failed", "m", T0.plusSeconds(4)).orElseThrow();

        assertThat(chats.removeUnanswered(id, 1)).as("answered").isFalse();
        assertThat(chats.removeUnanswered(id, question.rank())).as("answered, off the branch").isFalse();
        assertThat(chats.removeUnanswered(id, failedEdit.rank())).isTrue();

        assertThat(contents(chats.messages(id))).containsExactly("first", "A1", "Q2", "A2");
        assertThat(chats.tree(id)).hasSize(4);
        assertThat(chats.find(id).orElseThrow().used()).as("what was counted stays counted").isEqualTo(3);
        Message failed = chats.appendUserMessage(id, "Q3, failed", "m", T0.plusSeconds(5)).orElseThrow();
        assertThat(chats.removeUnanswered(id, failed.rank())).isTrue();
        assertThat(contents(chats.messages(id))).containsExactly("first", "A1", "Q2", "A2");
    }
}
