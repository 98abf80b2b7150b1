package uz.suhbat.application.port.out.admin;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.Username;

/** Where admin accounts are kept. Usernames are unique without regard to case. */
public interface AdminRepository {

    Optional<Admin> findMain();

    Optional<Admin> findById(long id);

    Optional<Admin> findByUsername(Username username);

    /** The main admin first, then the others in the order they were added. */
    List<Admin> findAll();

    /** Inserts an admin without id, updates one with id; returns it with its id. */
    Admin save(Admin admin);

    void delete(long id);

    /** An existing admin's stored preferences; empty when there is no such admin. */
    Optional<Preferences> preferences(long id);

    /** Stores the language an admin picked (a tag of {@link uz.suhbat.domain.user.Language}); false for no such admin. */
    boolean saveLanguage(long id, String language);

    /** {@code language}: the tag the admin picked, or null when they never picked one. */
    record Preferences(String language) {
    }
}
