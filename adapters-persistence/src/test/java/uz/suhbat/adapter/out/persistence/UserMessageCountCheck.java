package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;
import uz.suhbat.domain.report.UserSort;

/**
 * The count of a user's messages (V300) as the admin's users page shows it, through every way the chat repository
 * writes or removes a question: it is the number of questions in the user's chats until a chat is deleted, whose
 * questions stay counted.
 */
final class UserMessageCountCheck {

    private UserMessageCountCheck() {
    }

    static void check(ChatRepository chats, DSLContext db, long user, long other) {
        Instant t0 = Instant.parse("2026-11-30T09:00:00Z");
        MessageLimit limit = new MessageLimit(20);
        long first = chats.createWithFirstMessage(user, "bir", "gpt-4o-mini", limit, "Salom", t0).chat().id();
        long second = chats.createClaimedWithFirstMessage(user, "ikki", "gpt-4o-mini", limit, "Qalay", t0.plusSeconds(1), "owner")
                .started().chat().id();
        chats.createWithFirstMessage(other, "boshqa", "gpt-4o-mini", limit, "Begona", t0);
        assertThat(shown(db, user)).isEqualTo(2).isEqualTo(questionsIn(db, user));

        chats.appendAssistantMessage(first, "Javob", MessageStatus.COMPLETE, "gpt-4o-mini", 10, 5, java.util.List.of(), t0.plusSeconds(2));
        chats.appendUserMessage(first, "Yana savol", "gpt-4o-mini", t0.plusSeconds(3)).orElseThrow();
        chats.appendUserMessage(first, 2, "Tahrirlangan savol", "gpt-4o-mini", t0.plusSeconds(4)).orElseThrow();
        assertThat(shown(db, user)).as("an answer is no question; an edited question is one more").isEqualTo(4)
                .isEqualTo(questionsIn(db, user));

        int unanswered = chats.appendUserMessage(second, "Javobsiz", "gpt-4o-mini", t0.plusSeconds(5)).orElseThrow().rank();
        assertThat(shown(db, user)).isEqualTo(5);
        assertThat(chats.removeUnanswered(second, unanswered)).isTrue();
        assertThat(shown(db, user)).as("a question removed unanswered comes off").isEqualTo(4).isEqualTo(questionsIn(db, user));

        chats.delete(first);
        assertThat(shown(db, user)).as("a deleted chat's questions stay counted").isEqualTo(4);
        assertThat(shown(db, other)).isEqualTo(1);
        assertThat(new JooqUserReport(db).search(new UserSearch("", UserSort.MESSAGES, false, 1, 1)).items())
                .extracting(UserOverview::id).containsExactly(user);
    }

    private static long shown(DSLContext db, long user) {
        return new JooqUserReport(db).search(new UserSearch("", UserSort.MESSAGES, false, 1, 20)).items().stream()
                .filter(u -> u.id() == user).findFirst().orElseThrow().messages();
    }

    private static long questionsIn(DSLContext db, long user) {
        return ((Number) db.fetchValue("select count(*) from chat_history h join chat c on c.id = h.chat_id where c.user_id = ? and h.role = 'user'",
                user)).longValue();
    }
}
