package uz.suhbat.application.service.knowledge;

import java.lang.System.Logger.Level;
import java.util.Optional;
import uz.suhbat.application.port.in.knowledge.CitedPageQuery;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.DocumentPagesPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort.UnreadableDocumentException;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * Serves a cited page, and nothing more of a document: the page must be one that the given answer
 * cites, in a chat the requester may read. The page comes from the stored file of the model the
 * citation names, cut out as a one-page PDF.
 */
public final class CitedPageService implements CitedPageQuery {

    private static final System.Logger log = System.getLogger(CitedPageService.class.getName());
    private static final CitedPage NOT_FOUND = new NotFound();
    private static final CitedPage GONE = new Gone();
    private static final CitedPage NOT_ON_THIS_NODE = new NotOnThisNode();

    private final ChatRepository chats;
    private final KnowledgeModelRepository models;
    private final DocumentFilesPort files;
    private final DocumentPagesPort pages;

    public CitedPageService(ChatRepository chats, KnowledgeModelRepository models, DocumentFilesPort files, DocumentPagesPort pages) {
        this.chats = chats;
        this.models = models;
        this.files = files;
        this.pages = pages;
    }

    @Override
    public CitedPage forUser(long userId, long chatId, int rank, int page) {
        return chats.find(chatId).filter(chat -> chat.ownedBy(userId)).map(chat -> cited(chat, rank, page)).orElse(NOT_FOUND);
    }

    @Override
    public CitedPage forAdmin(long chatId, int rank, int page) {
        return chats.find(chatId).map(chat -> cited(chat, rank, page)).orElse(NOT_FOUND);
    }

    private CitedPage cited(Chat chat, int rank, int page) {
        Optional<Message> answer = chats.messages(chat.id()).stream()
                .filter(m -> m.rank() == rank && m.role() == Role.ASSISTANT)
                .findFirst();
        Optional<Message.Source> source = answer.flatMap(m -> m.sources().stream().filter(s -> s.page() == page).findFirst());
        if (source.isEmpty()) {
            return NOT_FOUND;
        }
        long modelId = source.get().modelId();
        // a model made after the answer cannot be the one it cited, even if it got a freed id
        Optional<KnowledgeModel> model = modelId == 0 ? Optional.empty()
                : models.find(modelId).filter(m -> !m.createdAt().isAfter(answer.get().createdAt()));
        if (model.isEmpty()) {
            return GONE;
        }
        if (!files.present(model.get().file())) {
            log.log(Level.WARNING, "The file of knowledge model " + modelId + " is not in this node's FILES_DIR; several nodes must share "
                    + "one FILES_DIR (docs/deployment.md)");
            return NOT_ON_THIS_NODE;
        }
        try {
            return pages.singlePage(files.path(model.get().file()), page)
                    .<CitedPage>map(pdf -> new Found(model.get().name(), page, pdf))
                    .orElse(GONE);
        } catch (UnreadableDocumentException unreadable) {
            log.log(Level.WARNING, "Page " + page + " of knowledge model " + modelId + " cannot be read: " + unreadable.getMessage());
            return GONE;
        }
    }
}
