package uz.suhbat.adapter.in.web.page;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uz.suhbat.application.port.in.conversation.ShareChatUseCase;

/** What the chat screen's conversation controls (partial {@code chat-conversation}) need besides the chat: whether sharing is on. */
@ControllerAdvice(assignableTypes = ChatPageController.class)
class ChatScreenConversationAdvice {

    private final ShareChatUseCase sharing;

    ChatScreenConversationAdvice(ShareChatUseCase sharing) {
        this.sharing = sharing;
    }

    @ModelAttribute("sharingEnabled")
    boolean sharingEnabled() {
        return sharing.sharingEnabled();
    }
}
