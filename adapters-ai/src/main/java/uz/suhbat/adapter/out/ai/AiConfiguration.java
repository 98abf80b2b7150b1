package uz.suhbat.adapter.out.ai;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingPort;
import uz.suhbat.application.port.out.export.ChatTranscriptPdfPort;

/**
 * The AI adapter's beans, one per out-port it implements. It reads no environment itself:
 * {@code bootstrap} provides an {@link OpenAiSettings} bean from its configuration.
 */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    /** Generous for manuals and books, small enough that one upload cannot occupy the server for hours. */
    static final int MAX_PDF_PAGES = 2000;
    static final Duration PDF_READ_BUDGET = Duration.ofSeconds(120);

    /** Closed with the context, which stops its retry scheduler and stream readers. */
    @Bean
    public ChatModelPort chatModelPort(OpenAiSettings settings) {
        return new OpenAiChatModel(settings);
    }

    @Bean
    public EmbeddingPort embeddingPort() {
        return new MiniLmEmbeddings();
    }

    @Bean
    public DocumentTextPort documentTextPort() {
        return new PdfDocumentText(MAX_PDF_PAGES, PDF_READ_BUDGET);
    }

    @Bean
    public ChatTranscriptPdfPort chatTranscriptPdfPort() {
        return new PdfChatTranscripts(PdfChatTranscripts.DEFAULT_FONT_DIR);
    }
}
