package uz.suhbat.application.service.knowledge;

import java.util.List;
import uz.suhbat.domain.knowledge.KnowledgeIndex;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** The system message that grounds a base model in a document's passages. */
public final class GroundedPrompt {

    private GroundedPrompt() {
    }

    public static String system(KnowledgeModel model, List<KnowledgeIndex.Hit> passages) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("You answer questions about the document \"").append(model.name()).append("\". ")
                .append("Answer only from the passages below, in the language of the question. ")
                .append("Name the page of what you use, like (page 3). ")
                .append("If the passages do not contain the answer, say plainly that the document does not say, and do not guess.\n");
        if (model.instructions() != null) {
            prompt.append("\nInstructions from the administrator:\n").append(model.instructions()).append('\n');
        }
        prompt.append("\nPassages:\n");
        if (passages.isEmpty()) {
            prompt.append("(no passage of the document matches this question)\n");
        }
        for (KnowledgeIndex.Hit hit : passages) {
            prompt.append("\n[page ").append(hit.page()).append("]\n").append(hit.text()).append('\n');
        }
        return prompt.toString();
    }

}
