package uz.suhbat.adapter.in.web.admin;

import java.util.Locale;
import java.util.function.UnaryOperator;
import uz.suhbat.adapter.in.web.i18n.Problems;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * A PDF model as the models pages show it and as {@code /admin/api/models/{id}} answers it (the live progress
 * bar reads the same fields). {@code statusText} and {@code reason} are sentences in the page's language.
 */
record ModelRow(long id, String name, String description, String baseModel, String instructions, String status, String statusText,
                boolean processing, boolean ready, boolean failed, String reason, boolean launched, int percent, int pagesDone,
                int pagesTotal, int chunksDone, String created) {

    /** {@code text}: a bundle key to its sentence in the page's language. */
    static ModelRow of(KnowledgeModel m, UnaryOperator<String> text) {
        String status = m.status().name().toLowerCase(Locale.ROOT);
        return new ModelRow(m.id(), m.name(), m.description() == null ? "" : m.description(), m.baseModel(),
                m.instructions() == null ? "" : m.instructions(), status, text.apply("admin.models.status." + status),
                m.status() == KnowledgeModel.Status.PROCESSING, m.status() == KnowledgeModel.Status.READY,
                m.status() == KnowledgeModel.Status.FAILED, m.statusReason() == null ? "" : text.apply(Problems.key(m.statusReason())),
                m.launched(), m.progressPercent(), m.pagesDone(), m.pagesTotal(), m.chunksDone(), AdminPages.minute(m.createdAt()));
    }
}
