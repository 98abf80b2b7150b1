package uz.suhbat.bootstrap;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.application.port.in.admin.AuditLogQuery;
import uz.suhbat.application.port.in.admin.ChatArchiveQuery;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.application.port.in.admin.ManageAdminsUseCase;
import uz.suhbat.application.port.in.admin.UsageStatsQuery;
import uz.suhbat.application.port.in.admin.UserAdministrationUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.application.port.out.admin.ChatArchivePort;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.application.port.out.admin.UserReportPort;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.SecretKeyRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.service.admin.AdminAccountsService;
import uz.suhbat.application.service.admin.AdminSignInService;
import uz.suhbat.application.service.account.ThrottledPasswordCheck;
import uz.suhbat.application.service.admin.AuditLogService;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.admin.ChatArchiveService;
import uz.suhbat.application.service.admin.LimitsService;
import uz.suhbat.application.service.admin.UsageStatsService;
import uz.suhbat.application.service.admin.UserAdministrationService;
import uz.suhbat.domain.limit.MessageLimit;

/** The admin panel's services, created with {@code new} and given the adapters' ports. */
@Configuration(proxyBeanMethods = false)
class AdminWiring {

    /** CHAT_MESSAGE_LIMIT: what new chats get until an admin sets a default (the persistence adapter's limit policy uses it too). */
    @Bean
    MessageLimit configuredChatLimit(SuhbatSettings settings) {
        return new MessageLimit(settings.chatMessageLimit());
    }

    @Bean
    AdminSignInUseCase adminSignInUseCase(AdminRepository admins, PasswordHashingPort hashing, ThrottleRepository throttles,
                                          SecretKeyRepository secrets, Clock clock) {
        return new AdminSignInService(admins, ThrottledPasswordCheck.forAdmins(hashing, throttles, secrets, clock));
    }

    @Bean
    ManageAdminsUseCase manageAdminsUseCase(AdminRepository admins, PasswordHashingPort hashing, AuditTrail audit, Clock clock) {
        return new AdminAccountsService(admins, hashing, audit, clock);
    }

    @Bean
    UserAdministrationUseCase userAdministrationUseCase(UserReportPort reports, UserRepository users, AuditTrail audit,
                                                        uz.suhbat.application.port.out.api.ApiKeyRepository apiKeys, Clock clock) {
        return new UserAdministrationService(reports, users, audit, apiKeys, clock);
    }

    @Bean
    UsageStatsQuery usageStatsQuery(UsageStatsPort stats, Clock clock) {
        return new UsageStatsService(stats, clock);
    }

    @Bean
    ChatArchiveQuery chatArchiveQuery(ChatArchivePort archive) {
        return new ChatArchiveService(archive);
    }

    @Bean
    LimitsUseCase limitsUseCase(LimitSettingsRepository settings, UserRepository users, AuditTrail audit, MessageLimit configuredChatLimit) {
        return new LimitsService(settings, users, audit, configuredChatLimit);
    }

    @Bean
    AuditLogQuery auditLogQuery(AuditLogRepository audit) {
        return new AuditLogService(audit);
    }
}
