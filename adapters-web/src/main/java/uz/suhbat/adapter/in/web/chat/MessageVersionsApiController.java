package uz.suhbat.adapter.in.web.chat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.chat.EditMessageUseCase;
import uz.suhbat.application.port.in.chat.MessageVersionsUseCase;

/**
 * Versions and branches of a chat's messages (docs/api.md): editing a question (a new branch, answered as it streams),
 * switching the version shown, removing a question left unanswered. A chat of someone else answers 404.
 */
@RestController
@RequestMapping("/api/chats/{id}/messages/{rank}")
class MessageVersionsApiController {

    private final ChatQuery query;
    private final EditMessageUseCase editing;
    private final MessageVersionsUseCase versions;
    private final AnswerStreams streams;

    MessageVersionsApiController(ChatQuery query, EditMessageUseCase editing, MessageVersionsUseCase versions, AnswerStreams streams) {
        this.query = query;
        this.editing = editing;
        this.versions = versions;
        this.streams = streams;
    }

    /** {@code attachments}: absent keeps the question's files; a list keeps those named and adds pending uploads named. */
    record Edit(String content, String model, java.util.List<Long> attachments) {
    }

    /** The question's new version (with its files), then the answer to it, as the event stream of a new message. */
    @PostMapping("/edit")
    void edit(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int rank, @RequestBody Edit body,
                    HttpServletRequest request, HttpServletResponse response) {
        Edit edit = body == null ? new Edit(null, null, null) : body;
        java.util.List<Long> files = edit.attachments() == null ? null
                : edit.attachments().stream().filter(java.util.Objects::nonNull).toList();
        streams.open(user, request, response, id,
                listener -> editing.edit(user.id(), id, rank, edit.content(), edit.model(), files, listener));
    }

    /** Shows this version of its message; answers the chat as it is now (its active branch). */
    @PostMapping("/choose")
    ChatQuery.ChatView choose(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int rank) {
        check(versions.choose(user.id(), id, rank));
        return query.chat(user.id(), id).orElseThrow(ApiException::notFound);
    }

    /** Removes a question left unanswered at the end of the chat; answers the chat as it is now. */
    @DeleteMapping
    ChatQuery.ChatView remove(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, @PathVariable int rank) {
        check(versions.removeUnanswered(user.id(), id, rank));
        return query.chat(user.id(), id).orElseThrow(ApiException::notFound);
    }

    private static void check(MessageVersionsUseCase.Result result) {
        switch (result) {
            case DONE -> {
            }
            case NOT_FOUND -> throw ApiException.notFound();
            case NOT_REMOVABLE -> throw new ApiException(HttpStatus.CONFLICT, "not_removable", "chat.error.not_removable");
            case ANSWER_IN_PROGRESS -> throw new ApiException(HttpStatus.CONFLICT, "answer_in_progress", "chat.error.answer_in_progress");
        }
    }
}
