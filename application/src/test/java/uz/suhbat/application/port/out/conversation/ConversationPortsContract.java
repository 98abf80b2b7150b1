package uz.suhbat.application.port.out.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository.TitleSource;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.SearchTerm;
import uz.suhbat.domain.limit.MessageLimit;

/**
 * What the conversation controls' out-ports must do ({@link ChatShelfRepository}, {@link ChatSearchRepository},
 * {@link ChatShareRepository}, {@link FeedbackRepository}, {@link SharingSettingRepository}); subclasses give them over
 * an empty chat repository, and two existing user ids.
 */
public abstract class ConversationPortsContract {

    protected static final Instant T0 = Instant.parse("2026-11-29T08:00:00.100Z");

    public record Ports(ChatRepository chats, ChatShelfRepository shelf, ChatSearchRepository search, ChatShareRepository shares,
                        FeedbackRepository feedback, SharingSettingRepository sharing) {
    }

    protected abstract Ports emptyPorts();

    protected abstract long userId(int which);

    private static long chatWithAnswer(Ports p, long userId, String question, String answer, String model, Instant at) {
        long id = p.chats().createWithFirstMessage(userId, question, model, new MessageLimit(10), question, at).chat().id();
        p.chats().appendAssistantMessage(id, answer, MessageStatus.COMPLETE, model, 3, 4, List.of(), at.plusSeconds(1));
        return id;
    }

