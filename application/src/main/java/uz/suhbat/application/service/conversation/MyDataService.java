package uz.suhbat.application.service.conversation;

import java.util.List;
import java.util.Map;
import uz.suhbat.application.port.in.conversation.MyDataQuery;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.domain.chat.Role;

/** "Download my data": every chat of the user (archived ones too), with every message. */
public final class MyDataService implements MyDataQuery {

    private final ChatRepository chats;
    private final ChatShelfRepository shelf;

    public MyDataService(ChatRepository chats, ChatShelfRepository shelf) {
        this.chats = chats;
        this.shelf = shelf;
    }

    @Override
    public List<ExportedChat> chats(long userId) {
        Map<Long, ChatShelfRepository.Shelf> shelves = shelf.shelves(userId);
        return chats.findByUser(userId).stream().map(c -> {
            ChatShelfRepository.Shelf s = shelves.get(c.id());
            List<ExportedMessage> messages = chats.messages(c.id()).stream()
                    .map(m -> new ExportedMessage(m.rank(), m.role().wireName(), m.content(), m.createdAt(), m.status().wireName(),
                            m.role() == Role.ASSISTANT ? m.model() : null))
                    .toList();
            return new ExportedChat(c.id(), c.title(), c.model(), c.createdAt(), c.updatedAt(), s != null && s.pinned(),
                    s != null && s.archived(), messages);
        }).toList();
    }
}
