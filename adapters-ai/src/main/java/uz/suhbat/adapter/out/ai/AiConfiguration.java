package uz.suhbat.adapter.out.ai;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.export.ChatTranscriptPdfPort;

/**
 * The AI adapter's beans, one per out-port it implements. It reads no environment itself:
 * {@code bootstrap} provides an {@link OpenAiSettings} bean from its configuration.
 */
@Configuration(proxyBeanMethods = false)
public class AiConfiguration {

    /** Closed with the context, which stops its retry scheduler and stream readers. */
    @Bean
    public ChatModelPort chatModelPort(OpenAiSettings settings) {
        return new OpenAiChatModel(settings);
    }

    @Bean
    public ChatTranscriptPdfPort chatTranscriptPdfPort() {
        return new PdfChatTranscripts(PdfChatTranscripts.DEFAULT_FONT_DIR);
    }
}
