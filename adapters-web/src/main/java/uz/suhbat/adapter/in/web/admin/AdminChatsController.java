package uz.suhbat.adapter.in.web.admin;

import java.net.URLEncoder;
import uz.suhbat.adapter.in.web.i18n.Problems;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.application.port.in.admin.ChatArchiveQuery;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.TranscriptLabels;
import uz.suhbat.domain.shared.InvalidValueException;

/** {@code /admin/chats}: every chat with filters, one chat in full, its print page and PDF, a user's chats as PDF, and a chat's limit. */
@Controller
class AdminChatsController {

    private static final int PAGE_SIZE = 25;

    private final ChatArchiveQuery archive;
    private final LimitsUseCase limits;
    private final MessageSource messages;
    private final ModelNames modelNames;

    AdminChatsController(ChatArchiveQuery archive, LimitsUseCase limits, MessageSource messages, ModelNames modelNames) {
        this.modelNames = modelNames;
        this.archive = archive;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/admin/chats")
    String list(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String model,
                @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
                @RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "1") int page, Model view) {
        Page<ChatOverview> found = archive.chats(new ChatSearch(user, model, day(from), day(to), text, page, PAGE_SIZE));
        String query = "user=" + encode(user) + "&model=" + encode(model) + "&from=" + encode(from) + "&to=" + encode(to)
                + "&text=" + encode(text);
        view.addAttribute("pageTitle", "admin.chats.pageTitle");
        view.addAttribute("nav", Map.of("chats", true));
        view.addAttribute("filter", Map.of("user", user, "model", model, "from", from, "to", to, "text", text));
        java.util.function.Function<String, String> names = modelNames.lookup();
        view.addAttribute("chats", found.items().stream().map(c -> ModelNames.named(row(c), names)).toList());
        view.addAttribute("pager", AdminPages.pager(found, "/admin/chats", query));
        return "admin/chats";
    }

    @GetMapping("/admin/chats/{chatId}")
    String chat(@PathVariable long chatId, Model model) {
        ChatTranscript transcript = transcript(chatId);
        model.addAttribute("pageTitle", "admin.chat.pageTitle");
        model.addAttribute("nav", Map.of("chats", true));
        java.util.function.Function<String, String> names = modelNames.lookup();
        model.addAttribute("chat", ModelNames.named(row(transcript.chat()), names));
        model.addAttribute("email", transcript.userEmail());
        model.addAttribute("messages", transcript.messages().stream().map(m -> ModelNames.named(line(chatId, m), names)).toList());
        return "admin/chat";
    }

    @GetMapping("/admin/chats/{chatId}/print")
    String print(@PathVariable long chatId, Model model) {
        chat(chatId, model);
        return "admin/chat-print";
    }

    @GetMapping("/admin/chats/{chatId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long chatId, Locale locale) {
        return pdf(archive.chatPdf(chatId, labels(locale)), "suhbat-chat-" + chatId + ".pdf");
    }

    @GetMapping("/admin/users/{userId}/chats.pdf")
    ResponseEntity<byte[]> userPdf(@PathVariable long userId, Locale locale) {
        return pdf(archive.userChatsPdf(userId, labels(locale)), "suhbat-user-" + userId + "-chats.pdf");
    }

    private static ResponseEntity<byte[]> pdf(Optional<byte[]> document, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(document.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private TranscriptLabels labels(Locale locale) {
        return new TranscriptLabels(text("admin.chats.user", locale), text("admin.chats.model", locale), text("admin.chats.created", locale),
                text("admin.chats.updated", locale), text("admin.chats.used", locale), text("admin.chat.role.user", locale),
                text("admin.chat.role.assistant", locale), text("admin.chat.role.system", locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    @PostMapping("/admin/chats/{chatId}/limit")
    String limit(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long chatId, @RequestParam(defaultValue = "") String messageLimit,
                 RedirectAttributes redirect) {
        try {
            Optional<LimitsUseCase.ChatLimitChange> change = limits.changeChatLimit(admin.id(), chatId, MessageLimit.parse(messageLimit));
            if (change.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("flash", change.get().readOnly() ? "admin.chat.limitSavedClosed" : "admin.chat.limitSavedOpen");
        } catch (InvalidValueException invalid) {
            redirect.addFlashAttribute("flashError", Problems.key(invalid.problem()));
        }
        return "redirect:/admin/chats/" + chatId;
    }

    private ChatTranscript transcript(long chatId) {
        return archive.chat(chatId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Malformed dates do not filter, like empty ones: the form's date inputs send ISO dates. */
    private static LocalDate day(String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static Map<String, Object> row(ChatOverview c) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", c.id());
        row.put("userId", c.userId());
        row.put("username", c.username());
        row.put("title", c.title());
        row.put("model", c.model());
        row.put("created", AdminPages.minute(c.createdAt()));
        row.put("updated", AdminPages.minute(c.updatedAt()));
        row.put("used", c.used());
        row.put("limit", c.limit());
        row.put("readOnly", c.readOnly());
        // null, not "", so that the template's section is skipped
        row.put("closedReason", c.closedReason() == null ? null : "admin.chat.closed." + c.closedReason());
        return row;
    }

    private static Map<String, Object> line(long chatId, ChatTranscript.Line m) {
        Map<String, Object> line = new HashMap<>();
        // each cited page opens as a one-page PDF, like under the user's own answer
        line.put("sources", m.sources().stream().map(s -> Map.of("page", s.page(), "text", s.text(),
                "href", "/admin/chats/" + chatId + "/messages/" + m.rank() + "/sources/" + s.page())).toList());
        line.put("rank", m.rank());
        line.put("role", m.role());
        line.put("roleLabel", "admin.chat.role." + m.role());
        line.put("content", m.content());
        line.put("time", AdminPages.second(m.createdAt()));
        line.put("model", m.model());
        line.put("interrupted", "interrupted".equals(m.status()));
        line.put("tokens", m.inputTokens() == null && m.outputTokens() == null ? null
                : (m.inputTokens() == null ? 0 : m.inputTokens()) + " / " + (m.outputTokens() == null ? 0 : m.outputTokens()));
        return line;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
