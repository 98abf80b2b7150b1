package uz.suhbat.adapter.out.ai;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionModel;

/**
 * The chat model the application talks to: it sends each prompt to the connection its model belongs to. A model id
 * {@code conn-<id>/<model>} goes to that connection's client (made by {@link ProviderClientsPort} once per version of
 * the connection, with its key opened from the {@link SecretBoxPort}), with the model's defaults set by the admin: its
 * system prompt first, its temperature unless the prompt has one. Every other id (OPENAI_MODELS, the title model) goes
 * to the client of OPENAI_* as before.
 *
 * <p>Connections are read from the database at most once a second per node, so a change made on another node
 * (turned off, new key, new models) counts here within a second. A client replaced by a newer version of its
 * connection is closed a while later, so that answers still streaming through it can finish.
 */
final class RoutingChatModel implements ChatModelPort, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoutingChatModel.class);
    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final long RETIRE_AFTER_MINUTES = 15;

    private final ChatModelPort fromSettings;
    private final ConnectionRepository connections;
    private final SecretBoxPort box;
    private final ProviderClientsPort providers;
    private final Map<Long, Held> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService retirement = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("connection-retirement").daemon().factory());
    private volatile Snapshot snapshot;

    RoutingChatModel(ChatModelPort fromSettings, ConnectionRepository connections, SecretBoxPort box, ProviderClientsPort providers) {
        this.fromSettings = fromSettings;
        this.connections = connections;
        this.box = box;
        this.providers = providers;
    }

    /** OPENAI_* has a key, or some connection is on. */
    @Override
    public boolean configured() {
        return fromSettings.configured() || current().stream().anyMatch(Connection::enabled);
    }

    @Override
    public Streaming stream(Prompt prompt, AnswerSink sink) {
        Optional<ConnectionModel.Ref> ref = ConnectionModel.parsePickerId(prompt.model());
        if (ref.isEmpty()) {
            return fromSettings.stream(prompt, sink);
        }
        Optional<Connection> found = current().stream().filter(c -> c.id() == ref.get().connectionId()).findFirst();
        Optional<ConnectionModel> model = found.flatMap(c -> c.model(ref.get().modelId()));
        if (model.isEmpty()) {
            return failed(sink, FailureKind.BAD_REQUEST, "the model is not offered by any connection now");
        }
        Connection connection = found.get();
        if (!connection.enabled()) {
            return failed(sink, FailureKind.BAD_REQUEST, "connection #" + connection.id() + " is turned off");
        }
        ProviderClientsPort.Client client;
        try {
            client = clientOf(connection);
        } catch (SecretBoxPort.UnreadableSecretException e) {
            log.warn("connection #{} ({}): {}", connection.id(), connection.name(), e.getMessage());
            return failed(sink, FailureKind.AUTHENTICATION, "connection #" + connection.id() + ": " + e.getMessage());
        }
        return client.stream(withDefaults(prompt, ref.get().modelId(), model.get()), sink);
    }

    /** The model's system prompt before the prompt's own turns, its temperature unless the prompt sets one. */
    static Prompt withDefaults(Prompt prompt, String upstreamModel, ConnectionModel model) {
        List<Turn> turns = prompt.turns();
        if (model.systemPrompt() != null) {
            turns = new ArrayList<>(turns.size() + 1);
            turns.add(new Turn(Role.SYSTEM, model.systemPrompt()));
            turns.addAll(prompt.turns());
        }
        return prompt.with(upstreamModel, turns, prompt.temperature() != null ? prompt.temperature() : model.temperature());
    }

    private ProviderClientsPort.Client clientOf(Connection connection) {
        Held held = clients.get(connection.id());
        if (held != null && held.version == connection.version()) {
            return held.client;
        }
        synchronized (this) {
            held = clients.get(connection.id());
            if (held != null && held.version == connection.version()) {
                return held.client;
            }
            String key = connection.hasKey() ? box.open(connection.sealedKey()) : "";
            ProviderClientsPort.Client client = providers.open(new ProviderClientsPort.Endpoint(connection.kind(), connection.baseUrl(), key));
            Held old = clients.put(connection.id(), new Held(connection.version(), client));
            if (old != null) {
                retire(old.client);
            }
            return client;
        }
    }

    private List<Connection> current() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known != null && now - known.readAt < FRESH_NANOS) {
            return known.connections;
        }
        List<Connection> read = connections.all();
        snapshot = new Snapshot(now, read);
        Set<Long> present = new HashSet<>();
        read.forEach(c -> present.add(c.id()));
        clients.keySet().removeIf(id -> {
            if (present.contains(id)) {
                return false;
            }
            Held gone = clients.get(id);
            if (gone != null) {
                retire(gone.client);
            }
            return true;
        });
        return read;
    }

    private void retire(ProviderClientsPort.Client client) {
        try {
            retirement.schedule(client::close, RETIRE_AFTER_MINUTES, TimeUnit.MINUTES);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            client.close();
        }
    }

    private static Streaming failed(AnswerSink sink, FailureKind kind, String detail) {
        sink.failed(new Failure(kind, detail));
        return () -> { };
    }

    @Override
    public void close() {
        // clients waiting for their retirement are closed now
        retirement.shutdownNow().forEach(Runnable::run);
        clients.values().forEach(held -> held.client.close());
        clients.clear();
    }

    private record Held(int version, ProviderClientsPort.Client client) {
    }

    private record Snapshot(long readAt, List<Connection> connections) {
    }
}
