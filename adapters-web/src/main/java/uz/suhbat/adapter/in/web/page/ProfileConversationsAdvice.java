package uz.suhbat.adapter.in.web.page;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.conversation.OrganizeChatsUseCase;

/** The profile's conversation section (partial {@code profile-conversations}): the archived chats. */
@ControllerAdvice(assignableTypes = ProfileController.class)
class ProfileConversationsAdvice {

    private final OrganizeChatsUseCase organize;

    ProfileConversationsAdvice(OrganizeChatsUseCase organize) {
        this.organize = organize;
    }

    @ModelAttribute("archivedChats")
    List<Map<String, Object>> archivedChats(@AuthenticationPrincipal SignedInUser user) {
        if (user == null) {
            return List.of();
        }
        return organize.archived(user.id()).stream()
                .map(c -> Map.<String, Object>of("id", c.id(), "title", c.title(), "date", Formats.minute(c.updatedAt()) + " UTC"))
                .toList();
    }
}
