package uz.suhbat.adapter.out.persistence;

import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.application.port.out.admin.AuditLogRepositoryContract;

class JooqAuditLogRepositoryTest extends AuditLogRepositoryContract {

    @Override
    protected AuditLogRepository emptyRepository() {
        return new JooqAuditLogRepository(TestDatabase.emptied());
    }
}
