package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.application.port.out.account.PreferenceRepositoryContract;

class InMemoryPreferenceRepositoryTest extends PreferenceRepositoryContract {

    @Override
    protected PreferenceRepository emptyRepository() {
        return new InMemoryPreferenceRepository();
    }

    @Override
    protected long userId(int which) {
        return which;
    }

    @Override
    protected long chatId() {
        return 7;
    }

    @Override
    protected long adminId() {
        return 1;
    }
}
