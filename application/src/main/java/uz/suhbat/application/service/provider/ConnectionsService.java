package uz.suhbat.application.service.provider;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;

/**
 * The Connections page. A key is sealed ({@link SecretBoxPort}, a key derived from SECRET_KEY) before it reaches the
 * database, and only its last characters are ever shown again; the audit log names the connection, never the key.
 */
public final class ConnectionsService implements ManageConnectionsUseCase {

    private final ConnectionRepository repository;
    private final ConnectionOffers offers;
    private final SecretBoxPort box;
    private final ProviderClientsPort providers;
    private final AuditTrail audit;
    private final Clock clock;
    private final FromSettings fromSettings;

    public ConnectionsService(ConnectionRepository repository, ConnectionOffers offers, SecretBoxPort box, ProviderClientsPort providers,
                              AuditTrail audit, Clock clock, FromSettings fromSettings) {
        this.repository = repository;
        this.offers = offers;
        this.box = box;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
        this.fromSettings = fromSettings;
    }

    /** OPENAI_* of the settings, the first connection: address, whether a key is set (and its last characters), models. */
    public record FromSettings(String baseUrl, String apiKey, List<String> models) {
        public FromSettings {
            models = List.copyOf(models);
        }

        @Override
        public String toString() {
            return "FromSettings[baseUrl=" + baseUrl + ", models=" + models + "]";
        }
    }

    @Override
    public List<ConnectionView> connections() {
        List<ConnectionView> views = new ArrayList<>();
        views.add(settingsView());
        repository.all().forEach(connection -> views.add(view(connection)));
        return views;
    }

    @Override
    public Optional<ConnectionView> connection(long id) {
        return repository.find(id).map(this::view);
    }

    @Override
    public boolean keysCanBeKept() {
        return box.available();
    }

    @Override
    public long add(long adminId, String name, ConnectionKind kind, String baseUrl, String apiKey) {
        String cleanName = Connection.parseName(name);
        String url = Connection.parseBaseUrl(baseUrl);
        Optional<String> key = Connection.parseKey(apiKey);
        String sealed = key.map(this::seal).orElse(null);
        long id = repository.create(cleanName, kind, url, sealed, key.map(Connection::hintOf).orElse(null), clock.instant());
        offers.forget();
        audit.record(adminId, AuditAction.CONNECTION_ADDED, "#" + id, cleanName + " (" + kind + ", " + url + ")");
        return id;
    }

    @Override
    public boolean edit(long adminId, long id, String name, String baseUrl, String apiKey, boolean removeKey) {
        String cleanName = Connection.parseName(name);
        String url = Connection.parseBaseUrl(baseUrl);
        Optional<String> key = Connection.parseKey(apiKey);
        Optional<ConnectionRepository.KeyChange> change = key.map(k -> new ConnectionRepository.KeyChange(seal(k), Connection.hintOf(k)))
                .or(() -> removeKey ? Optional.of(new ConnectionRepository.KeyChange(null, null)) : Optional.empty());
        boolean done = repository.update(id, cleanName, url, change);
        if (done) {
            offers.forget();
            audit.record(adminId, AuditAction.CONNECTION_CHANGED, "#" + id, cleanName + " (" + url + ")"
                    + (key.isPresent() ? ", new key" : removeKey ? ", key removed" : ""));
        }
        return done;
    }

    @Override
    public boolean setEnabled(long adminId, long id, boolean enabled) {
        boolean done = repository.setEnabled(id, enabled);
        if (done) {
            offers.forget();
            audit.record(adminId, AuditAction.CONNECTION_SWITCHED, "#" + id, enabled ? "on" : "off");
        }
        return done;
    }

    @Override
    public boolean delete(long adminId, long id) {
        Optional<Connection> found = repository.find(id);
        boolean done = found.isPresent() && repository.delete(id);
        if (done) {
            offers.forget();
            audit.record(adminId, AuditAction.CONNECTION_DELETED, "#" + id, found.get().name());
        }
        return done;
    }

    @Override
    public ModelListing models(long id) {
        Optional<Connection> found = repository.find(id);
        if (found.isEmpty()) {
            return new ModelListing(List.of(), List.of(), Optional.of("no such connection"));
        }
        Connection connection = found.get();
        List<ModelSettings> chosen = connection.models().stream().map(ConnectionsService::settings).toList();
        String key;
        try {
            key = connection.hasKey() ? box.open(connection.sealedKey()) : "";
        } catch (SecretBoxPort.UnreadableSecretException e) {
            return new ModelListing(List.of(), chosen, Optional.of(e.getMessage()));
        }
        try {
            List<String> listed = providers.listModels(new ProviderClientsPort.Endpoint(connection.kind(), connection.baseUrl(), key));
            return new ModelListing(List.copyOf(new TreeSet<>(listed)), chosen, Optional.empty());
        } catch (ProviderClientsPort.ModelListException e) {
            return new ModelListing(List.of(), chosen, Optional.of(e.getMessage()));
        }
    }

    @Override
    public boolean chooseModels(long adminId, long id, List<ModelSettings> chosen) {
        Map<String, ConnectionModel> models = new LinkedHashMap<>();
        for (ModelSettings setting : chosen) {
            ConnectionModel model = new ConnectionModel(setting.modelId(), setting.displayName(), setting.systemPrompt(),
                    setting.temperature(), setting.vision());
            models.putIfAbsent(model.modelId(), model);
        }
        boolean done = repository.replaceModels(id, List.copyOf(models.values()));
        if (done) {
            offers.forget();
            audit.record(adminId, AuditAction.CONNECTION_MODELS_CHANGED, "#" + id, String.join(", ", models.keySet()));
        }
        return done;
    }

    private String seal(String key) {
        if (!box.available()) {
            throw new InvalidValueException("apiKey", Problem.CONNECTION_NO_SECRET_KEY);
        }
        return box.seal(key);
    }

    private ConnectionView view(Connection connection) {
        boolean unreadable = false;
        if (connection.hasKey()) {
            try {
                box.open(connection.sealedKey());
            } catch (SecretBoxPort.UnreadableSecretException e) {
                unreadable = true;
            }
        }
        return new ConnectionView(connection.id(), connection.name(), connection.kind(), connection.baseUrl(), connection.keyHint(),
                connection.hasKey(), unreadable, connection.enabled(), false,
                connection.models().stream().map(ConnectionsService::settings).toList());
    }

    private ConnectionView settingsView() {
        boolean hasKey = fromSettings.apiKey() != null && !fromSettings.apiKey().isBlank();
        return new ConnectionView(0, "OPENAI_*", ConnectionKind.OPENAI_COMPATIBLE, fromSettings.baseUrl(),
                hasKey ? Connection.hintOf(fromSettings.apiKey().strip()) : null, hasKey, false, true, true,
                fromSettings.models().stream().map(id -> new ModelSettings(id, null, null, null, false)).toList());
    }

    private static ModelSettings settings(ConnectionModel model) {
        return new ModelSettings(model.modelId(), model.displayName(), model.systemPrompt(), model.temperature(), model.vision());
    }
}
