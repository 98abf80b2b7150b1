package uz.suhbat.application.fake;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.Username;

public final class InMemoryAdminRepository implements AdminRepository {

    private final Map<Long, Admin> byId = new ConcurrentHashMap<>();
    private final Map<Long, String> languages = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public Optional<Admin> findMain() {
        return byId.values().stream().filter(Admin::main).findFirst();
    }

    @Override
    public Optional<Admin> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Admin> findAll() {
        return byId.values().stream().sorted(Comparator.comparing((Admin a) -> !a.main()).thenComparing(Admin::id)).toList();
    }

    @Override
    public void delete(long id) {
        byId.remove(id);
        languages.remove(id);
    }

    @Override
    public Optional<Preferences> preferences(long id) {
        return byId.containsKey(id) ? Optional.of(new Preferences(languages.get(id))) : Optional.empty();
    }

    @Override
    public boolean saveLanguage(long id, String language) {
        if (!byId.containsKey(id)) {
            return false;
        }
        languages.put(id, language);
        return true;
    }

    @Override
    public Optional<Admin> findByUsername(Username username) {
        return byId.values().stream().filter(a -> a.username().sameAs(username)).findFirst();
    }

    @Override
    public Admin save(Admin admin) {
        Admin stored = admin.id() == null
                ? new Admin(ids.incrementAndGet(), admin.username(), admin.email(), admin.passwordHash(), admin.createdAt(), admin.main())
                : admin;
        byId.put(stored.id(), stored);
        return stored;
    }
}
