package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.chat.ChatRepositoryContract;

class InMemoryChatRepositoryTest extends ChatRepositoryContract {

    @Override
    protected ChatRepository emptyRepository() {
        return new InMemoryChatRepository();
    }

    @Override
    protected long userId(int which) {
        return which;
    }
}
