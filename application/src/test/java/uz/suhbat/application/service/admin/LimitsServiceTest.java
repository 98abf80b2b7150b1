package uz.suhbat.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.in.admin.LimitsUseCase.ChatLimitChange;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository.ChatLimitState;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.audit.AuditEntry;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class LimitsServiceTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
    private final InMemoryLimitSettingsRepository settings = new InMemoryLimitSettingsRepository();
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryAdminRepository admins = new InMemoryAdminRepository();
    private final InMemoryAuditLogRepository audit = new InMemoryAuditLogRepository();
    private final LimitsService service = new LimitsService(settings, users, new AuditTrail(audit, admins, clock), new MessageLimit(50));
    private final Admin boss = admins.save(Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), "h", clock.instant()));

    @Test
    void givenNoStoredDefault_thenTheConfiguredOneApplies_andAChangeIsStoredAndAudited() {
        assertThat(service.defaultChatLimit()).isEqualTo(new MessageLimit(50));

        service.changeDefaultChatLimit(boss.id(), new MessageLimit(80));

        assertThat(service.defaultChatLimit()).isEqualTo(new MessageLimit(80));
        assertThat(audit.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DEFAULT_CHAT_LIMIT_CHANGED);
            assertThat(e.detail()).isEqualTo("50 → 80");
        });
    }

    @Test
    void givenAChatClosedByItsLimit_whenTheLimitIsRaisedAboveUsed_thenItOpensAgain() {
        settings.addChat(7, new ChatLimitState(10, 10, Chat.ClosedReason.LIMIT));

        Optional<ChatLimitChange> change = service.changeChatLimit(boss.id(), 7, new MessageLimit(15));

        assertThat(change).contains(new ChatLimitChange(10, 15, 10, false));
        assertThat(settings.chatLimit(7)).contains(new ChatLimitState(15, 10, null));
        assertThat(audit.all()).extracting(AuditEntry::action).containsExactly(AuditAction.CHAT_LIMIT_CHANGED);
    }

    @Test
    void givenAnOpenChat_whenTheLimitIsLoweredToWhatItUsed_thenItCloses() {
        settings.addChat(7, new ChatLimitState(50, 12, null));

        assertThat(service.changeChatLimit(boss.id(), 7, new MessageLimit(12))).contains(new ChatLimitChange(50, 12, 12, true));
        assertThat(settings.chatLimit(7)).contains(new ChatLimitState(12, 12, Chat.ClosedReason.LIMIT));
    }

    @Test
    void givenAChatClosedForAnotherReason_whenTheLimitIsRaised_thenItStaysClosed() {
        settings.addChat(7, new ChatLimitState(10, 10, Chat.ClosedReason.MODEL_DELETED));

        assertThat(service.changeChatLimit(boss.id(), 7, new MessageLimit(20)).orElseThrow().readOnly()).isTrue();
        assertThat(settings.chatLimit(7)).contains(new ChatLimitState(20, 10, Chat.ClosedReason.MODEL_DELETED));
    }

    @Test
    void givenNoSuchChatOrUser_thenNothingChanges() {
        assertThat(service.changeChatLimit(boss.id(), 404, new MessageLimit(5))).isEmpty();
        assertThat(service.changeUserChatLimit(boss.id(), 404, Optional.of(new MessageLimit(5)))).isFalse();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void givenAUser_whenTheirOwnLimitIsSetAndRemoved_thenBothAreAudited() {
        User aziz = users.save(User.register(new Username("aziz"), new EmailAddress("aziz@example.uz"), "h", clock.instant(), "uz"));
        settings.addUser(aziz.id());

        assertThat(service.changeUserChatLimit(boss.id(), aziz.id(), Optional.of(new MessageLimit(5)))).isTrue();
        assertThat(settings.userChatLimit(aziz.id())).contains(new MessageLimit(5));
        assertThat(service.changeUserChatLimit(boss.id(), aziz.id(), Optional.empty())).isTrue();
        assertThat(settings.userChatLimit(aziz.id())).isEmpty();
        assertThat(audit.all()).extracting(AuditEntry::detail).containsExactly("5", "—");
    }

    @Test
    void theDailyQuotaIsOffByDefault_andTurningItOnAndOffIsAudited() {
        assertThat(service.defaultDailyQuota()).isEmpty();

        service.changeDefaultDailyQuota(boss.id(), Optional.of(new DailyQuota(30)));
        assertThat(service.defaultDailyQuota()).contains(new DailyQuota(30));
        service.changeDefaultDailyQuota(boss.id(), Optional.empty());

        assertThat(service.defaultDailyQuota()).isEmpty();
        assertThat(audit.all()).extracting(e -> e.action() + " " + e.detail())
                .containsExactly("DEFAULT_DAILY_QUOTA_CHANGED — → 30", "DEFAULT_DAILY_QUOTA_CHANGED 30 → —");
    }

    @Test
    void givenAUser_whenTheirOwnDailyQuotaIsSet_thenItAppliesToThemAndIsAudited() {
        User aziz = users.save(User.register(new Username("aziz"), new EmailAddress("aziz@example.uz"), "h", clock.instant(), "uz"));
        settings.addUser(aziz.id());

        assertThat(service.changeUserDailyQuota(boss.id(), aziz.id(), Optional.of(new DailyQuota(7)))).isTrue();
        assertThat(service.changeUserDailyQuota(boss.id(), 404, Optional.of(new DailyQuota(7)))).isFalse();

        assertThat(settings.quotaOf(aziz.id())).contains(new DailyQuota(7));
        assertThat(audit.all()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.USER_DAILY_QUOTA_CHANGED);
            assertThat(e.detail()).isEqualTo("7");
        });
    }
}
