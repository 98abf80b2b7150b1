package uz.suhbat.adapter.in.web.i18n;

import java.nio.charset.StandardCharsets;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import uz.suhbat.application.port.in.account.ProfileUseCase;

/**
 * Message bundles, one per feature ({@code i18n/messages}, {@code i18n/api}, {@code i18n/chat}, {@code i18n/admin}):
 * the plain file is Uzbek in Latin script, the default; {@code _uz_Cyrl} Uzbek in Cyrillic script, {@code _ru}
 * Russian, {@code _en} English. Texts are ICU message patterns ({@link IcuMessageSource}).
 * {@code ?lang=uz|uz-Cyrl|ru|en} switches, is remembered on the device and, for a signed-in user, on the account.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfiguration implements WebMvcConfigurer {

    private final ProfileUseCase profiles;

    I18nConfiguration(ProfileUseCase profiles) {
        this.profiles = profiles;
    }

    @Bean
    MessageSource messageSource() {
        IcuMessageSource source = new IcuMessageSource();
        // one bundle per feature, so that features can grow without touching each other's files
        source.setBasenames("i18n/messages", "i18n/api", "i18n/chat", "i18n/admin");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    @Bean
    LocaleResolver localeResolver() {
        return new SuhbatLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch(localeResolver(), profiles));
    }
}
