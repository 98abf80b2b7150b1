package uz.suhbat.adapter.in.web.admin;

import java.net.URLEncoder;
import uz.suhbat.adapter.in.web.i18n.Problems;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import uz.suhbat.domain.shared.InvalidValueException;

/** {@code /admin/chats}: every chat with filters, one chat in full, its print page and PDF, a user's chats as PDF, and a chat's limit. */
@Controller
class AdminChatsController {

    private static final int PAGE_SIZE = 25;

    private final ChatArchiveQuery archive;
    private final LimitsUseCase limits;
    private final TranscriptPdfs pdfs;

    private final uz.suhbat.application.port.in.conversation.FeedbackReportQuery feedback;

    private final ModelNames modelNames;

    AdminChatsController(ChatArchiveQuery archive, LimitsUseCase limits, TranscriptPdfs pdfs,
                         uz.suhbat.application.port.in.conversation.FeedbackReportQuery feedback, ModelNames modelNames) {
        this.modelNames = modelNames;
        this.feedback = feedback;
        this.archive = archive;
        this.limits = limits;
        this.pdfs = pdfs;
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
        view.addAttribute("chats", found.items().stream().map(c -> ChatRow.of(c).named(names)).toList());
        view.addAttribute("pager", AdminPages.pager(found, "/admin/chats", query));
        return "admin/chats";
    }

    @GetMapping("/admin/chats/{chatId}")
    String chat(@PathVariable long chatId, Model model) {
        TranscriptView transcript = TranscriptView.of(transcript(chatId)).named(modelNames.lookup());
        model.addAttribute("pageTitle", "admin.chat.pageTitle");
        model.addAttribute("nav", Map.of("chats", true));
        model.addAttribute("chat", transcript.chat());
        model.addAttribute("email", transcript.email());
        // the user's thumbs up or down (and comment) beside the answer it is about
        Map<Integer, uz.suhbat.application.port.in.conversation.FeedbackUseCase.Given> given = new HashMap<>();
        feedback.ofChat(chatId).forEach(g -> given.put(g.rank(), g));
        model.addAttribute("messages", transcript.messages().stream().map(line -> {
            var g = given.get(line.rank());
            return g == null ? line : line.withFeedback(new TranscriptView.Feedback(g.up(), g.comment() == null ? "" : g.comment()));
        }).toList());
        return "admin/chat";
    }

    /** The page to print; {@link TranscriptPdfs} renders the same template to PDF. */
    @GetMapping("/admin/chats/{chatId}/print")
    String print(@PathVariable long chatId, Model model) {
        model.addAttribute("transcripts", List.of(TranscriptView.of(transcript(chatId)).named(modelNames.lookup())));
        return "admin/chat-print";
    }

    @GetMapping("/admin/chats/{chatId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long chatId, Locale locale) {
        return pdf(List.of(transcript(chatId)), locale, "suhbat-chat-" + chatId + ".pdf");
    }

    @GetMapping("/admin/users/{userId}/chats.pdf")
    ResponseEntity<byte[]> userPdf(@PathVariable long userId, Locale locale) {
        List<ChatTranscript> chats = archive.userChats(userId);
        if (chats.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return pdf(chats, locale, "suhbat-user-" + userId + "-chats.pdf");
    }

    private ResponseEntity<byte[]> pdf(List<ChatTranscript> chats, Locale locale, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(pdfs.render(chats, locale));
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
