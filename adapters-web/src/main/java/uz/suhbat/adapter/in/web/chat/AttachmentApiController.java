package uz.suhbat.adapter.in.web.chat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.adapter.in.web.security.ApiErrors;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase.AttachmentView;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase.Upload;

/**
 * Files for messages (docs/api.md): uploaded one per request before the message that carries their ids, shown with the
 * chat afterwards, served only to their owner. Refusals are {@code {"error", "message"}} in the page's language.
 */
@RestController
@RequestMapping("/api")
class AttachmentApiController {

    private final AttachmentsUseCase attachments;
    private final MessageSource messages;
    private final LocaleResolver locales;

    AttachmentApiController(AttachmentsUseCase attachments, MessageSource messages, LocaleResolver locales) {
        this.attachments = attachments;
        this.messages = messages;
        this.locales = locales;
    }

    /** The limits and the models that see pictures, for the composer. */
    @GetMapping("/attachments/limits")
    Map<String, Object> limits() {
        AttachmentsUseCase.Limits limits = attachments.limits();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("maxBytes", limits.maxBytes());
        answer.put("maxPages", limits.maxPages());
        answer.put("perMessage", limits.perMessage());
        answer.put("visionModels", limits.visionModels());
        return answer;
    }

    @PostMapping("/attachments")
    ResponseEntity<?> upload(@AuthenticationPrincipal SignedInUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                             HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (file == null || file.isEmpty()) {
            refuse(response, request, 400, "attachment_empty", "attachment.error.empty", Map.of());
            return null;
        }
        if (file.getSize() > attachments.limits().maxBytes()) {
            tooLarge(request, response);
            return null;
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        Upload upload = attachments.upload(user.id(), name, file.getBytes());
        if (upload instanceof Upload.Stored stored) {
            return ResponseEntity.status(201).body(stored.attachment());
        }
        AttachmentsUseCase.Limits limits = attachments.limits();
        switch (((Upload.Refused) upload).reason()) {
            case EMPTY -> refuse(response, request, 400, "attachment_empty", "attachment.error.empty", Map.of());
            case TOO_LARGE -> tooLarge(request, response);
            case UNSUPPORTED -> refuse(response, request, 415, "attachment_unsupported", "attachment.error.unsupported", Map.of("name", name));
            case NOT_WHAT_NAME_SAYS -> refuse(response, request, 415, "attachment_not_what_name_says", "attachment.error.not_what_name_says",
                    Map.of("name", name));
            case TOO_MANY_PAGES -> refuse(response, request, 413, "attachment_too_many_pages", "attachment.error.too_many_pages",
                    Map.of("name", name, "pages", limits.maxPages()));
            case BROKEN -> refuse(response, request, 422, "attachment_broken", "attachment.error.broken", Map.of("name", name));
            case ENCRYPTED -> refuse(response, request, 422, "attachment_encrypted", "attachment.error.encrypted", Map.of("name", name));
            case NO_TEXT -> refuse(response, request, 422, "attachment_no_text", "attachment.error.no_text", Map.of("name", name));
        }
        return null;
    }

    /** The attachments of one of the user's chats, with the rank of the question each went with. */
    @GetMapping("/chats/{chatId}/attachments")
    List<AttachmentView> ofChat(@AuthenticationPrincipal SignedInUser user, @PathVariable long chatId) {
        return attachments.ofChat(user.id(), chatId);
    }

    /** A file's bytes for its owner: pictures inline (thumbnails), documents as a download; 404 for anyone else. */
    @GetMapping("/attachments/{id}/content")
    ResponseEntity<byte[]> content(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
        return attachments.content(user.id(), id).map(AttachmentApiController::serve).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The same answer for a file and for the admin's copy of it (AdminAttachmentsController). */
    static ResponseEntity<byte[]> serve(AttachmentsUseCase.AttachmentContent file) {
        boolean image = file.mediaType().startsWith("image/");
        org.springframework.http.ContentDisposition disposition = (image ? org.springframework.http.ContentDisposition.inline()
                : org.springframework.http.ContentDisposition.attachment()).filename(file.name(), java.nio.charset.StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .header("Content-Type", file.mediaType())
                .header("Content-Disposition", disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, max-age=3600")
                .body(file.content());
    }

    @ExceptionHandler({MaxUploadSizeExceededException.class})
    void tooLargeForTheServer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        tooLarge(request, response);
    }

    @ExceptionHandler({MultipartException.class})
    void notAForm(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(response, request, 400, "attachment_empty", "attachment.error.empty", Map.of());
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long mb = Math.max(1, attachments.limits().maxBytes() / (1024 * 1024));
        refuse(response, request, 413, "attachment_too_large", "attachment.error.too_large", Map.of("mb", mb));
    }

    private void refuse(HttpServletResponse response, HttpServletRequest request, int status, String code, String key,
                        Map<String, Object> args) throws IOException {
        ApiErrors.write(response, status, code, messages.getMessage(key, new Object[] {args}, locales.resolveLocale(request)));
    }
}