    @Test
    void pinsArchivesAndKeepsTheUsersTitle() {
        Ports p = emptyPorts();
        long a = chatWithAnswer(p, userId(1), "Salom", "Va alaykum", "gpt-4o-mini", T0);
        long b = chatWithAnswer(p, userId(1), "Plov", "Guruch", "gpt-4o-mini", T0.plusSeconds(5));
        long other = chatWithAnswer(p, userId(2), "Begona", "Yo'q", "gpt-4o-mini", T0);

        p.shelf().pin(a, T0.plusSeconds(10));
        p.shelf().archive(b, T0.plusSeconds(11));

        var shelves = p.shelf().shelves(userId(1));
        assertThat(shelves.get(a).pinnedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(shelves.get(a).archived()).isFalse();
        assertThat(shelves.get(b).archivedAt()).isEqualTo(T0.plusSeconds(11));
        assertThat(shelves.get(b).titleSource()).isEqualTo(TitleSource.WORDS);
        assertThat(shelves).doesNotContainKey(other);

        p.shelf().pin(a, null);
        p.shelf().archive(b, null);
        assertThat(p.shelf().shelves(userId(1)).get(a).pinned()).isFalse();
        assertThat(p.shelf().shelves(userId(1)).get(b).archived()).isFalse();
    }

    @Test
    void aModelTitleReplacesTheFirstWordsButNeverTheUsersTitle() {
        Ports p = emptyPorts();
        long a = chatWithAnswer(p, userId(1), "Salom", "Va alaykum", "gpt-4o-mini", T0);
        long b = chatWithAnswer(p, userId(1), "Plov", "Guruch", "gpt-4o-mini", T0);

        assertThat(p.shelf().startModelTitle(a)).isTrue();
        assertThat(p.shelf().startModelTitle(a)).as("already on its way").isFalse();
        assertThat(p.shelf().shelves(userId(1)).get(a).titleSource()).isEqualTo(TitleSource.PENDING);
        assertThat(p.shelf().finishModelTitle(a, "Salomlashish")).isTrue();
        assertThat(p.chats().find(a).orElseThrow().title()).isEqualTo("Salomlashish");
        assertThat(p.shelf().shelves(userId(1)).get(a).titleSource()).isEqualTo(TitleSource.MODEL);

        assertThat(p.shelf().startModelTitle(b)).isTrue();
        p.shelf().renameByUser(b, "Mening oshim");
        assertThat(p.shelf().finishModelTitle(b, "Plov tayyorlash")).as("the user renamed it meanwhile").isFalse();
        assertThat(p.chats().find(b).orElseThrow().title()).isEqualTo("Mening oshim");
        assertThat(p.shelf().startModelTitle(b)).isFalse();

        long c = chatWithAnswer(p, userId(1), "Non", "Tandir", "gpt-4o-mini", T0);
        assertThat(p.shelf().startModelTitle(c)).isTrue();
        p.shelf().abandonModelTitle(c);
        assertThat(p.shelf().shelves(userId(1)).get(c).titleSource()).isEqualTo(TitleSource.WORDS);
        assertThat(p.chats().find(c).orElseThrow().title()).isEqualTo("Non");
    }

    @Test
    void searchFindsTheUsersOwnChatsByTitleAndMessageTextWhateverTheApostrophe() {
        Ports p = emptyPorts();
        long a = chatWithAnswer(p, userId(1), "Tarix savoli", "Oʻzbekiston poytaxti Toshkent", "gpt-4o-mini", T0);
        long b = chatWithAnswer(p, userId(1), "Ozbek oshi haqida", "Guruch va sabzi", "gpt-4o-mini", T0.plusSeconds(5));
        chatWithAnswer(p, userId(2), "O'zbek tili", "Begona o'zbek", "gpt-4o-mini", T0.plusSeconds(9));

        List<ChatSearchRepository.Found> found = p.search().search(userId(1), SearchTerm.normalise("o'zbek"), 10, 3);

        assertThat(found).extracting(ChatSearchRepository.Found::chatId).containsExactly(b, a);
        assertThat(found.get(0).titleMatches()).isTrue();
        assertThat(found.get(0).messages()).extracting(ChatSearchRepository.FoundMessage::rank).as("its first message").containsExactly(1);
        assertThat(found.get(1).titleMatches()).isFalse();
        assertThat(found.get(1).messages()).extracting(ChatSearchRepository.FoundMessage::rank).containsExactly(2);
        assertThat(found.get(1).messages().get(0).content()).isEqualTo("Oʻzbekiston poytaxti Toshkent");
        assertThat(p.search().search(userId(1), SearchTerm.normalise("TOSHKENT"), 10, 3)).extracting(ChatSearchRepository.Found::chatId)
                .containsExactly(a);
        assertThat(p.search().search(userId(1), "sabzi", 1, 3)).hasSize(1);
        assertThat(p.search().search(userId(1), "yoq narsa", 10, 3)).isEmpty();
        p.shelf().renameByUser(a, "Poytaxtlar");
        List<ChatSearchRepository.Found> byTitle = p.search().search(userId(1), "poytaxtlar", 10, 3);
        assertThat(byTitle).extracting(ChatSearchRepository.Found::chatId).containsExactly(a);
        assertThat(byTitle.get(0).titleMatches()).isTrue();
        assertThat(byTitle.get(0).messages()).isEmpty();
    }

    @Test
    void aShareKeepsTheChatAsItWasAndGoesWithRevokeOrTheChat() {
        Ports p = emptyPorts();
        long a = chatWithAnswer(p, userId(1), "Salom", "Va alaykum", "gpt-4o-mini", T0);
        List<ChatShareRepository.SharedMessage> snapshot = List.of(
                new ChatShareRepository.SharedMessage(1, "user", "Salom", T0, List.of(
                        new ChatShareRepository.SharedFile("reja.pdf", "pdf", 3), new ChatShareRepository.SharedFile("rasm.png", "png", 0))),
                new ChatShareRepository.SharedMessage(2, "assistant", "Va alaykum", T0.plusSeconds(1)));

        ChatShareRepository.Share first = p.shares().create(a, "t".repeat(32), "Salom", "gpt-4o-mini", snapshot, T0.plusSeconds(2));
        p.chats().appendUserMessage(a, "Keyingi savol", "gpt-4o-mini", T0.plusSeconds(3));

        assertThat(first.token()).isEqualTo("t".repeat(32));
        ChatShareRepository.SharedChat shared = p.shares().byToken("t".repeat(32)).orElseThrow();
        assertThat(shared.title()).isEqualTo("Salom");
        assertThat(shared.createdAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(shared.messages()).isEqualTo(snapshot);
        assertThat(p.shares().linkOf(a)).contains(first);

        p.shares().create(a, "u".repeat(32), "Salom", "gpt-4o-mini", snapshot, T0.plusSeconds(4));
        assertThat(p.shares().byToken("t".repeat(32))).as("replaced").isEmpty();
        assertThat(p.shares().byToken("u".repeat(32))).isPresent();

        assertThat(p.shares().revoke(a)).isTrue();
        assertThat(p.shares().revoke(a)).isFalse();
        assertThat(p.shares().byToken("u".repeat(32))).isEmpty();
        assertThat(p.shares().linkOf(a)).isEmpty();

        p.shares().create(a, "v".repeat(32), "Salom", "gpt-4o-mini", snapshot, T0.plusSeconds(5));
        p.chats().delete(a);
        assertThat(p.shares().byToken("v".repeat(32))).as("the chat was deleted").isEmpty();
    }

    @Test
    void feedbackIsOnePerAnswerAndCountsPerModel() {
        Ports p = emptyPorts();
        long a = chatWithAnswer(p, userId(1), "Salom", "Va alaykum", "gpt-4o-mini", T0);
        long b = chatWithAnswer(p, userId(2), "Plov", "Guruch", "gpt-4o", T0);
        long c = chatWithAnswer(p, userId(2), "Non", "Tandir", "gpt-4o", T0);

        assertThat(p.feedback().rate(a, 1, 1, null, T0)).as("a question is no answer").isFalse();
        assertThat(p.feedback().rate(a, 2, -1, "juda qisqa", T0)).isTrue();
        assertThat(p.feedback().rate(a, 2, 1, null, T0.plusSeconds(1))).as("changed").isTrue();
        assertThat(p.feedback().rate(b, 2, 1, "zo'r", T0)).isTrue();
        assertThat(p.feedback().rate(c, 2, -1, null, T0)).isTrue();

        assertThat(p.feedback().ofChat(a)).extracting(f -> f.rank() + ":" + f.rating() + ":" + f.comment()).containsExactly("2:1:null");
        assertThat(p.feedback().ofChat(b)).extracting(FeedbackRepository.Feedback::comment).containsExactly("zo'r");
        assertThat(p.feedback().perModel()).containsExactly(new FeedbackRepository.ModelRate("gpt-4o", 1, 1),
                new FeedbackRepository.ModelRate("gpt-4o-mini", 1, 0));

        p.feedback().clear(a, 2);
        assertThat(p.feedback().ofChat(a)).isEmpty();
        p.chats().delete(c);
        assertThat(p.feedback().perModel()).containsExactly(new FeedbackRepository.ModelRate("gpt-4o", 1, 0));
    }

    @Test
    void sharingIsOnUntilAnAdminTurnsItOff() {
        Ports p = emptyPorts();
        assertThat(p.sharing().sharingEnabled()).isTrue();
        p.sharing().setSharingEnabled(false);
        assertThat(p.sharing().sharingEnabled()).isFalse();
        p.sharing().setSharingEnabled(true);
        assertThat(p.sharing().sharingEnabled()).isTrue();
    }
}
