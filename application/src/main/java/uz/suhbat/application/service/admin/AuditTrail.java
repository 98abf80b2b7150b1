package uz.suhbat.application.service.admin;

import java.time.Clock;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.user.Admin;

/** Writes what an admin did, under the admin's current name, to the audit log. */
public final class AuditTrail {

    private final AuditLogRepository log;
    private final AdminRepository admins;
    private final Clock clock;

    public AuditTrail(AuditLogRepository log, AdminRepository admins, Clock clock) {
        this.log = log;
        this.admins = admins;
        this.clock = clock;
    }

    public void record(long adminId, AuditAction action, String target, String detail) {
        // an admin removed while still signed in is shut out on the next request; the id still says who
        String name = admins.findById(adminId).map(Admin::username).map(Object::toString).orElse("#" + adminId);
        log.record(AuditEntry.of(adminId, name, clock.instant(), action, target, detail));
    }
}
