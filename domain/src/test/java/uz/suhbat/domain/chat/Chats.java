package uz.suhbat.domain.chat;

import java.time.Instant;
import uz.suhbat.domain.limit.MessageLimit;

/** Chats for the domain tests: a chat of user 7 on gpt-4o-mini with a limit, a count and a closed reason. */
final class Chats {

    static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");

    private Chats() {
    }

    static Chat chat(int limit, int used, Chat.ClosedReason closedReason) {
        return new Chat(1, 7, "Salom", "gpt-4o-mini", T0, T0, new MessageLimit(limit), used, closedReason);
    }
}
