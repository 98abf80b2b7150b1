package uz.suhbat.application.port.in.admin;

import java.util.Optional;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.TranscriptLabels;

/** Every chat of every user, for admins: filtered lists and one chat in full. */
public interface ChatArchiveQuery {

    Page<ChatOverview> chats(ChatSearch search);

    Optional<ChatTranscript> chat(long chatId);

    /** One chat as a PDF; empty when there is no such chat. */
    Optional<byte[]> chatPdf(long chatId, TranscriptLabels labels);

    /** Every chat of one user in one PDF; empty when the user has no chats. */
    Optional<byte[]> userChatsPdf(long userId, TranscriptLabels labels);
}
