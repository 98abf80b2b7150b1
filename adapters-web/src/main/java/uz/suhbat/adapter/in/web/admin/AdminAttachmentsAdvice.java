package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;
import uz.suhbat.application.port.in.attachment.AdminAttachmentsQuery;

/** The files of the chat on the admin's chat page ({@code /admin/chats/{chatId}}), by the question they went with. */
@ControllerAdvice(assignableTypes = AdminChatsController.class)
class AdminAttachmentsAdvice {

    private final AdminAttachmentsQuery attachments;

    AdminAttachmentsAdvice(AdminAttachmentsQuery attachments) {
        this.attachments = attachments;
    }

    @ModelAttribute("attachments")
    List<AttachmentRow> attachments(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("chatId") instanceof String id) || !id.matches("\\d{1,18}")) {
            return List.of();
        }
        long chatId = Long.parseLong(id);
        return attachments.ofChat(chatId).stream().map(view -> AttachmentRow.of(chatId, view)).toList();
    }
}
