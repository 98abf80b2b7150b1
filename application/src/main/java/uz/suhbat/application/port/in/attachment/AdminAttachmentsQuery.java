package uz.suhbat.application.port.in.attachment;

import java.util.List;
import java.util.Optional;

/** The files of any chat, for admins reading it. */
public interface AdminAttachmentsQuery {

    List<AttachmentsUseCase.AttachmentView> ofChat(long chatId);

    /** A file of that chat (empty when the file belongs to another chat or none). */
    Optional<AttachmentsUseCase.AttachmentContent> fileOfChat(long chatId, long attachmentId);
}
