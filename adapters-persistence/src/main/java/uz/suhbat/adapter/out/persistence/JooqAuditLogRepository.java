package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.ADMIN_AUDIT;

import org.jooq.DSLContext;
import uz.suhbat.adapter.out.persistence.schema.tables.records.AdminAuditRecord;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;

/** Table {@code admin_audit}; rows are only ever inserted. */
final class JooqAuditLogRepository implements AuditLogRepository {

    private final DSLContext db;

    JooqAuditLogRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void record(AuditEntry entry) {
        db.insertInto(ADMIN_AUDIT)
                .set(ADMIN_AUDIT.ADMIN_ID, entry.adminId())
                .set(ADMIN_AUDIT.ADMIN_USERNAME, entry.adminUsername())
                .set(ADMIN_AUDIT.DATE, Times.toDb(entry.at()))
                .set(ADMIN_AUDIT.ACTION, entry.action().name())
                .set(ADMIN_AUDIT.TARGET, entry.target())
                .set(ADMIN_AUDIT.DETAIL, entry.detail())
                .execute();
    }

    @Override
    public Page<AuditEntry> recent(int page, int pageSize) {
        long total = db.fetchCount(ADMIN_AUDIT);
        var items = db.selectFrom(ADMIN_AUDIT).orderBy(ADMIN_AUDIT.ID.desc())
                .limit(pageSize).offset(Page.offset(page, pageSize))
                .fetch(JooqAuditLogRepository::toEntry);
        return new Page<>(items, total, page, pageSize);
    }

    private static AuditEntry toEntry(AdminAuditRecord r) {
        return new AuditEntry(r.getId(), r.getAdminId(), r.getAdminUsername(), Times.fromDb(r.getDate()),
                AuditAction.valueOf(r.getAction()), r.getTarget(), r.getDetail());
    }
}
