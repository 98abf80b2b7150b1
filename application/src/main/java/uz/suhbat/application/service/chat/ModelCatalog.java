package uz.suhbat.application.service.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import uz.suhbat.application.port.in.chat.ChatQuery.ModelOption;
import uz.suhbat.application.port.out.ai.ContextWindowPort;
import uz.suhbat.application.service.provider.ConnectionOffers;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * The models a user may pick: the configured OpenAI models (OPENAI_MODELS, the first connection), the chosen models of
 * the admin's enabled connections (picker id {@code conn-<id>/<model>}, under the admin's display name), then the
 * launched PDF models.
 */
public final class ModelCatalog {

    private final List<String> openAiModels;
    private final PdfModels pdfModels;
    private final ContextWindowPort windows;
    /** the admin's connections; null: none (tests of the chat alone) */
    private final ConnectionOffers connections;
    /** which OPENAI_MODELS read images (OPENAI_VISION_MODELS); a connection's model says so itself */
    private final Predicate<String> openAiVision;

    public ModelCatalog(List<String> openAiModels, PdfModels pdfModels, ContextWindowPort windows) {
        this(openAiModels, pdfModels, windows, null, id -> false);
    }

    public ModelCatalog(List<String> openAiModels, PdfModels pdfModels, ContextWindowPort windows, ConnectionOffers connections,
                        Predicate<String> openAiVision) {
        this.openAiModels = List.copyOf(openAiModels);
        this.pdfModels = pdfModels;
        this.windows = windows;
        this.connections = connections;
        this.openAiVision = openAiVision;
    }

    /** True when {@code modelId} is a model of a connection the admin turned off (its chats take no new message). */
    boolean turnedOff(String modelId) {
        return connections != null && connections.turnedOff(modelId);
    }

    /**
     * Whether the model behind a picker id reads images: a connection's model as the admin marked it, a model of
     * OPENAI_* when the vision predicate (OPENAI_VISION_MODELS) says so, a PDF model as its base model.
     */
    public boolean vision(String modelId) {
        return choose(modelId).map(ModelChoice::vision).orElse(false);
    }

    /** The picker ids of the offered models that read images (the composer warns before a picture goes to another). */
    public List<String> visionIds() {
        return options().stream().map(ModelOption::id).filter(this::vision).toList();
    }

    /** The model behind a picker id, looked up once per message; empty when it is not offered. */
    Optional<ModelChoice> choose(String modelId) {
        if (modelId == null) {
            return Optional.empty();
        }
        if (connections != null) {
            Optional<ConnectionOffers.Offer> offer = connections.find(modelId);
            if (offer.isPresent()) {
                return Optional.of(new ModelChoice(modelId, Optional.empty(), modelId,
                        windows.tokensOf(offer.get().model().modelId()), offer.get().model().vision()));
            }
        }
        Optional<KnowledgeModel> pdf = pdfModels == null ? Optional.empty() : pdfModels.pickable(modelId);
        if (pdf.isPresent() || openAiModels.contains(modelId)) {
            String answering = pdf.map(KnowledgeModel::baseModel).orElse(modelId);
            boolean vision = connections != null && connections.find(answering).isPresent()
                    ? connections.find(answering).get().model().vision() : openAiVision.test(answering);
            return Optional.of(new ModelChoice(modelId, pdf, answering, windows.tokensOf(answering), vision));
        }
        return Optional.empty();
    }

    List<ModelOption> options() {
        List<ModelOption> options = new ArrayList<>(openAiModels.stream().map(id -> new ModelOption(id, id, "openai", "")).toList());
        if (connections != null) {
            for (ConnectionOffers.Offer offer : connections.offered()) {
                options.add(new ModelOption(offer.pickerId(), offer.model().shownName(), "connection", offer.connection().name()));
            }
        }
        for (KnowledgeModel pdf : pdfModels == null ? List.<KnowledgeModel>of() : pdfModels.launched()) {
            options.add(new ModelOption(pdf.pickerId(), pdf.name(), "pdf", pdf.description() == null ? "" : pdf.description()));
        }
        return options;
    }

    /**
     * A picked model: {@code id} is what the chat stores; a PDF model is answered by its base model, whose
     * context window ({@code windowTokens}) is the one that counts. {@code vision}: the answering model reads images.
     */
    record ModelChoice(String id, Optional<KnowledgeModel> pdf, String answeringModel, int windowTokens, boolean vision) {
    }
}
