package uz.suhbat.adapter.in.web.admin;

import java.util.List;
import uz.suhbat.adapter.in.web.chat.AnswerFailures;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.adapter.in.web.i18n.Problems;
import uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery;

/**
 * A PDF model's try-out as the model page shows it: the passages found, the answer, and the bundle key of why
 * there is none (null when there is one: Mustache shows a section for "", which drew an empty red box above a good
 * answer); {@code none}: no passage was found.
 */
record TrialView(List<Passage> passages, String answer, String failure, boolean none) {

    static TrialView of(KnowledgeModelsQuery.Trial trial) {
        return new TrialView(trial.passages().stream().map(p -> new Passage(p.page(), Formats.twoDecimals(p.score()), p.text())).toList(),
                trial.answer() == null ? "" : trial.answer(),
                trial.refusal() != null ? Problems.key(trial.refusal()) : trial.failure() != null ? AnswerFailures.messageKey(trial.failure()) : null,
                trial.passages().isEmpty());
    }

    record Passage(int page, String score, String text) {
    }
}
