package uz.suhbat.bootstrap;

import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import uz.suhbat.adapter.in.web.WebConfiguration;
import uz.suhbat.adapter.out.ai.AiConfiguration;
import uz.suhbat.adapter.out.crypto.CryptoConfiguration;
import uz.suhbat.adapter.out.mail.MailConfiguration;
import uz.suhbat.adapter.out.persistence.PersistenceConfiguration;

/**
 * The one main class. Component scanning stays inside this package; each adapter brings its
 * beans through its public configuration class, and the core is wired by hand in
 * {@link UseCaseConfiguration}.
 */
// no generated in-memory user: users and admins sign in through their own providers
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(SuhbatSettings.class)
@Import({PersistenceConfiguration.class, AiConfiguration.class, MailConfiguration.class, CryptoConfiguration.class, WebConfiguration.class})
public class SuhbatApplication {

    public static void main(String[] args) {
        quietLibraries();
        SpringApplication app = new SpringApplication(SuhbatApplication.class);
        // .env in the working directory sits below real environment variables: placeholders such
        // as ${SERVER_PORT:8080} look in the environment first, then here, then use the default.
        app.setDefaultProperties(DotEnv.read(Path.of(".env")));
        app.run(args);
    }

    /** jOOQ prints a banner and a "tip of the day" at its first query unless told not to; the log is for the operator. */
    static void quietLibraries() {
        System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
        System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    }
}
