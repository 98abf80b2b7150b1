package uz.suhbat.application.fake;

import java.time.Instant;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPortContract;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class InMemoryChatLimitsTest extends ChatLimitPolicyPortContract {

    private InMemoryUserRepository users;
    private InMemoryChatLimits limits;

    @Override
    protected ChatLimitPolicyPort emptyPolicy() {
        users = new InMemoryUserRepository();
        limits = new InMemoryChatLimits(CONFIGURED.value(), users);
        return limits;
    }

    @Override
    protected long givenUser(String name) {
        return users.save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h", Instant.EPOCH, "uz")).id();
    }

    @Override
    protected void adminDefault(MessageLimit limit) {
        limits.defaultLimit(limit.value());
    }

    @Override
    protected void userLimit(long userId, MessageLimit limit) {
        limits.userLimit(userId, limit.value());
    }
}
