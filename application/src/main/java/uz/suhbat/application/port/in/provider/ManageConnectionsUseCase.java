package uz.suhbat.application.port.in.provider;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.provider.ConnectionKind;

/**
 * The admin's Connections page: connections to model providers, and which of their models users see. Values that
 * break a rule are refused with an {@link uz.suhbat.domain.shared.InvalidValueException} naming the field.
 */
public interface ManageConnectionsUseCase {

    /** OPENAI_* of the settings first (read-only, {@code fromSettings}), then the admin's connections. */
    List<ConnectionView> connections();

    Optional<ConnectionView> connection(long id);

    /** False when no SECRET_KEY is set: connections can be added, but without an API key. */
    boolean keysCanBeKept();

    /** @return the new connection's id */
    long add(long adminId, String name, ConnectionKind kind, String baseUrl, String apiKey);

    /**
     * Changes name and address; a non-blank {@code apiKey} replaces the key, {@code removeKey} removes it, otherwise the
     * key stays. False when there is no such connection.
     */
    boolean edit(long adminId, long id, String name, String baseUrl, String apiKey, boolean removeKey);

    /** Turning a connection off takes its models from the picker; its chats stay readable but take no message. */
    boolean setEnabled(long adminId, long id, boolean enabled);

    boolean delete(long adminId, long id);

    /** The models the connection lists now, beside the chosen ones; a failure to list is told, not thrown. */
    ModelListing models(long id);

    /** Replaces the chosen models of the connection (the ones users see) with {@code chosen}. */
    boolean chooseModels(long adminId, long id, List<ModelSettings> chosen);

    /**
     * A connection as the page shows it: never its key, only the key's last characters.
     *
     * @param fromSettings    OPENAI_* of the settings: shown, not changed here
     * @param keyUnreadable   the stored key cannot be opened with this SECRET_KEY (set again, or enter the key again)
     */
    record ConnectionView(long id, String name, ConnectionKind kind, String baseUrl, String keyHint, boolean hasKey,
                          boolean keyUnreadable, boolean enabled, boolean fromSettings, List<ModelSettings> models) {
        public ConnectionView {
            models = List.copyOf(models);
        }
    }

    /** A chosen model; {@code temperature} null: the provider's default. */
    record ModelSettings(String modelId, String displayName, String systemPrompt, Double temperature, boolean vision) {
    }

    /**
     * @param available the ids the connection lists, sorted (empty when listing failed)
     * @param chosen    the chosen models
     * @param failure   why listing failed, credential-free; empty when it worked
     */
    record ModelListing(List<String> available, List<ModelSettings> chosen, Optional<String> failure) {
        public ModelListing {
            available = List.copyOf(available);
            chosen = List.copyOf(chosen);
        }
    }
}
