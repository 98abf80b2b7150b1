package uz.suhbat.application.service.conversation;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.ChatQuery.ChatSummary;
import uz.suhbat.application.port.in.conversation.OrganizeChatsUseCase;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository.Shelf;
import uz.suhbat.domain.chat.Chat;

/** Pinning and archiving one's own chats. */
public final class OrganizeChatsService implements OrganizeChatsUseCase {

    private final ChatRepository chats;
    private final ChatShelfRepository shelf;
    private final Clock clock;

    public OrganizeChatsService(ChatRepository chats, ChatShelfRepository shelf, Clock clock) {
        this.chats = chats;
        this.shelf = shelf;
        this.clock = clock;
    }

    @Override
    public boolean pin(long userId, long chatId, boolean pinned) {
        Optional<Chat> chat = Owned.chat(chats, userId, chatId);
        chat.ifPresent(c -> shelf.pin(c.id(), pinned ? clock.instant() : null));
        return chat.isPresent();
    }

    @Override
    public boolean archive(long userId, long chatId, boolean archived) {
        Optional<Chat> chat = Owned.chat(chats, userId, chatId);
        chat.ifPresent(c -> {
            if (archived) {
                shelf.pin(c.id(), null);
            }
            shelf.archive(c.id(), archived ? clock.instant() : null);
        });
        return chat.isPresent();
    }

    @Override
    public List<ChatSummary> archived(long userId) {
        Map<Long, Shelf> shelves = shelf.shelves(userId);
        return chats.findByUser(userId).stream()
                .filter(c -> shelves.containsKey(c.id()) && shelves.get(c.id()).archived())
                .sorted(Comparator.comparing((Chat c) -> shelves.get(c.id()).archivedAt()).reversed())
                .map(c -> new ChatSummary(c.id(), c.title(), c.model(), c.createdAt(), c.updatedAt(), c.used(), c.limit().value(),
                        c.readOnly(), false, false))
                .toList();
    }
}
