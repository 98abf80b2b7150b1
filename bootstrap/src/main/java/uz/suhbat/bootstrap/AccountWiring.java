package uz.suhbat.bootstrap;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.in.account.PasswordResetUseCase;
import uz.suhbat.application.port.in.account.ProfileUseCase;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.service.account.AccountMail;
import uz.suhbat.application.service.account.PasswordResetService;
import uz.suhbat.application.service.account.ProfileService;
import uz.suhbat.application.service.account.RegistrationService;
import uz.suhbat.application.service.account.SessionCheckService;

/** The account use cases, one service each, sharing one {@link AccountMail} (links, mail throttles, the mail queue). */
@Configuration(proxyBeanMethods = false)
class AccountWiring {

    @Bean
    AccountMail accountMail(AccountMailPort mail, OneTimeTokenRepository tokens, ThrottleRepository throttles, Clock clock,
                            SuhbatSettings settings, @Value("${server.port:8080}") int serverPort, ExecutorService accountMailQueue) {
        return new AccountMail(mail, tokens, throttles, clock, settings.linkBase(serverPort), accountMailQueue);
    }

    /** Registration and e-mail verification (RegisterUseCase, VerifyEmailUseCase). */
    @Bean
    RegistrationService registrationService(UserRepository users, OneTimeTokenRepository tokens, PasswordHashingPort hashing,
                                            AccountMail mail, Clock clock) {
        return new RegistrationService(users, tokens, hashing, mail, clock);
    }

    @Bean
    PasswordResetUseCase passwordResetUseCase(UserRepository users, OneTimeTokenRepository tokens, DeviceLoginRepository devices,
                                              PasswordHashingPort hashing, AccountMail mail, Clock clock) {
        return new PasswordResetService(users, tokens, devices, hashing, mail, clock);
    }

    @Bean
    ProfileUseCase profileUseCase(UserRepository users, DeviceLoginRepository devices, PasswordHashingPort hashing, AccountMail mail) {
        return new ProfileService(users, devices, hashing, mail);
    }

    @Bean
    SessionCheckQuery sessionCheckQuery(UserRepository users, DeviceLoginRepository devices,
                                        uz.suhbat.application.port.out.chat.NewChatReadPort newChats,
                                        uz.suhbat.application.port.out.account.SignedInReadPort signedIn) {
        // a request that starts a chat is checked with the read its new chat needs of its author (one read, not two), and a
        // remembered device's request reads its device in the same statement as its user
        return new SessionCheckService(users, devices, newChats, signedIn);
    }
}
