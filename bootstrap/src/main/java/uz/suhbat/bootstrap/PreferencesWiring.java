package uz.suhbat.bootstrap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.application.service.account.PreferencesService;

/** Issue 16's use cases: custom instructions and themes. */
@Configuration(proxyBeanMethods = false)
class PreferencesWiring {

    @Bean
    PreferencesService preferencesService(PreferenceRepository preferences) {
        return new PreferencesService(preferences);
    }
}
