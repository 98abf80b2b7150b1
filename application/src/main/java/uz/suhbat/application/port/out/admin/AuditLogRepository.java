package uz.suhbat.application.port.out.admin;

import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

/** The append-only record of admin actions. */
public interface AuditLogRepository {

    void record(AuditEntry entry);

    /** Newest first. */
    Page<AuditEntry> recent(int page, int pageSize);
}
