package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.port.out.security.ThrottleRepositoryContract;

class InMemoryThrottleRepositoryTest extends ThrottleRepositoryContract {

    @Override
    protected ThrottleRepository emptyRepository() {
        return new InMemoryThrottleRepository();
    }
}
