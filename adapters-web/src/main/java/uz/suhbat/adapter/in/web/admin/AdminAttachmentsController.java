package uz.suhbat.adapter.in.web.admin;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import uz.suhbat.application.port.in.attachment.AdminAttachmentsQuery;

/** A file attached in a chat, for admins (pictures inline, documents as a download); 404 when it is not that chat's. */
@Controller
class AdminAttachmentsController {

    private final AdminAttachmentsQuery attachments;

    AdminAttachmentsController(AdminAttachmentsQuery attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/admin/chats/{chatId}/attachments/{id}")
    ResponseEntity<byte[]> file(@PathVariable long chatId, @PathVariable long id) {
        return attachments.fileOfChat(chatId, id).map(file -> {
            boolean image = file.mediaType().startsWith("image/");
            ContentDisposition disposition = (image ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(file.name(), StandardCharsets.UTF_8).build();
            return ResponseEntity.ok()
                    .header("Content-Type", file.mediaType())
                    .header("Content-Disposition", disposition.toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "private, max-age=3600")
                    .body(file.content());
        }).orElseGet(() -> ResponseEntity.notFound().build());
    }
}
