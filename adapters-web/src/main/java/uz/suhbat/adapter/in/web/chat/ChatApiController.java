package uz.suhbat.adapter.in.web.chat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uz.suhbat.adapter.in.web.security.CurrentAccount;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.chat.ManageChatUseCase;
import uz.suhbat.application.port.in.chat.RegenerateAnswerUseCase;
import uz.suhbat.application.port.in.chat.SendMessageUseCase;
import uz.suhbat.application.port.in.chat.StartChatUseCase;

/** The chat page's JSON/SSE API (docs/api.md). Every chat is reachable only by its owner: others get 404. */
@RestController
@RequestMapping("/api")
class ChatApiController {

    private final ChatQuery query;
    private final ManageChatUseCase manage;
    private final StartChatUseCase starting;
    private final SendMessageUseCase sending;
    private final RegenerateAnswerUseCase regenerating;
    private final AnswerStreams streams;

    ChatApiController(ChatQuery query, ManageChatUseCase manage, StartChatUseCase starting, SendMessageUseCase sending,
                      RegenerateAnswerUseCase regenerating, AnswerStreams streams) {
        this.query = query;
        this.manage = manage;
        this.starting = starting;
        this.sending = sending;
        this.regenerating = regenerating;
        this.streams = streams;
    }

    /** {@code attachments}: ids of the user's uploads ({@code POST /api/attachments}) that go with the message; may be absent. */
    record NewChat(String model, String content, List<Long> attachments) {
    }

    record NewMessage(String content, String model, List<Long> attachments) {
    }

    private static List<Long> files(List<Long> attachments) {
        return attachments == null ? List.of() : attachments.stream().filter(java.util.Objects::nonNull).toList();
    }

    record Rename(String title) {
    }

    @GetMapping("/models")
    List<ChatQuery.ModelOption> models() {
        return query.models();
    }

    /** The user's daily message quota: {@code {"today": {...}}}, {@code {"today": null}} when none applies. */
    @GetMapping("/allowance")
    java.util.Map<String, Object> allowance(@AuthenticationPrincipal SignedInUser user) {
        java.util.Map<String, Object> answer = new java.util.HashMap<>();
        answer.put("today", Allowances.json(query.allowance(user.id())));
        return answer;
    }

    @GetMapping("/chats")
    List<ChatQuery.ChatSummary> chats(@AuthenticationPrincipal SignedInUser user) {
        return query.chats(user.id());
    }

    @GetMapping("/chats/{id}")
    ChatQuery.ChatView chat(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return query.chat(user.id(), id).orElseThrow(() -> ApiException.notFound());
    }

    @PatchMapping("/chats/{id}")
    Map<String, Object> rename(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestBody Rename body) {
        if (query.chat(user.id(), id).isEmpty()) {
            throw ApiException.notFound();
        }
        if (body == null || !manage.rename(user.id(), id, body.title())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_title", "chat.error.invalid_title");
        }
        return Map.of("id", id, "title", query.chat(user.id(), id).orElseThrow().title());
    }

    @DeleteMapping("/chats/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        if (!manage.delete(user.id(), id)) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/chats")
    void start(@AuthenticationPrincipal SignedInUser user, @RequestBody NewChat body, HttpServletRequest request, HttpServletResponse response) {
        NewChat chat = body == null ? new NewChat(null, null, null) : body;
        streams.open(user, request, response, null,
                listener -> starting.start(CurrentAccount.authorReadAhead(request), user.id(), chat.model(), chat.content(),
                        files(chat.attachments()), listener));
    }

    @PostMapping("/chats/{id}/messages")
    void message(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @RequestBody NewMessage body,
                       HttpServletRequest request, HttpServletResponse response) {
        NewMessage message = body == null ? new NewMessage(null, null, null) : body;
        streams.open(user, request, response, id,
                listener -> sending.send(user.id(), id, message.content(), message.model(), files(message.attachments()), listener));
    }

    /** Answers the last user message again (after a failure or a stop) without repeating it. */
    @PostMapping("/chats/{id}/regenerate")
    void regenerate(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        streams.open(user, request, response, id, listener -> regenerating.regenerate(user.id(), id, listener));
    }

    /** The Stop button: ends this user's answer in progress in the chat at once, keeping what arrived. */
    @PostMapping("/chats/{id}/stop")
    ResponseEntity<Void> stop(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        streams.stop(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
