package uz.suhbat.application.service.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;
import uz.suhbat.application.port.out.ai.ContextWindowPort;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/** The models a user may pick: the configured OpenAI models, then the launched PDF models. */
public final class ModelCatalog {

    private final List<String> openAiModels;
    private final PdfModels pdfModels;
    private final ContextWindowPort windows;

    public ModelCatalog(List<String> openAiModels, PdfModels pdfModels, ContextWindowPort windows) {
        this.openAiModels = List.copyOf(openAiModels);
        this.pdfModels = pdfModels;
        this.windows = windows;
    }

    /** The model behind a picker id, looked up once per message; empty when it is not offered. */
    Optional<ModelChoice> choose(String modelId) {
        if (modelId == null) {
            return Optional.empty();
        }
        Optional<KnowledgeModel> pdf = pdfModels.pickable(modelId);
        if (pdf.isPresent() || openAiModels.contains(modelId)) {
            String answering = pdf.map(KnowledgeModel::baseModel).orElse(modelId);
            return Optional.of(new ModelChoice(modelId, pdf, answering, windows.tokensOf(answering)));
        }
        return Optional.empty();
    }

    List<ModelOption> options() {
        List<ModelOption> options = new ArrayList<>(openAiModels.stream().map(id -> new ModelOption(id, id, "openai", "")).toList());
        for (KnowledgeModel pdf : pdfModels.launched()) {
            options.add(new ModelOption(pdf.pickerId(), pdf.name(), "pdf", pdf.description() == null ? "" : pdf.description()));
        }
        return options;
    }

    /**
     * A picked model: {@code id} is what the chat stores; a PDF model is answered by its base model, whose
     * context window ({@code windowTokens}) is the one that counts.
     */
    record ModelChoice(String id, Optional<KnowledgeModel> pdf, String answeringModel, int windowTokens) {
    }
}
