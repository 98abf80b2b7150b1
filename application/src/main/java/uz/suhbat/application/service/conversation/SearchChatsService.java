package uz.suhbat.application.service.conversation;

import java.util.List;
import java.util.Map;
import uz.suhbat.application.port.in.conversation.SearchChatsQuery;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository;
import uz.suhbat.application.port.out.conversation.ChatSearchRepository.Found;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.domain.chat.SearchTerm;

/** A user's search of their own chats: one hit per chat, with the first matching message around the match. */
public final class SearchChatsService implements SearchChatsQuery {

    /** Characters of context either side of the match in a snippet. */
    static final int CONTEXT = 60;

    private final ChatSearchRepository search;
    private final ChatShelfRepository shelf;

    public SearchChatsService(ChatSearchRepository search, ChatShelfRepository shelf) {
        this.search = search;
        this.shelf = shelf;
    }

    @Override
    public List<Hit> search(long userId, String query) {
        SearchTerm term = SearchTerm.of(query);
        if (term == null) {
            return List.of();
        }
        List<Found> found = search.search(userId, term.normal(), MAX_CHATS, 1);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, ChatShelfRepository.Shelf> shelves = shelf.shelves(userId);
        return found.stream().map(f -> hit(term, f, shelves.containsKey(f.chatId()) && shelves.get(f.chatId()).archived())).toList();
    }

    private static Hit hit(SearchTerm term, Found found, boolean archived) {
        if (found.messages().isEmpty()) {
            SearchTerm.Snippet title = term.snippetOf(found.title(), CONTEXT);
            return new Hit(found.chatId(), found.title(), found.updatedAt(), archived, null, null, title.before(), title.match(),
                    title.after());
        }
        ChatSearchRepository.FoundMessage message = found.messages().get(0);
        SearchTerm.Snippet snippet = term.snippetOf(message.content(), CONTEXT);
        return new Hit(found.chatId(), found.title(), found.updatedAt(), archived, message.rank(), message.role(), snippet.before(),
                snippet.match(), snippet.after());
    }
}
