package uz.suhbat.application.fake;

import java.time.Instant;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.application.port.out.api.ApiKeyRepositoryContract;
import uz.suhbat.application.port.out.api.ApiUsageRepository;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class InMemoryApiKeysTest extends ApiKeyRepositoryContract {

    private InMemoryUserRepository users;
    private InMemoryApiKeys keys;

    @Override
    protected ApiKeyRepository emptyKeys() {
        users = new InMemoryUserRepository();
        keys = new InMemoryApiKeys(users);
        return keys;
    }

    @Override
    protected ApiUsageRepository usage() {
        return keys;
    }

    @Override
    protected long givenUser(String name, boolean blocked) {
        User user = User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", Instant.EPOCH, "uz");
        return users.save(blocked ? user.block("x") : user).id();
    }
}
