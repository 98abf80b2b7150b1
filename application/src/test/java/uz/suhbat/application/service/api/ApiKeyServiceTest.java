package uz.suhbat.application.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryApiKeys;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.ApiCaller;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.Check;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.Created;
import uz.suhbat.application.port.in.api.ApiKeysUseCase.Reason;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.domain.api.ApiKey;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class ApiKeyServiceTest {

    private final MutableClock clock = MutableClock.at("2026-11-29T08:00:00Z");
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryApiKeys keys = new InMemoryApiKeys(users);
    private final ApiKeyService service = new ApiKeyService(keys, clock);
    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private final InMemoryAuditLogRepository audit = new InMemoryAuditLogRepository();
    private final ApiAdministrationService administration = new ApiAdministrationService(keys, users, keys, new AuditTrail(audit, admins, clock), clock);
    private final Admin boss = admins.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "h", clock.instant()));
    private final User aziz = users.save(User.register(new Username("aziz"), new EmailAddress("aziz@example.uz"), "h", clock.instant(), "uz"));

    private Created.Made made(String name) {
        return (Created.Made) service.create(aziz.id(), name);
    }

    @Test
    void aNewKeyIsShownOnce_storedOnlyAsItsHash_andWorksAsABearerKey() {
        Created.Made made = made("  laptop ");

        assertThat(made.secret()).startsWith("sk-suhbat-").hasSize("sk-suhbat-".length() + 43);
        assertThat(made.key().name()).isEqualTo("laptop");
        assertThat(made.key().prefix()).isEqualTo(made.secret().substring(0, 16));
        assertThat(keys.findActive(ApiKeyService.hash(made.secret()))).isPresent();
        assertThat(service.keys(aziz.id())).extracting(ApiKey::name).containsExactly("laptop");
        assertThat(service.check(made.secret())).isEqualTo(new Check.Accepted(new ApiCaller(aziz.id(), made.key().id())));
        assertThat(service.keys(aziz.id()).getFirst().lastUsedAt()).isEqualTo(clock.instant());
        assertThat(made("laptop").secret()).as("every key is new").isNotEqualTo(made.secret());
    }

    @Test
    void aRevokedForgedOrMalformedKeyIsUnknown() {
        Created.Made made = made("bot");
        assertThat(service.revoke(aziz.id(), made.key().id())).isTrue();

        for (String key : List.of(made.secret(), "sk-suhbat-" + "A".repeat(43), "sk-other", "", "Bearer x")) {
            assertThat(service.check(key)).as(key).isEqualTo(new Check.Refused(Reason.UNKNOWN_KEY));
        }
        assertThat(service.check(null)).isEqualTo(new Check.Refused(Reason.UNKNOWN_KEY));
        assertThat(service.keys(aziz.id())).isEmpty();
    }

    @Test
    void aNameIsNeeded_andOneUserHoldsAtMostTwentyKeys() {
        assertThat(service.create(aziz.id(), " ")).isEqualTo(new Created.Rejected(Problem.API_KEY_NAME));
        assertThat(service.create(aziz.id(), "x".repeat(101))).isEqualTo(new Created.Rejected(Problem.API_KEY_NAME));
        for (int i = 0; i < ApiKeyService.MAX_KEYS; i++) {
            made("key " + i);
        }
        assertThat(service.create(aziz.id(), "one more")).isEqualTo(new Created.Rejected(Problem.API_KEY_TOO_MANY));
    }

    @Test
    void theAdminTurnsTheApiOffForEveryoneOrForOneUser_andABlockedOwnerIsRefused() {
        Created.Made made = made("laptop");

        administration.setApiOpen(boss.id(), false);
        assertThat(service.check(made.secret())).isEqualTo(new Check.Refused(Reason.API_OFF));
        assertThat(service.apiOpenFor(aziz.id())).isFalse();
        administration.setApiOpen(boss.id(), true);
        assertThat(service.check(made.secret())).isInstanceOf(Check.Accepted.class);

        assertThat(administration.setUserApiDisabled(boss.id(), " aziz ", true)).isTrue();
        assertThat(administration.usersWithApiOff()).containsExactly(java.util.Map.entry(aziz.id(), "aziz"));
        assertThat(administration.setUserApiDisabled(boss.id(), "nobody", true)).isFalse();
        assertThat(service.check(made.secret())).isEqualTo(new Check.Refused(Reason.API_OFF));
        administration.setUserApiDisabled(boss.id(), aziz.id(), false);

        users.save(users.findById(aziz.id()).orElseThrow().block("spam"));
        assertThat(service.check(made.secret())).isEqualTo(new Check.Refused(Reason.BLOCKED));
        assertThat(audit.all()).extracting(AuditEntry::action).containsExactly(AuditAction.API_ACCESS_CHANGED,
                AuditAction.API_ACCESS_CHANGED, AuditAction.USER_API_ACCESS_CHANGED, AuditAction.USER_API_ACCESS_CHANGED);
    }
}
