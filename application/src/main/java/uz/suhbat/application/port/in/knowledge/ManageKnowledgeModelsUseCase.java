package uz.suhbat.application.port.in.knowledge;

import uz.suhbat.domain.shared.Problem;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/** What an admin does with PDF-based models: create from an upload, launch, hide, delete; each recorded in the audit log. */
public interface ManageKnowledgeModelsUseCase {

    /**
     * Checks the fields and the document, stores the file and starts reading and embedding it in the
     * background. Nothing is stored when anything is refused.
     */
    Result create(long adminId, Command command, InputStream pdf);

    /** Offers a ready model to users; false when it is not ready. */
    boolean launch(long adminId, long id);

    /** Takes a model out of the picker without deleting it. */
    boolean hide(long adminId, long id);

    /** Deletes the model, its passages and file; its chats stay readable but are closed. */
    boolean delete(long adminId, long id);

    /** {@code embeddingKind}: as the admin chose it ({@link uz.suhbat.domain.knowledge.EmbeddingKind} by name); blank means the default, MiniLM. */
    record Command(String name, String description, String baseModel, String instructions, String embeddingKind) {
        public Command {
            name = name == null ? "" : name.strip();
            description = description == null || description.isBlank() ? null : description.strip();
            baseModel = baseModel == null ? "" : baseModel.strip();
            instructions = instructions == null || instructions.isBlank() ? null : instructions.strip();
            embeddingKind = embeddingKind == null ? "" : embeddingKind.strip();
        }

        public Command(String name, String description, String baseModel, String instructions) {
            this(name, description, baseModel, instructions, "");
        }
    }

    sealed interface Result {
    }

    record Created(long id) implements Result {
        public Created {
            if (id <= 0) {
                throw new IllegalArgumentException("id");
            }
        }
    }

    /** field name → message key; {@code tooLarge} lets the web answer 413. */
    record Rejected(Map<String, Problem> errors, boolean tooLarge) implements Result {
        public Rejected {
            errors = Map.copyOf(Objects.requireNonNull(errors));
        }
    }
}
