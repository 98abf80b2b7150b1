package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.application.port.in.conversation.ShareChatUseCase;

/**
 * A shared chat, read-only, for anyone with the link ({@code /s/{token}}, no sign-in): the chat as it was when shared,
 * with its title and model but nothing of its owner, kept out of search engines ({@code noindex}); the files attached
 * to its questions by name and kind only (their content is not shared). An unknown, revoked
 * or deleted chat's link, or any link while an admin has sharing off, answers 404.
 */
@Controller
class SharedChatController {

    private final ShareChatUseCase sharing;

    SharedChatController(ShareChatUseCase sharing) {
        this.sharing = sharing;
    }

    @GetMapping("/s/{token}")
    String shared(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        ShareChatUseCase.SharedChat chat = sharing.shared(token).orElse(null);
        if (chat == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("pageTitle", "share.notFound.title");
            model.addAttribute("title", "share.notFound.title");
            model.addAttribute("text", "share.notFound.text");
            model.addAttribute("linkHref", "/");
            model.addAttribute("linkText", "share.toSuhbat");
            return "message";
        }
        model.addAttribute("pageTitle", "share.pageTitle");
        model.addAttribute("stylesheets", List.of("/css/chat.css", "/css/shared.css"));
        model.addAttribute("title", chat.title());
        model.addAttribute("model", chat.model());
        model.addAttribute("sharedAt", Formats.minute(chat.sharedAt()) + " UTC");
        model.addAttribute("messages", chat.messages().stream()
                .map(m -> Map.<String, Object>of("role", m.role(), "user", "user".equals(m.role()), "content", m.content(),
                        "hasFiles", !m.files().isEmpty(), "files", m.files().stream().map(SharedChatController::file).toList()))
                .toList());
        model.addAttribute("hasFiles", chat.messages().stream().anyMatch(m -> !m.files().isEmpty()));
        return "shared";
    }

    /** A file of a question as a chip: its kind and name, pages or "picture"; never a link (the link serves no file). */
    private static Map<String, Object> file(ShareChatUseCase.SharedFile file) {
        return Map.of("name", file.name(), "label", "text".equals(file.kind()) ? "TXT" : file.kind().toUpperCase(java.util.Locale.ROOT),
                "image", file.image(), "pages", file.pages());
    }
}
