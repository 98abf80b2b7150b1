package uz.suhbat.adapter.in.web.admin;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * A chat's model as admins read it: a PDF model by its name rather than its picker id ("pdf-12"); an OpenAI model
 * and a deleted PDF model by their id.
 */
@Component
class ModelNames {

    private static final String PDF_PREFIX = "pdf-";

    private final KnowledgeModelsQuery models;

    ModelNames(KnowledgeModelsQuery models) {
        this.models = models;
    }

    /** One look-up per page: the names of all PDF models by picker id. */
    Function<String, String> lookup() {
        Map<String, String> names = models.all().stream()
                .collect(Collectors.toMap(m -> PDF_PREFIX + m.id(), KnowledgeModel::name, (a, b) -> a));
        return id -> id == null ? null : names.getOrDefault(id, id);
    }
}
