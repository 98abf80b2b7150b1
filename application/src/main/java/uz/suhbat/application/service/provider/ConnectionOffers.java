package uz.suhbat.application.service.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionModel;

/**
 * The models of the admin's connections as users see them. Read from the database (shared by every node) at most
 * once a second per node, and at once on the node where the admin changed something: another node sees a change
 * within a second.
 */
public final class ConnectionOffers {

    /** How long a node keeps what it read. */
    public static final long FRESH_NANOS = 1_000_000_000L;

    private final ConnectionRepository repository;
    private volatile Snapshot snapshot;

    public ConnectionOffers(ConnectionRepository repository) {
        this.repository = repository;
    }

    /** The chosen models of every enabled connection, connection by connection. */
    public List<Offer> offered() {
        return current().offers.stream().filter(offer -> offer.connection().enabled()).toList();
    }

    /** The offered model behind a picker id ({@code conn-<id>/<model>}); empty when it is not offered now. */
    public Optional<Offer> find(String pickerId) {
        return ConnectionModel.parsePickerId(pickerId).flatMap(ref -> current().offers.stream()
                .filter(offer -> offer.connection().enabled() && offer.connection().id() == ref.connectionId()
                        && offer.model().modelId().equals(ref.modelId()))
                .findFirst());
    }

    /** True when the picker id names a chosen model of a connection that is turned off. */
    public boolean turnedOff(String pickerId) {
        return ConnectionModel.parsePickerId(pickerId).map(ref -> current().offers.stream()
                .anyMatch(offer -> !offer.connection().enabled() && offer.connection().id() == ref.connectionId()
                        && offer.model().modelId().equals(ref.modelId()))).orElse(false);
    }

    /** Every connection as last read (enabled or not). */
    public List<Connection> connections() {
        return current().connections;
    }

    /** The next call reads the database again: after a change made on this node. */
    public void forget() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        long now = System.nanoTime();
        if (known != null && now - known.readAt < FRESH_NANOS) {
            return known;
        }
        List<Connection> connections = repository.all();
        List<Offer> offers = new ArrayList<>();
        for (Connection connection : connections) {
            for (ConnectionModel model : connection.models()) {
                offers.add(new Offer(ConnectionModel.pickerId(connection.id(), model.modelId()), connection, model));
            }
        }
        Snapshot read = new Snapshot(now, List.copyOf(connections), List.copyOf(offers));
        snapshot = read;
        return read;
    }

    /** A chosen model of a connection, with the id the picker, the chats and {@code /v1/models} know it by. */
    public record Offer(String pickerId, Connection connection, ConnectionModel model) {
    }

    private record Snapshot(long readAt, List<Connection> connections, List<Offer> offers) {
    }
}
