package uz.suhbat.application.service.conversation;

import java.util.List;
import java.util.Map;
import uz.suhbat.application.port.in.conversation.MyDataQuery;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.conversation.ChatShelfRepository;
import uz.suhbat.domain.chat.Role;

/**
 * "Download my data": every chat of the user (archived ones too), with every message of its active branch, and the files
 * attached to its questions with the text read out of them.
 */
public final class MyDataService implements MyDataQuery {

    private final ChatRepository chats;
    private final ChatShelfRepository shelf;
    private final AttachmentRepository attachments;

    public MyDataService(ChatRepository chats, ChatShelfRepository shelf, AttachmentRepository attachments) {
        this.chats = chats;
        this.shelf = shelf;
        this.attachments = attachments;
    }

    @Override
    public List<ExportedChat> chats(long userId) {
        Map<Long, ChatShelfRepository.Shelf> shelves = shelf.shelves(userId);
        return chats.findByUser(userId).stream().map(c -> {
            ChatShelfRepository.Shelf s = shelves.get(c.id());
            Map<Integer, List<ExportedFile>> files = new java.util.HashMap<>();
            for (AttachmentRepository.Stored file : attachments.ofChat(c.id())) {
                files.computeIfAbsent(file.rank(), r -> new java.util.ArrayList<>()).add(new ExportedFile(file.id(), file.name(),
                        file.kind().name().toLowerCase(java.util.Locale.ROOT), file.size(), file.pages(), attachments.pageTexts(file.id())));
            }
            List<ExportedMessage> messages = chats.messages(c.id()).stream()
                    .map(m -> new ExportedMessage(m.rank(), m.role().wireName(), m.content(), m.createdAt(), m.status().wireName(),
                            m.role() == Role.ASSISTANT ? m.model() : null, List.copyOf(files.getOrDefault(m.rank(), List.of()))))
                    .toList();
            return new ExportedChat(c.id(), c.title(), c.model(), c.createdAt(), c.updatedAt(), s != null && s.pinned(),
                    s != null && s.archived(), messages);
        }).toList();
    }
}
