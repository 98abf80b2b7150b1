package uz.suhbat.application.service.knowledge;

import java.util.List;

/** The system message that grounds an answer in the passages found in documents attached to the chat. */
public final class AttachedPrompt {

    private AttachedPrompt() {
    }

    public static String system(List<PassageSearch.Found> passages) {
        StringBuilder prompt = new StringBuilder();
        prompt.append("The user attached documents to this chat; passages of them that match the question follow. ")
                .append("Use them where they answer the question, in the language of the question, and name the document ")
                .append("and page of what you use, like (report.pdf, page 3). ")
                .append("If they do not contain the answer, say so rather than guess.\n\nPassages:\n");
        if (passages.isEmpty()) {
            prompt.append("(no passage of the attached documents matches this question)\n");
        }
        for (PassageSearch.Found found : passages) {
            prompt.append("\n[").append(found.document().name()).append(", page ").append(found.hit().page()).append("]\n")
                    .append(found.hit().text()).append('\n');
        }
        return prompt.toString();
    }
}
