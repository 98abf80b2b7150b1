package uz.suhbat.adapter.out.ai;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import uz.suhbat.application.port.out.provider.ConnectionRepository;
import uz.suhbat.application.port.out.provider.ProviderClientsPort;
import uz.suhbat.application.port.out.security.SecretBoxPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ContextWindowPort;
import uz.suhbat.application.port.out.knowledge.DocumentPagesPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.knowledge.StemmerPort;

/**
 * The AI adapter's beans, one per out-port it implements. It reads no environment itself:
 * {@code bootstrap} provides {@link OpenAiSettings}, {@link PdfSettings} and {@link EmbeddingSettings} beans from its configuration.
 */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    /** Closed with the context, which stops its retry scheduler and stream readers. */
    @Bean
    public ChatModelPort chatModelPort(OpenAiSettings settings) {
        return new OpenAiChatModel(settings);
    }

    /** The factory of connection clients per kind (the admin's Connections page), with the timeouts of OPENAI_*. */
    @Bean
    public ProviderClientsPort providerClientsPort(OpenAiSettings settings) {
        return new ProviderClients(settings);
    }

    /**
     * What the application gets as its chat model: each prompt goes to the connection of its model ({@code conn-<id>/...}),
     * any other to {@link #chatModelPort} (OPENAI_*). Closed with the context, with the clients it made.
     */
    @Bean
    @Primary
    public ChatModelPort routingChatModelPort(@Qualifier("chatModelPort") ChatModelPort fromSettings, ConnectionRepository connections,
                                              SecretBoxPort box, ProviderClientsPort providers) {
        return new RoutingChatModel(fromSettings, connections, box, providers);
    }

    /** OpenAI's context windows, for the chat to tell when a conversation no longer fits. */
    @Bean
    public ContextWindowPort contextWindowPort() {
        return new OpenAiContextWindows();
    }

    @Bean
    public EmbeddingPort embeddingPort() {
        return new MiniLmEmbeddings();
    }

    /** MiniLM, plus the upstream's and a local ONNX model's embeddings when an {@link EmbeddingSettings} bean names them. */
    @Bean
    public EmbeddingModelsPort embeddingModelsPort(EmbeddingPort miniLm, OpenAiSettings openAi, ObjectProvider<EmbeddingSettings> settings) {
        return new ConfiguredEmbeddingModels(miniLm, openAi, settings.getIfAvailable(() -> EmbeddingSettings.NONE));
    }

    @Bean
    public StemmerPort stemmerPort() {
        return new SnowballStemmers();
    }

    /** {@link PdfSettings#DEFAULTS} unless a {@link PdfSettings} bean says otherwise. */
    @Bean
    public DocumentTextPort documentTextPort(ObjectProvider<PdfSettings> settings) {
        PdfSettings pdf = settings.getIfAvailable(() -> PdfSettings.DEFAULTS);
        return new PdfDocumentText(pdf.maxPages(), pdf.ingestTimeout());
    }

    @Bean
    public DocumentPagesPort documentPagesPort() {
        return new PdfPages();
    }

    /** The text of documents attached to messages (PDF, DOCX, text). */
    @Bean
    public uz.suhbat.application.port.out.attachment.AttachmentTextPort attachmentTextPort() {
        return new AttachmentTexts();
    }
}
