package uz.suhbat.bootstrap;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository with the session's last access time written at most once every {@link #every}: Spring Session
 * sets it on every request, and a changed session is saved, so every signed-in request (each new chat among them) made an
 * {@code UPDATE} of the session row with its commit, a redo-log flush. It ran when the response was first flushed, that is
 * before a new chat's first token could go out. Now a request within {@code every} of the stored time writes nothing; a
 * session therefore expires at most {@code every} earlier than it would (30 minutes of inactivity by default). Nothing is
 * kept in memory: every request still reads its session from the database, so a session ended on one node is ended on all.
 */
final class SparseLastAccess implements FindByIndexNameSessionRepository<SparseLastAccess.Sparse> {

    private final FindByIndexNameSessionRepository<Session> sessions;
    private final Duration every;

    @SuppressWarnings("unchecked")
    SparseLastAccess(FindByIndexNameSessionRepository<? extends Session> sessions, Duration every) {
        // the repository's own session type is not public: it only ever gets back the sessions it made
        this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
        this.every = every;
    }

    @Override
    public Sparse createSession() {
        return new Sparse(sessions.createSession(), null);
    }

    @Override
    public void save(Sparse session) {
        sessions.save(session.session);
    }

    @Override
    public Sparse findById(String id) {
        Session found = sessions.findById(id);
        return found == null ? null : new Sparse(found, found.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        sessions.deleteById(id);
    }

    @Override
    public Map<String, Sparse> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Sparse> found = new LinkedHashMap<>();
        sessions.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Sparse(session, session.getLastAccessedTime())));
        return found;
    }

    /** A session as stored; {@code stored} is its last access time as read, null for a session made in this request. */
    final class Sparse implements Session {

        private final Session session;
        private final Instant stored;

        Sparse(Session session, Instant stored) {
            this.session = session;
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (stored == null || !lastAccessedTime.isBefore(stored.plus(every))) {
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
