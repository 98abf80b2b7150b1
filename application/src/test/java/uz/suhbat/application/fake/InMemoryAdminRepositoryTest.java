package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.admin.AdminRepositoryContract;

class InMemoryAdminRepositoryTest extends AdminRepositoryContract {

    @Override
    protected AdminRepository emptyRepository() {
        return new InMemoryAdminRepository();
    }
}
