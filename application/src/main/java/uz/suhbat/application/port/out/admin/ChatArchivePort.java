package uz.suhbat.application.port.out.admin;

import java.util.List;
import java.util.Optional;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;

/** Read access to every chat, newest first, for admins. */
public interface ChatArchivePort {

    Page<ChatOverview> search(ChatSearch search);

    Optional<ChatTranscript> transcript(long chatId);

    /** Every chat of one user in full, newest first; empty when the user has none (or does not exist). */
    List<ChatTranscript> transcriptsOfUser(long userId);
}
