package uz.suhbat.application.service.admin;

import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.ChatArchiveQuery;
import uz.suhbat.application.port.out.admin.ChatArchivePort;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;

/** Admins read every chat; reading changes nothing and is not audited. */
public final class ChatArchiveService implements ChatArchiveQuery {

    private final ChatArchivePort archive;
    public ChatArchiveService(ChatArchivePort archive) {
        this.archive = archive;
    }

    @Override
    public Page<ChatOverview> chats(ChatSearch search) {
        return archive.search(search);
    }

    @Override
    public Optional<ChatTranscript> chat(long chatId) {
        return archive.transcript(chatId);
    }

    @Override
    public List<ChatTranscript> userChats(long userId) {
        return archive.transcriptsOfUser(userId);
    }
}
