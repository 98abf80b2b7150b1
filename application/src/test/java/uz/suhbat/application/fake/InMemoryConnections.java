package uz.suhbat.application.fake;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.domain.provider.Connection;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;

/** Connections in a map, as {@code JooqConnectionRepository} keeps them in MySQL (every change raises the version). */
public final class InMemoryConnections implements ConnectionRepository {

    private final Map<Long, Connection> rows = new TreeMap<>();
    private long ids;
    /** how many times {@link #all} was read: a cache in front of it is seen through this */
    public int reads;

    @Override
    public synchronized List<Connection> all() {
        reads++;
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized Optional<Connection> find(long id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized long create(String name, ConnectionKind kind, String baseUrl, String sealedKey, String keyHint, Instant now) {
        long id = ++ids;
        rows.put(id, new Connection(id, name, kind, baseUrl, sealedKey, keyHint, true, 1, List.of()));
        return id;
    }

    @Override
    public synchronized boolean update(long id, String name, String baseUrl, Optional<KeyChange> key) {
        Connection c = rows.get(id);
        if (c == null) {
            return false;
        }
        rows.put(id, new Connection(id, name, c.kind(), baseUrl, key.isPresent() ? key.get().sealedKey() : c.sealedKey(),
                key.isPresent() ? key.get().keyHint() : c.keyHint(), c.enabled(), c.version() + 1, c.models()));
        return true;
    }

    @Override
    public synchronized boolean setEnabled(long id, boolean enabled) {
        Connection c = rows.get(id);
        if (c == null) {
            return false;
        }
        rows.put(id, new Connection(id, c.name(), c.kind(), c.baseUrl(), c.sealedKey(), c.keyHint(), enabled, c.version() + 1, c.models()));
        return true;
    }

    @Override
    public synchronized boolean delete(long id) {
        return rows.remove(id) != null;
    }

    @Override
    public synchronized boolean replaceModels(long id, List<ConnectionModel> models) {
        Connection c = rows.get(id);
        if (c == null) {
            return false;
        }
        rows.put(id, new Connection(id, c.name(), c.kind(), c.baseUrl(), c.sealedKey(), c.keyHint(), c.enabled(), c.version() + 1, models));
        return true;
    }
}
