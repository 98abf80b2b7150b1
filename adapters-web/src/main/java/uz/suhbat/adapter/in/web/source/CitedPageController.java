package uz.suhbat.adapter.in.web.source;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.knowledge.CitedPageQuery;

/**
 * A source under an answer opens the page it cites, in a new tab: a one-page PDF cut out of the
 * model's document, never the document itself. The chat's owner opens it under {@code /c/…}, an
 * admin under {@code /admin/chats/…} (the admin security chain guards that path). Refusals are a
 * page with a sentence, since the link opens in a tab of its own: 404 for a chat the requester may
 * not read or a page the answer did not cite, 410 when the document has been deleted, 503 when the model exists but
 * this node does not have its file (a FILES_DIR that the nodes do not share).
 */
@Controller
class CitedPageController {

    private final CitedPageQuery citedPages;

    CitedPageController(CitedPageQuery citedPages) {
        this.citedPages = citedPages;
    }

    @GetMapping("/c/{chatId}/messages/{rank}/sources/{page}")
    Object forUser(@AuthenticationPrincipal SignedInUser user, @PathVariable long chatId, @PathVariable int rank, @PathVariable int page,
                   HttpServletResponse response, Model model) {
        return answer(citedPages.forUser(user.id(), chatId, rank, page), "/c/" + chatId, response, model);
    }

    @GetMapping("/admin/chats/{chatId}/messages/{rank}/sources/{page}")
    Object forAdmin(@PathVariable long chatId, @PathVariable int rank, @PathVariable int page, HttpServletResponse response, Model model) {
        return answer(citedPages.forAdmin(chatId, rank, page), "/admin/chats/" + chatId, response, model);
    }

    private static Object answer(CitedPageQuery.CitedPage cited, String chatPath, HttpServletResponse response, Model model) {
        return switch (cited) {
            case CitedPageQuery.Found found -> ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .contentLength(found.pdf().length)
                    .header(HttpHeaders.CONTENT_DISPOSITION, inline(fileName(found.documentName(), found.page())))
                    .header("X-Content-Type-Options", "nosniff")
                    .body(found.pdf());
            case CitedPageQuery.NotFound notFound -> refusal(HttpServletResponse.SC_NOT_FOUND, "chat.source.notFound", chatPath, response, model);
            case CitedPageQuery.Gone gone -> refusal(HttpServletResponse.SC_GONE, "chat.source.gone", chatPath, response, model);
            case CitedPageQuery.NotOnThisNode missing ->
                    refusal(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "chat.source.notOnThisNode", chatPath, response, model);
        };
    }

    private static String refusal(int status, String key, String chatPath, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("pageTitle", key + ".title");
        model.addAttribute("title", key + ".title");
        model.addAttribute("text", key + ".text");
        model.addAttribute("linkHref", chatPath);
        model.addAttribute("linkText", "chat.source.backToChat");
        return "message";
    }

    /** e.g. {@code Registan-report-p7.pdf}: the model's name in letters, digits and dashes, and the page. */
    static String fileName(String documentName, int page) {
        String name = documentName.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (name.codePointCount(0, name.length()) > 80) {
            name = name.substring(0, name.offsetByCodePoints(0, 80));
        }
        return (name.isEmpty() ? "page" : name) + "-p" + page + ".pdf";
    }

    /** The name as UTF-8 (RFC 6266) with a plain-ASCII fallback for clients that read only {@code filename}. */
    static String inline(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
