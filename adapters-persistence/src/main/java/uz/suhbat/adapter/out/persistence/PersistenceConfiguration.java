package uz.suhbat.adapter.out.persistence;

import org.jooq.DSLContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.chat.ChatLimitPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;

/** The persistence adapter's beans: one per out-port it implements. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

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

    @Bean
    ChatRepository chatRepository(DSLContext db) {
        return new JooqChatRepository(db);
    }

    @Bean
    ChatLimitPort chatLimitPort(DSLContext db) {
        return new JooqChatLimits(db);
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
}
