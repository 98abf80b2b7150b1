package uz.suhbat.bootstrap;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.attachment.AttachmentTextPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.StemmerPort;
import uz.suhbat.application.service.attachment.AttachmentService;
import uz.suhbat.application.service.chat.AnswerStarter;
import uz.suhbat.application.service.chat.MessageVersionsService;
import uz.suhbat.application.service.chat.ModelCatalog;
import uz.suhbat.application.service.knowledge.PassageSearch;

/** Issue 16's files attached to messages: their settings, the service, its place in every answer and its clean-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentWiring.AttachmentSettings.class)
class AttachmentWiring {

    /**
     * {@code ATTACHMENT_MAX_MB}, {@code ATTACHMENT_MAX_PAGES}, {@code ATTACHMENTS_PER_MESSAGE}, {@code ATTACHMENT_INLINE_TOKENS},
     * {@code OPENAI_VISION_MODELS} (application.properties; README and docs/api.md explain them).
     */
    @ConfigurationProperties("suhbat.attachments")
    record AttachmentSettings(int maxMb, int maxPages, int perMessage, int inlineTokens, List<String> visionModels) {
        AttachmentService.Settings forService() {
            return new AttachmentService.Settings(maxMb * 1024L * 1024L, maxPages, perMessage, inlineTokens,
                    visionModels == null ? List.of() : visionModels.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
    }

    @Bean
    PassageSearch passageSearch(EmbeddingModelsPort embeddings, StemmerPort stemmer, SuhbatSettings settings) {
        return new PassageSearch(embeddings, stemmer, settings.knowledge().topK(), settings.knowledge().minScore(),
                settings.knowledge().contextTokens());
    }

    @Bean
    AttachmentService attachmentService(AttachmentRepository attachments, AttachmentTextPort texts, ChatRepository chats,
                                        PassageSearch search, AttachmentSettings settings, Clock clock, AnswerStarter answers,
                                        ClusterHousekeeping housekeeping, ModelCatalog catalog, MessageVersionsService versions) {
        AttachmentService service = new AttachmentService(attachments, texts, chats, search, settings.forService(), clock);
        // one answer to "does it read pictures": OPENAI_VISION_MODELS for OPENAI_*, the admin's box for a connection's model
        service.vision(new AttachmentService.Vision(catalog::vision, catalog::visionIds));
        // every answer sends the chat's files; uploads no message carried are deleted after a day, by one node a minute
        answers.attachments(service);
        // a question removed unanswered leaves its files, so that the next question given its rank does not show them
        versions.attachments(service);
        housekeeping.add("attachments never sent", service::deleteAbandoned);
        return service;
    }
}
