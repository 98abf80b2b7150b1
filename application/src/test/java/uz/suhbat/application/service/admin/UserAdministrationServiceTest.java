package uz.suhbat.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryApiKeys;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class UserAdministrationServiceTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private final InMemoryAuditLogRepository audit = new InMemoryAuditLogRepository();
    private final InMemoryApiKeys apiKeys = new InMemoryApiKeys(users);
    private final UserAdministrationService service = new UserAdministrationService(
            search -> new Page<>(List.of(), 0, search.page(), search.pageSize()), users, new AuditTrail(audit, admins, clock), apiKeys,
            clock);
    private final Admin boss = admins.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "h", clock.instant()));
    private final User aziz = users.save(User.register(new Username("aziz"), new EmailAddress("aziz@example.uz"), "h", clock.instant(), "uz"));

    @Test
    void givenAUser_whenBlocked_thenTheReasonIsKeptEverySessionEndsAndItIsAudited() {
        assertThat(service.block(boss.id(), aziz.id(), "  Spam links  ")).isTrue();

        User blocked = users.findById(aziz.id()).orElseThrow();
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.blockedReason()).isEqualTo("Spam links");
        assertThat(blocked.sessionEpoch()).as("sessions of the old epoch end").isEqualTo(aziz.sessionEpoch() + 1);
        assertThat(audit.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.USER_BLOCKED);
            assertThat(e.target()).isEqualTo("aziz (#" + aziz.id() + ")");
            assertThat(e.detail()).isEqualTo("Spam links");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void givenAUserWithApiKeys_whenBlocked_thenEveryKeyIsRevoked() {
        apiKeys.create(aziz.id(), "laptop", "sk-suhbat-aaaaaa", "a".repeat(64), clock.instant());
        apiKeys.create(aziz.id(), "bot", "sk-suhbat-bbbbbb", "b".repeat(64), clock.instant());

        service.block(boss.id(), aziz.id(), null);

        assertThat(apiKeys.activeKeys(aziz.id())).isEmpty();
        assertThat(apiKeys.findActive("a".repeat(64))).isEmpty();
    }

    @Test
    void givenABlockedUser_whenUnblocked_thenTheyMaySignInAgain() {
        service.block(boss.id(), aziz.id(), null);

        assertThat(service.unblock(boss.id(), aziz.id())).isTrue();

        User user = users.findById(aziz.id()).orElseThrow();
        assertThat(user.maySignIn()).isTrue();
        assertThat(user.blockedReason()).isNull();
        assertThat(audit.all()).extracting(AuditEntry::action).containsExactly(AuditAction.USER_BLOCKED, AuditAction.USER_UNBLOCKED);
    }

    @Test
    void givenNoSuchUser_whenBlockingOrUnblocking_thenNothingHappens() {
        assertThat(service.block(boss.id(), 999, "x")).isFalse();
        assertThat(service.unblock(boss.id(), 999)).isFalse();
        assertThat(audit.all()).isEmpty();
    }
}
