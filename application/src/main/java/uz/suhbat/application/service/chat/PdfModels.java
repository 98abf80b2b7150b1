package uz.suhbat.application.service.chat;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * What the chat needs of the PDF models: which may be picked, and the passages and system prompt that
 * ground an answer. The knowledge side implements it, so the chat side does not depend on it.
 */
public interface PdfModels {

    /** The launched, ready model behind a picker id such as "pdf-12". */
    Optional<KnowledgeModel> pickable(String pickerId);

    List<KnowledgeModel> launched();

    /** The passages most relevant to {@code question}, best first, and the system message built on them. */
    Grounding ground(KnowledgeModel model, String question);

    record Grounding(List<Message.Source> sources, String systemPrompt) {
        public Grounding {
            sources = List.copyOf(sources);
        }
    }
}
