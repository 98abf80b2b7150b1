package uz.suhbat.adapter.out.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.security.PasswordHashingPort;

/** The crypto adapter's beans: password hashing. */
@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    public PasswordHashingPort passwordHashingPort() {
        return new Argon2PasswordHashing();
    }
}
