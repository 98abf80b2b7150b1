package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.application.port.out.limit.LimitSettingsRepositoryContract;

class InMemoryLimitSettingsRepositoryTest extends LimitSettingsRepositoryContract {

    private InMemoryLimitSettingsRepository repository;

    @Override
    protected LimitSettingsRepository emptyRepository() {
        repository = new InMemoryLimitSettingsRepository();
        return repository;
    }

    @Override
    protected long givenUser() {
        repository.addUser(7);
        return 7;
    }

    @Override
    protected long givenChat(long userId, int limit, int used, uz.suhbat.domain.chat.Chat.ClosedReason closedReason) {
        repository.addChat(11, new LimitSettingsRepository.ChatLimitState(limit, used, closedReason));
        return 11;
    }
}
