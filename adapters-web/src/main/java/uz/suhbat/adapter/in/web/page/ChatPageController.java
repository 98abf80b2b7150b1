package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.in.web.security.CurrentAccount;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.adapter.in.web.chat.Allowances;
import uz.suhbat.application.port.in.chat.ChatQuery;

/**
 * The chat screen: {@code /} is a new, empty chat (nothing is stored until its first message) and
 * {@code /c/{chatId}} one of the user's chats. The page carries the first-paint state as JSON in a
 * data attribute, in the shapes of the JSON API, so that {@code /js/chat.js} renders it without a
 * round trip and then keeps it fresh through the API.
 */
@Controller
class ChatPageController {

    private final ChatQuery chats;
    private final JsonMapper json;

    ChatPageController(ChatQuery chats, JsonMapper json) {
        this.chats = chats;
        this.json = json;
    }

    @GetMapping("/")
    String newChat(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        model.addAttribute("pageTitle", "chat.pageTitle");
        return screen(user, request, model, null);
    }

    @GetMapping("/c/{chatId}")
    String chat(@AuthenticationPrincipal SignedInUser user, @PathVariable long chatId, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        ChatQuery.ChatView chat = chats.chat(user.id(), chatId).orElse(null);
        if (chat == null) {
            // the same answer whether the chat never existed or is someone else's
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("pageTitle", "chat.notFound.title");
            model.addAttribute("title", "chat.notFound.title");
            model.addAttribute("text", "chat.notFound.text");
            model.addAttribute("linkHref", "/");
            model.addAttribute("linkText", "nav.newChat");
            return "message";
        }
        model.addAttribute("pageTitle", "chat.pageTitle");
        return screen(user, request, model, chat);
    }

    private String screen(SignedInUser user, HttpServletRequest request, Model model, ChatQuery.ChatView chat) {
        boolean answering = chats.answeringAvailable();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("chat", chat);
        state.put("chats", chats.chats(user.id()));
        state.put("models", chats.models());
        state.put("answeringAvailable", answering);
        state.put("today", Allowances.json(chats.allowance(user.id())));
        model.addAttribute("stylesheets", List.of("/css/chat.css", "/css/conversation.css"));
        model.addAttribute("username", user.username());
        model.addAttribute("initial", user.username().substring(0, user.username().offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT));
        model.addAttribute("unverified", !CurrentAccount.of(request).map(SessionCheckQuery.Active::emailVerified).orElse(false));
        model.addAttribute("answeringUnavailable", !answering);
        model.addAttribute("newChat", chat == null);
        model.addAttribute("state", json.writeValueAsString(state));
        return "chat";
    }
}
