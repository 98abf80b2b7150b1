package uz.suhbat.adapter.in.web.admin;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import uz.suhbat.domain.report.ChatTranscript;

/**
 * Chat transcripts as one PDF, each chat from a new page: the print page's template ({@code admin/chat-print})
 * rendered with a stylesheet for paper ({@code pdf/transcript.css}) and turned into PDF by openhtmltopdf.
 * DejaVu Sans comes from the classpath ({@code pdf/}, licence beside it) and is embedded as a subset, so
 * Uzbek Latin (ʻ, U+02BB) and Cyrillic come out as written on any machine.
 */
@Component
class TranscriptPdfs {

    private static final String FONT = "DejaVu Sans";

    private final Template template;
    private final MessageSource messages;
    private final String style;

    /** Gives the lookup of models' names for one export; without {@link ModelNames}, ids stay ids. */
    private final java.util.function.Supplier<java.util.function.Function<String, String>> modelNames;

    TranscriptPdfs(Mustache.Compiler compiler, MessageSource messages) {
        this(compiler, messages, () -> id -> id);
    }

    @org.springframework.beans.factory.annotation.Autowired
    TranscriptPdfs(Mustache.Compiler compiler, MessageSource messages, ModelNames modelNames) {
        this(compiler, messages, modelNames::lookup);
    }

    private TranscriptPdfs(Mustache.Compiler compiler, MessageSource messages,
                           java.util.function.Supplier<java.util.function.Function<String, String>> modelNames) {
        this.modelNames = modelNames;
        this.template = compiler.loadTemplate("admin/chat-print");
        this.messages = messages;
        this.style = resource("transcript.css");
    }

    /** The chats in the order given, labels in {@code locale}'s language. */
    byte[] render(List<ChatTranscript> transcripts, Locale locale) {
        Map<String, Object> page = new HashMap<>();
        page.put("lang", locale.toLanguageTag());
        page.put("pdfStyle", style);
        java.util.function.Function<String, String> names = modelNames.get();
        page.put("transcripts", transcripts.stream().map(TranscriptPdfs::xmlSafe).map(TranscriptView::of).map(v -> v.named(names)).toList());
        // the times are the viewer's (the request's zone): the export says which
        page.put("timeZone", uz.suhbat.adapter.in.web.i18n.Formats.zoneName());
        // the page's own "t" escapes with named references (&mdash;) that XML does not know; this one with numbers
        page.put("t", (Mustache.Lambda) (fragment, out) -> {
            String key = fragment.execute().strip();
            out.write(Escapers.HTML.escape(messages.getMessage(key, null, key, locale)));
        });
        String xhtml = template.execute(page);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> stream("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> stream("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /** Text XML cannot hold (control characters, lone surrogates) left out, so that any message renders. */
    private static ChatTranscript xmlSafe(ChatTranscript transcript) {
        return new ChatTranscript(transcript.chat(), transcript.userEmail(), transcript.messages().stream()
                .map(m -> new ChatTranscript.Line(m.rank(), m.role(), xmlText(m.content()), m.createdAt(), m.model(), m.status(),
                        m.inputTokens(), m.outputTokens(), m.sources()))
                .toList());
    }

    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static InputStream stream(String name) {
        InputStream in = TranscriptPdfs.class.getResourceAsStream("/pdf/" + name);
        if (in == null) {
            throw new IllegalStateException("pdf/" + name + " is missing from the classpath (adapters-web's resources)");
        }
        return in;
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
