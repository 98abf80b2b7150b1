package uz.suhbat.bootstrap;

import java.time.Clock;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.adapter.out.crypto.CryptoConfiguration;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.provider.ConnectionOffers;
import uz.suhbat.application.service.provider.ConnectionsService;

/**
 * Connections to model providers (the admin's Connections page): SECRET_KEY's box for their keys, the chosen models
 * as the model catalog sees them, and the page's use case. The routing chat model itself is the AI adapter's
 * ({@code AiConfiguration#routingChatModelPort}).
 */
@Configuration(proxyBeanMethods = false)
class ConnectionsWiring {

    /** SECRET_KEY: empty means connections can be added without a key only; shorter than 16 characters stops the start. */
    @Bean
    SecretBoxPort secretBoxPort(@Value("${suhbat.secret-key:}") String secretKey) {
        return CryptoConfiguration.secretBox(secretKey);
    }

    @Bean
    ConnectionOffers connectionOffers(ConnectionRepository connections) {
        return new ConnectionOffers(connections);
    }

    @Bean
    ManageConnectionsUseCase manageConnectionsUseCase(ConnectionRepository connections, ConnectionOffers offers, SecretBoxPort box,
                                                      ProviderClientsPort providers, AuditTrail audit, Clock clock, SuhbatSettings settings) {
        return new ConnectionsService(connections, offers, box, providers, audit, clock,
                new ConnectionsService.FromSettings(settings.openai().baseUrl(), settings.openai().apiKey(), settings.openai().models()));
    }

    /** Which models of OPENAI_* read images: OPENAI_VISION_MODELS, so that {@code ModelCatalog#vision} answers for both kinds. */
    static Predicate<String> openAiVision(AttachmentWiring.AttachmentSettings attachments) {
        java.util.Set<String> vision = java.util.Set.copyOf(attachments.forService().visionModels());
        return vision::contains;
    }
}
