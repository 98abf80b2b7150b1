package uz.suhbat.adapter.out.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.port.out.security.SecretBoxPort;

/** The crypto adapter's beans: password hashing, and the box that seals connections' API keys under SECRET_KEY. */
@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    @Bean
    public PasswordHashingPort passwordHashingPort() {
        return new Argon2PasswordHashing();
    }

    /**
     * The box that seals secrets under {@code secretKey} (SECRET_KEY; null or blank: none, nothing can be sealed).
     * Bootstrap makes the bean from its settings, as the adapter reads no environment itself.
     *
     * @throws IllegalArgumentException when the secret is shorter than 16 characters
     */
    public static SecretBoxPort secretBox(String secretKey) {
        return new AesGcmSecretBox(secretKey);
    }
}
