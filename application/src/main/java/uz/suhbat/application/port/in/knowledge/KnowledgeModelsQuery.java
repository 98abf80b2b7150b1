package uz.suhbat.application.port.in.knowledge;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** The admin's view of PDF-based models, and trying one before users see it. */
public interface KnowledgeModelsQuery {

    /** Newest first, in every status. */
    List<KnowledgeModel> all();

    Optional<KnowledgeModel> find(long id);

    /** The passages a question would draw on (page, score), and the base model's answer from them. */
    Trial tryOut(long id, String question);

    record Passage(int page, double score, String text) {
    }

    /** {@code answer} is null with {@code failure} set (a message key) when the model could not answer. */
    record Trial(List<Passage> passages, String answer, String failure) {
    }
}
