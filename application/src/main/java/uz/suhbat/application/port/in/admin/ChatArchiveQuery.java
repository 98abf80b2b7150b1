package uz.suhbat.application.port.in.admin;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;

/** Every chat of every user, for admins: filtered lists and one chat in full. */
public interface ChatArchiveQuery {

    Page<ChatOverview> chats(ChatSearch search);

    Optional<ChatTranscript> chat(long chatId);

    /** Every chat of one user in full, oldest first; empty when the user has no chats. */
    List<ChatTranscript> userChats(long userId);
}
