package uz.suhbat.application.port.out.export;

import java.util.List;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.TranscriptLabels;

/** Renders chats as one PDF document, each chat from a new page, in a font that covers Uzbek Latin and Cyrillic. */
public interface ChatTranscriptPdfPort {

    /** @throws IllegalStateException when the font is not installed, with a sentence saying which one */
    byte[] render(List<ChatTranscript> transcripts, TranscriptLabels labels);
}
