package uz.suhbat.application.service.admin;

import uz.suhbat.application.port.in.admin.AuditLogQuery;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

public final class AuditLogService implements AuditLogQuery {

    private final AuditLogRepository log;

    public AuditLogService(AuditLogRepository log) {
        this.log = log;
    }

    @Override
    public Page<AuditEntry> entries(int page, int pageSize) {
        return log.recent(Math.max(1, page), Math.clamp(pageSize, 1, 200));
    }
}
