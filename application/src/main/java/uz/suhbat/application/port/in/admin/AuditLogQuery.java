package uz.suhbat.application.port.in.admin;

import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

/** The audit log page: admin actions, newest first. */
public interface AuditLogQuery {

    Page<AuditEntry> entries(int page, int pageSize);
}
