package uz.suhbat.adapter.in.web.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.conversation.FeedbackUseCase;
import uz.suhbat.application.port.in.conversation.OrganizeChatsUseCase;
import uz.suhbat.application.port.in.conversation.SearchChatsQuery;
import uz.suhbat.application.port.in.conversation.ShareChatUseCase;

/**
 * The conversation controls of the JSON API (docs/api.md): pin and archive, search, share links and feedback. As for
 * the chat API, another user's chat answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api")
class ConversationApiController {

    private final OrganizeChatsUseCase organize;
    private final SearchChatsQuery search;
    private final ShareChatUseCase sharing;
    private final FeedbackUseCase feedback;

    ConversationApiController(OrganizeChatsUseCase organize, SearchChatsQuery search, ShareChatUseCase sharing, FeedbackUseCase feedback) {
        this.organize = organize;
        this.search = search;
        this.sharing = sharing;
        this.feedback = feedback;
    }

    record Rating(String rating, String comment) {
    }

    @PutMapping("/chats/{id}/pin")
    ResponseEntity<Void> pin(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return found(organize.pin(user.id(), id, true));
    }

    @DeleteMapping("/chats/{id}/pin")
    ResponseEntity<Void> unpin(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return found(organize.pin(user.id(), id, false));
    }

    @PutMapping("/chats/{id}/archive")
    ResponseEntity<Void> archive(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return found(organize.archive(user.id(), id, true));
    }

    @DeleteMapping("/chats/{id}/archive")
    ResponseEntity<Void> unarchive(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return found(organize.archive(user.id(), id, false));
    }

    @GetMapping("/chats/archived")
    List<ChatQuery.ChatSummary> archived(@AuthenticationPrincipal SignedInUser user) {
        return organize.archived(user.id());
    }

    @GetMapping("/search")
    List<SearchChatsQuery.Hit> search(@AuthenticationPrincipal SignedInUser user, @RequestParam(name = "q", required = false) String query) {
        return search.search(user.id(), query);
    }

    @GetMapping("/chats/{id}/share")
    Map<String, Object> link(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return sharing.link(user.id(), id).map(ConversationApiController::link).orElseThrow(ApiException::notFound);
    }

    @PostMapping("/chats/{id}/share")
    ResponseEntity<Map<String, Object>> share(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return switch (sharing.share(user.id(), id)) {
            case ShareChatUseCase.Result.Shared shared -> ResponseEntity.status(HttpStatus.CREATED).body(link(shared.link()));
            case ShareChatUseCase.Result.NotFound notFound -> throw ApiException.notFound();
            case ShareChatUseCase.Result.Disabled disabled ->
                    throw new ApiException(HttpStatus.FORBIDDEN, "sharing_disabled", "share.error.disabled");
            case ShareChatUseCase.Result.Empty empty -> throw new ApiException(HttpStatus.CONFLICT, "nothing_to_share", "share.error.empty");
        };
    }

    @DeleteMapping("/chats/{id}/share")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return found(sharing.revoke(user.id(), id));
    }

    private static Map<String, Object> link(ShareChatUseCase.Link link) {
        return Map.of("token", link.token(), "path", "/s/" + link.token(), "createdAt", link.createdAt());
    }

    @GetMapping("/chats/{id}/feedback")
    List<Map<String, Object>> feedback(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return feedback.ofChat(user.id(), id).stream().map(ConversationApiController::given).toList();
    }

    @PutMapping("/chats/{id}/messages/{rank}/feedback")
    Map<String, Object> rate(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int rank,
                             @RequestBody(required = false) Rating body) {
        if (body == null || body.rating() == null || !(body.rating().equals("up") || body.rating().equals("down"))) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_rating", "feedback.error.invalid");
        }
        if (!feedback.rate(user.id(), id, rank, body.rating().equals("up"), body.comment())) {
            throw ApiException.notFound();
        }
        return feedback.ofChat(user.id(), id).stream().filter(g -> g.rank() == rank).findFirst().map(ConversationApiController::given)
                .orElseThrow(ApiException::notFound);
    }

    @DeleteMapping("/chats/{id}/messages/{rank}/feedback")
    ResponseEntity<Void> clear(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int rank) {
        return found(feedback.clear(user.id(), id, rank));
    }

    private static Map<String, Object> given(FeedbackUseCase.Given given) {
        Map<String, Object> json = new HashMap<>();
        json.put("rank", given.rank());
        json.put("rating", given.up() ? "up" : "down");
        json.put("comment", given.comment());
        return json;
    }

    private static ResponseEntity<Void> found(boolean found) {
        if (!found) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }

}
