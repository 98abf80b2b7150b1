package uz.suhbat.application.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

public final class InMemoryUserRepository implements UserRepository {

    private final Map<Long, User> byId = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final List<LongConsumer> onDelete = new ArrayList<>();

    /** Stands in for the database's ON DELETE CASCADE. */
    public InMemoryUserRepository cascadeTo(LongConsumer deleteOfUser) {
        onDelete.add(deleteOfUser);
        return this;
    }

    @Override
    public Optional<User> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return byId.values().stream().filter(u -> u.username().sameAs(username)).findFirst();
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return byId.values().stream().filter(u -> u.email().equals(email)).findFirst();
    }

    @Override
    public boolean emailInUse(EmailAddress email, Long exceptId) {
        return byId.values().stream()
                .filter(u -> !u.id().equals(exceptId))
                .anyMatch(u -> u.email().equals(email) || email.equals(u.pendingEmail()));
    }

    @Override
    public synchronized User save(User user) {
        for (User other : byId.values()) {
            if (other.id().equals(user.id())) {
                continue;
            }
            if (other.username().sameAs(user.username())) {
                throw new DuplicateException("username");
            }
            if (other.email().equals(user.email())) {
                throw new DuplicateException("email");
            }
        }
        User stored = user.id() != null ? user : new User(ids.incrementAndGet(), user.username(), user.email(), user.passwordHash(),
                user.registeredAt(), user.emailVerified(), user.pendingEmail(), user.blocked(), user.blockedReason(),
                user.sessionEpoch(), user.language());
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized int endAllSessions(long id) {
        User user = byId.get(id);
        if (user == null) {
            return -1;
        }
        User ended = user.endAllSessions();
        byId.put(id, ended);
        return ended.sessionEpoch();
    }

    @Override
    public synchronized boolean saveLanguage(long id, String language) {
        User user = byId.get(id);
        if (user == null) {
            return false;
        }
        byId.put(id, user.withLanguage(uz.suhbat.domain.user.Language.orDefault(language)));
        return true;
    }

    @Override
    public void delete(long id) {
        byId.remove(id);
        onDelete.forEach(cascade -> cascade.accept(id));
    }
}
