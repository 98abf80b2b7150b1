package uz.suhbat.adapter.out.mail;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import uz.suhbat.application.port.out.account.AccountMailPort;

/** The mail adapter's beans. Needs a {@link MailSettings} bean from bootstrap. */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    AccountMailPort accountMailPort(MailSettings settings) {
        AccountMailTexts texts = new AccountMailTexts(mailMessages());
        if (!settings.smtp()) {
            return new LoggedAccountMail(texts);
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.host().strip());
        sender.setPort(settings.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties props = sender.getJavaMailProperties();
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        if (settings.username() != null && !settings.username().isBlank()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            props.put("mail.smtp.auth", "true");
            props.put("mail.smtp.starttls.enable", "true");
        }
        return new SmtpAccountMail(sender, settings.from(), texts);
    }

    private static ResourceBundleMessageSource mailMessages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("mail/messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
