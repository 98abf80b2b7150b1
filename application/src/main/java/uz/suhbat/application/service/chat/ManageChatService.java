package uz.suhbat.application.service.chat;

import java.util.Optional;
import uz.suhbat.application.port.in.chat.ManageChatUseCase;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.ChatTitle;

/** Renaming and deleting one's own chats. */
public final class ManageChatService implements ManageChatUseCase {

    private final ChatRepository chats;
    private final ChatShelfRepository shelf;

    /** @param shelf renames go through it, so that a model's title written later never replaces the user's */
    public ManageChatService(ChatRepository chats, ChatShelfRepository shelf) {
        this.chats = chats;
        this.shelf = shelf;
    }

    @Override
    public boolean rename(long userId, long chatId, String title) {
        String cleaned = ChatTitle.clean(title);
        Optional<Chat> chat = chats.find(chatId).filter(c -> c.ownedBy(userId));
        if (chat.isEmpty() || cleaned == null) {
            return false;
        }
        shelf.renameByUser(chatId, cleaned);
        return true;
    }

    @Override
    public boolean delete(long userId, long chatId) {
        Optional<Chat> chat = chats.find(chatId).filter(c -> c.ownedBy(userId));
        chat.ifPresent(c -> chats.delete(c.id()));
        return chat.isPresent();
    }
}
