package uz.suhbat.application.fake;

import org.junit.jupiter.api.Nested;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.DeviceLoginRepositoryContract;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepositoryContract;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.account.UserRepositoryContract;

class InMemoryAccountRepositoriesTest {

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository emptyRepository() {
            return new InMemoryUserRepository();
        }
    }

    @Nested
    class Devices extends DeviceLoginRepositoryContract {
        @Override
        protected DeviceLoginRepository emptyRepository() {
            return new InMemoryDeviceLoginRepository();
        }

        @Override
        protected long userId(int which) {
            return which;
        }
    }

    @Nested
    class Tokens extends OneTimeTokenRepositoryContract {
        @Override
        protected OneTimeTokenRepository emptyRepository() {
            return new InMemoryOneTimeTokenRepository();
        }

        @Override
        protected long userId() {
            return 7;
        }
    }
}
