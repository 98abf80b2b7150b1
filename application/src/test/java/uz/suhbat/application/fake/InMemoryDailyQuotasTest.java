package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.application.port.out.limit.DailyQuotaPortContract;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;

class InMemoryDailyQuotasTest extends DailyQuotaPortContract {

    private InMemoryLimitSettingsRepository repository;

    @Override
    protected LimitSettingsRepository emptySettings() {
        repository = new InMemoryLimitSettingsRepository();
        return repository;
    }

    @Override
    protected DailyQuotaPort quotas() {
        return repository;
    }

    @Override
    protected long givenUser() {
        repository.addUser(7);
        return 7;
    }
}
