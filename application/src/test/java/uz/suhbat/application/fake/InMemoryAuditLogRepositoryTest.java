package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.application.port.out.admin.AuditLogRepositoryContract;

class InMemoryAuditLogRepositoryTest extends AuditLogRepositoryContract {

    @Override
    protected AuditLogRepository emptyRepository() {
        return new InMemoryAuditLogRepository();
    }
}
