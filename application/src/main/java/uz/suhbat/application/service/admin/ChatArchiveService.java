package uz.suhbat.application.service.admin;

import java.util.List;
import java.util.Optional;
import uz.suhbat.application.port.in.admin.ChatArchiveQuery;
import uz.suhbat.application.port.out.admin.ChatArchivePort;
import uz.suhbat.application.port.out.export.ChatTranscriptPdfPort;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatSearch;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.TranscriptLabels;

/** Admins read every chat; reading changes nothing and is not audited. */
public final class ChatArchiveService implements ChatArchiveQuery {

    private final ChatArchivePort archive;
    private final ChatTranscriptPdfPort pdf;

    public ChatArchiveService(ChatArchivePort archive, ChatTranscriptPdfPort pdf) {
        this.archive = archive;
        this.pdf = pdf;
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
    public Optional<byte[]> chatPdf(long chatId, TranscriptLabels labels) {
        return archive.transcript(chatId).map(transcript -> pdf.render(List.of(transcript), labels));
    }

    @Override
    public Optional<byte[]> userChatsPdf(long userId, TranscriptLabels labels) {
        List<ChatTranscript> transcripts = archive.transcriptsOfUser(userId);
        return transcripts.isEmpty() ? Optional.empty() : Optional.of(pdf.render(transcripts, labels));
    }
}
