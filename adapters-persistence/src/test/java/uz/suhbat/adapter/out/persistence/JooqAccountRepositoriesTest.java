package uz.suhbat.adapter.out.persistence;

import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Nested;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.DeviceLoginRepositoryContract;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepositoryContract;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.account.UserRepositoryContract;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.port.out.security.ThrottleRepositoryContract;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class JooqAccountRepositoriesTest {

    private static long user(DSLContext db, String name) {
        return new JooqUserRepository(db).save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h",
                Instant.parse("2026-11-26T08:00:00Z"), "uz")).id();
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository emptyRepository() {
            return new JooqUserRepository(TestDatabase.emptied());
        }
    }

    @Nested
    class Devices extends DeviceLoginRepositoryContract {
        private long[] users;

        @Override
        protected DeviceLoginRepository emptyRepository() {
            DSLContext db = TestDatabase.emptied();
            users = new long[] {user(db, "owner1"), user(db, "owner2")};
            return new JooqDeviceLoginRepository(db);
        }

        @Override
        protected long userId(int which) {
            return users[which - 1];
        }
    }

    @Nested
    class Tokens extends OneTimeTokenRepositoryContract {
        private long user;

        @Override
        protected OneTimeTokenRepository emptyRepository() {
            DSLContext db = TestDatabase.emptied();
            user = user(db, "tokenowner");
            return new JooqOneTimeTokenRepository(db);
        }

        @Override
        protected long userId() {
            return user;
        }
    }

    @Nested
    class Throttles extends ThrottleRepositoryContract {
        @Override
        protected ThrottleRepository emptyRepository() {
            return new JooqThrottleRepository(TestDatabase.emptied());
        }
    }
}
