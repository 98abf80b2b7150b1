package uz.suhbat.adapter.out.persistence;

import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.admin.AdminRepositoryContract;

class JooqAdminRepositoryTest extends AdminRepositoryContract {

    @Override
    protected AdminRepository emptyRepository() {
        return new JooqAdminRepository(TestDatabase.emptied());
    }
}
