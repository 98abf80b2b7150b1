package uz.suhbat.application.service.admin;

import java.time.Clock;
import uz.suhbat.domain.shared.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.ManageAdminsUseCase;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.PasswordPolicy;
import uz.suhbat.domain.user.Username;

/** The list of admins. Only the main admin changes it, and the main admin stays: it is the operator's account from .env. */
public final class AdminAccountsService implements ManageAdminsUseCase {

    private final AdminRepository admins;
    private final PasswordHashingPort hashing;
    private final AuditTrail audit;
    private final Clock clock;

    public AdminAccountsService(AdminRepository admins, PasswordHashingPort hashing, AuditTrail audit, Clock clock) {
        this.admins = admins;
        this.hashing = hashing;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<AdminView> admins() {
        return admins.findAll().stream()
                .map(a -> new AdminView(a.id(), a.username().value(), a.email().value(), a.createdAt(), a.main()))
                .toList();
    }

    @Override
    public Map<String, Problem> add(long actingAdminId, String username, String email, String password) {
        if (!isMain(actingAdminId)) {
            return Map.of("admin", Problem.ADMIN_ONLY_MAIN);
        }
        Map<String, Problem> errors = new LinkedHashMap<>();
        Username name = InvalidValueException.collect(errors, () -> new Username(username));
        EmailAddress address = InvalidValueException.collect(errors, () -> new EmailAddress(email));
        InvalidValueException.collect(errors, () -> {
            PasswordPolicy.check(password, username, email);
            return password;
        });
        if (name != null && admins.findByUsername(name).isPresent()) {
            errors.put("username", Problem.USERNAME_TAKEN);
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Admin added = admins.save(Admin.newAdmin(name, address, hashing.hash(password), clock.instant()));
        audit.record(actingAdminId, AuditAction.ADMIN_ADDED, added.username().value(), added.email().value());
        return Map.of();
    }

    @Override
    public Map<String, Problem> remove(long actingAdminId, long adminId) {
        if (!isMain(actingAdminId)) {
            return Map.of("admin", Problem.ADMIN_ONLY_MAIN);
        }
        Optional<Admin> admin = admins.findById(adminId);
        if (admin.isEmpty()) {
            return Map.of("admin", Problem.ADMIN_NOT_FOUND);
        }
        if (admin.get().main()) {
            return Map.of("admin", Problem.ADMIN_MAIN_STAYS);
        }
        admins.delete(adminId);
        audit.record(actingAdminId, AuditAction.ADMIN_REMOVED, admin.get().username().value(), admin.get().email().value());
        return Map.of();
    }

    private boolean isMain(long adminId) {
        return admins.findById(adminId).map(Admin::main).orElse(false);
    }

}
