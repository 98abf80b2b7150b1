package uz.suhbat.application.port.out.admin;

import java.util.Optional;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.Username;

/** Where admin accounts are kept. */
public interface AdminRepository {

    Optional<Admin> findMain();

    Optional<Admin> findByUsername(Username username);

    /** Inserts an admin without id, updates one with id; returns it with its id. */
    Admin save(Admin admin);
}
