package uz.suhbat.adapter.out.persistence;

import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.chat.AnswerStopRepository;
import uz.suhbat.application.port.out.security.SecretKeyRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultTransactionProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.application.port.out.admin.ChatArchivePort;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.application.port.out.admin.UserReportPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository;
import uz.suhbat.domain.limit.MessageLimit;

/** The persistence adapter's beans: one per out-port it implements. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    uz.suhbat.application.port.out.api.ApiKeyRepository apiKeyRepository(DSLContext db) {
        return new JooqApiKeyRepository(db);
    }

    @Bean
    uz.suhbat.application.port.out.api.ApiUsageRepository apiUsageRepository(DSLContext db) {
        return new JooqApiUsageRepository(db);
    }

    @Bean
    AdminRepository adminRepository(DSLContext db) {
        return new JooqAdminRepository(db);
    }

    @Bean
    UserRepository userRepository(DSLContext db) {
        return new JooqUserRepository(db);
    }

    @Bean
    OneTimeTokenRepository oneTimeTokenRepository(DSLContext db) {
        return new JooqOneTimeTokenRepository(db);
    }

    @Bean
    DeviceLoginRepository deviceLoginRepository(DSLContext db) {
        return new JooqDeviceLoginRepository(db);
    }

    /** Its write transactions run on the {@link TransactionConnections} when bootstrap provides them. */
    @Bean
    ChatRepository chatRepository(DSLContext db, ObjectProvider<TransactionConnections> transactionConnections) {
        TransactionConnections connections = transactionConnections.getIfAvailable();
        return connections == null ? new JooqChatRepository(db)
                : new JooqChatRepository(db, transactional(db, connections.dataSource()), true);
    }

    /** "One answer per chat at a time": single autocommit UPDATEs on the chat's row. */
    @Bean
    AnswerGuardPort answerGuardPort(DSLContext db) {
        return new JooqAnswerGuard(db);
    }

    /** The same jOOQ settings and listeners, on connections whose autocommit is off, with jOOQ's own transactions. */
    static DSLContext transactional(DSLContext db, DataSource dataSource) {
        ConnectionProvider connections = new DataSourceConnectionProvider(dataSource);
        return DSL.using(db.configuration().derive(connections).derive(new DefaultTransactionProvider(connections)));
    }

    @Bean
    KnowledgeModelRepository knowledgeModelRepository(DSLContext db) {
        return new JooqKnowledgeModelRepository(db);
    }

    /** Needs a {@link PersistenceSettings} bean from bootstrap. */
    @Bean
    DocumentFilesPort documentFiles(PersistenceSettings settings) {
        return new FileDocumentStore(settings.filesDir());
    }

    @Bean
    AuditLogRepository auditLogRepository(DSLContext db) {
        return new JooqAuditLogRepository(db);
    }

    @Bean
    UserReportPort userReportPort(DSLContext db) {
        return new JooqUserReport(db);
    }

    @Bean
    UsageStatsPort usageStatsPort(DSLContext db, java.time.Clock clock) {
        return new JooqUsageStats(db, clock);
    }

    @Bean
    ChatArchivePort chatArchivePort(DSLContext db) {
        return new JooqChatArchive(db);
    }

    @Bean
    LimitSettingsRepository limitSettingsRepository(DSLContext db) {
        return new JooqLimitSettingsRepository(db);
    }

    @Bean
    DailyQuotaPort dailyQuotaPort(DSLContext db) {
        return new JooqDailyQuotas(db);
    }

    /** {@code configuredChatLimit} is CHAT_MESSAGE_LIMIT, a bean that bootstrap provides. */
    @Bean
    ChatLimitPolicyPort chatLimitPolicyPort(DSLContext db, MessageLimit configuredChatLimit) {
        return new JooqChatLimitPolicy(db, configuredChatLimit);
    }

    /** A new chat's reads of its author (limit, daily quota, custom instructions) in one statement. */
    @Bean
    JooqNewChatRead newChatReadPort(DSLContext db, MessageLimit configuredChatLimit) {
        return new JooqNewChatRead(db, new JooqChatLimitPolicy(db, configuredChatLimit));
    }

    /** The session check's read of a remembered device's request: the user (or a new chat's author) and the device in one statement. */
    @Bean
    uz.suhbat.application.port.out.account.SignedInReadPort signedInReadPort(DSLContext db, JooqNewChatRead newChats) {
        return new JooqSignedInRead(db, newChats);
    }

    @Bean
    ThrottleRepository throttleRepository(DSLContext db) {
        return new JooqThrottleRepository(db);
    }

    @Bean
    SecretKeyRepository secretKeyRepository(DSLContext db) {
        return new JooqSecretKeyRepository(db);
    }

    @Bean
    uz.suhbat.application.port.out.provider.ConnectionRepository connectionRepository(DSLContext db) {
        return new JooqConnectionRepository(db);
    }

    @Bean
    AnswerStopRepository answerStopRepository(DSLContext db) {
        return new JooqAnswerStopRepository(db);
    }

    // the conversation controls of issue 15: shelf (pins, archives, title source), a user's search, share links, feedback

    @Bean
    uz.suhbat.application.port.out.conversation.ChatShelfRepository chatShelfRepository(DSLContext db) {
        return new JooqChatShelf(db);
    }

    @Bean
    uz.suhbat.application.port.out.conversation.ChatSearchRepository chatSearchRepository(DSLContext db) {
        return new JooqChatSearch(db);
    }

    @Bean
    uz.suhbat.application.port.out.conversation.ChatShareRepository chatShareRepository(DSLContext db) {
        return new JooqChatShares(db);
    }

    @Bean
    uz.suhbat.application.port.out.conversation.FeedbackRepository feedbackRepository(DSLContext db) {
        return new JooqFeedback(db);
    }

    @Bean
    uz.suhbat.application.port.out.conversation.SharingSettingRepository sharingSettingRepository(DSLContext db) {
        return new JooqSharingSetting(db);
    }

    @Bean
    uz.suhbat.application.port.out.account.PreferenceRepository preferenceRepository(DSLContext db) {
        return new JooqPreferenceRepository(db);
    }

    /** Files attached to messages (V140). */
    @Bean
    uz.suhbat.application.port.out.attachment.AttachmentRepository attachmentRepository(DSLContext db) {
        return new JooqAttachmentRepository(db);
    }
}
