package uz.suhbat.application.service.knowledge;

import java.util.List;
import java.util.Optional;
import uz.suhbat.application.service.chat.PdfModels;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** The PDF models as the chat sees them: the library's launched models and the passages that ground an answer. */
public final class KnowledgeGrounding implements PdfModels {

    private final KnowledgeLibrary library;

    public KnowledgeGrounding(KnowledgeLibrary library) {
        this.library = library;
    }

    @Override
    public Optional<KnowledgeModel> pickable(String pickerId) {
        return library.pickable(pickerId);
    }

    @Override
    public List<KnowledgeModel> launched() {
        return library.launched();
    }

    @Override
    public Grounding ground(KnowledgeModel model, String question) {
        List<KnowledgeIndex.Hit> hits = library.retrieve(model.id(), question);
        List<Message.Source> sources = hits.stream().map(h -> new Message.Source(model.id(), h.page(), h.text())).toList();
        return new Grounding(sources, GroundedPrompt.system(model, hits));
    }
}
