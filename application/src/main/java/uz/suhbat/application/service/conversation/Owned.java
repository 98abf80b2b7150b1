package uz.suhbat.application.service.conversation;

import java.util.Optional;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.Chat;

/** A chat only for its owner: anyone else finds nothing, as if it did not exist. */
final class Owned {

    private Owned() {
    }

    static Optional<Chat> chat(ChatRepository chats, long userId, long chatId) {
        return chats.find(chatId).filter(c -> c.ownedBy(userId));
    }
}
