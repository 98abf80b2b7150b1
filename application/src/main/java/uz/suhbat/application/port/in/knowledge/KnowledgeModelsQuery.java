package uz.suhbat.application.port.in.knowledge;

import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.domain.knowledge.EmbeddingKind;
import uz.suhbat.domain.knowledge.KnowledgeModel;
import uz.suhbat.domain.shared.Problem;

/** The admin's view of PDF-based models, and trying one before users see it. */
public interface KnowledgeModelsQuery {

    /** Newest first, in every status. */
    List<KnowledgeModel> all();

    Optional<KnowledgeModel> find(long id);

    /** The embedding kinds an admin may choose for a new model, the default first. */
    default List<EmbeddingKind> embeddingKinds() {
        return List.of(EmbeddingKind.MINILM);
    }

    /** The passages a question would draw on (page, score), and the base model's answer from them. */
    Trial tryOut(long id, String question);

    record Passage(int page, double score, String text) {
    }

    /**
     * The passages and the answer; {@code answer} is null when the question was refused ({@code refusal}: no
     * such ready model, no question) or the model could not answer ({@code failure}).
     */
    record Trial(List<Passage> passages, String answer, Problem refusal, AnswerFailure failure) {

        public static Trial answered(List<Passage> passages, String answer) {
            return new Trial(passages, answer, null, null);
        }

        public static Trial refused(Problem refusal) {
            return new Trial(List.of(), null, refusal, null);
        }

        public static Trial failed(List<Passage> passages, AnswerFailure failure) {
            return new Trial(passages, null, null, failure);
        }
    }
}
