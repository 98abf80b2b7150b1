package uz.suhbat.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/** The session's last access time reaches the repository at most once a minute; everything else passes through as it is. */
class SparseLastAccessTest {

    private static final Instant T0 = Instant.parse("2026-11-30T05:00:00Z");

    /** Keeps copies, as a database does: what was not saved is not there. */
    private static final class Stored implements FindByIndexNameSessionRepository<MapSession> {
        final Map<String, MapSession> rows = new HashMap<>();
        int saves;

        @Override
        public MapSession createSession() {
            MapSession session = new MapSession();
            session.setLastAccessedTime(T0);
            return session;
        }

        @Override
        public void save(MapSession session) {
            saves++;
            rows.put(session.getId(), new MapSession(session));
        }

        @Override
        public MapSession findById(String id) {
            MapSession row = rows.get(id);
            return row == null ? null : new MapSession(row);
        }

        @Override
        public void deleteById(String id) {
            rows.remove(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private final Stored stored = new Stored();
    private final SparseLastAccess sessions = new SparseLastAccess(stored, Duration.ofMinutes(1));

    @Test
    void theLastAccessTimeIsWrittenAtMostOnceAMinute() {
        SparseLastAccess.Sparse made = sessions.createSession();
        made.setAttribute("who", "aziz");
        made.setLastAccessedTime(T0.plusSeconds(1)); // a session made in this request takes every time
        sessions.save(made);
        String id = made.getId();
        assertThat(stored.rows.get(id).getLastAccessedTime()).isEqualTo(T0.plusSeconds(1));

        SparseLastAccess.Sparse again = sessions.findById(id);
        again.setLastAccessedTime(T0.plusSeconds(59));
        sessions.save(again);
        assertThat(stored.rows.get(id).getLastAccessedTime()).as("within the minute: not written").isEqualTo(T0.plusSeconds(1));

        SparseLastAccess.Sparse later = sessions.findById(id);
        later.setLastAccessedTime(T0.plusSeconds(61));
        sessions.save(later);
        assertThat(stored.rows.get(id).getLastAccessedTime()).as("a minute on: written").isEqualTo(T0.plusSeconds(61));
        assertThat(stored.rows.get(id).<String>getAttribute("who")).isEqualTo("aziz");
    }

    @Test
    void attributesAndTheRestPassThrough() {
        SparseLastAccess.Sparse made = sessions.createSession();
        sessions.save(made);
        SparseLastAccess.Sparse found = sessions.findById(made.getId());
        found.setAttribute("csrf", "token");
        found.setMaxInactiveInterval(Duration.ofMinutes(45));
        found.setLastAccessedTime(T0.plusSeconds(5));
        sessions.save(found);
        MapSession row = stored.rows.get(made.getId());
        assertThat(row.<String>getAttribute("csrf")).isEqualTo("token");
        assertThat(row.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(45));

        String oldId = found.getId();
        String newId = found.changeSessionId();
        sessions.save(found);
        assertThat(sessions.findById(newId)).isNotNull();
        assertThat(newId).isNotEqualTo(oldId);

        sessions.deleteById(newId);
        assertThat(sessions.findById(newId)).isNull();
        assertThat(sessions.findById("nobody")).isNull();
    }
}
