package uz.suhbat.application.service.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
    public Map<String, String> add(long actingAdminId, String username, String email, String password) {
        if (!isMain(actingAdminId)) {
            return Map.of("admin", "admin.admins.onlyMain");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Username name = valid(errors, () -> new Username(username));
        EmailAddress address = valid(errors, () -> new EmailAddress(email));
        valid(errors, () -> {
            PasswordPolicy.check(password, username, email);
            return password;
        });
        if (name != null && admins.findByUsername(name).isPresent()) {
            errors.put("username", "validation.username.taken");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        Admin added = admins.save(Admin.newAdmin(name, address, hashing.hash(password), clock.instant()));
        audit.record(actingAdminId, AuditAction.ADMIN_ADDED, added.username().value(), added.email().value());
        return Map.of();
    }

    @Override
    public Map<String, String> remove(long actingAdminId, long adminId) {
        if (!isMain(actingAdminId)) {
            return Map.of("admin", "admin.admins.onlyMain");
        }
        Optional<Admin> admin = admins.findById(adminId);
        if (admin.isEmpty()) {
            return Map.of("admin", "admin.admins.notFound");
        }
        if (admin.get().main()) {
            return Map.of("admin", "admin.admins.mainStays");
        }
        admins.delete(adminId);
        audit.record(actingAdminId, AuditAction.ADMIN_REMOVED, admin.get().username().value(), admin.get().email().value());
        return Map.of();
    }

    private boolean isMain(long adminId) {
        return admins.findById(adminId).map(Admin::main).orElse(false);
    }

    private static <T> T valid(Map<String, String> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException invalid) {
            errors.putIfAbsent(invalid.field(), invalid.code());
            return null;
        }
    }
}
