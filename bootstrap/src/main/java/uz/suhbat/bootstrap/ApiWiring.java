package uz.suhbat.bootstrap;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.in.api.ApiAdministrationUseCase;
import uz.suhbat.application.port.in.api.ApiCompletionUseCase;
import uz.suhbat.application.port.in.api.ApiKeysUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.application.port.out.api.ApiUsageRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.api.ApiAdministrationService;
import uz.suhbat.application.service.api.ApiKeyService;
import uz.suhbat.application.service.chat.ApiCompletionService;
import uz.suhbat.application.service.chat.ModelCatalog;
import uz.suhbat.application.service.chat.PdfModels;

/** The OpenAI-compatible API: personal keys, the completions (on the chat's model catalog and quota) and the admin's side. */
@Configuration(proxyBeanMethods = false)
class ApiWiring {

    @Bean
    ApiKeysUseCase apiKeysUseCase(ApiKeyRepository keys, Clock clock) {
        return new ApiKeyService(keys, clock);
    }

    /** API_STORE_CONTENT decides whether the words of API calls are kept. */
    @Bean
    ApiCompletionUseCase apiCompletionUseCase(UserRepository users, ChatModelPort model, ModelCatalog catalog, PdfModels pdfModels,
                                              DailyQuotaPort quotas, ApiUsageRepository usage, SuhbatSettings settings, Clock clock) {
        return new ApiCompletionService(users, model, catalog, pdfModels, quotas, usage, settings.apiStoreContent(), clock);
    }

    @Bean
    ApiAdministrationUseCase apiAdministrationUseCase(ApiKeyRepository keys, UserRepository users, ApiUsageRepository usage,
                                                      AuditTrail audit, Clock clock) {
        return new ApiAdministrationService(keys, users, usage, audit, clock);
    }
}
