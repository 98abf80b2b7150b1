package uz.suhbat.adapter.in.web.admin;

import java.util.List;
import uz.suhbat.domain.report.ChatTranscript;

/** One chat in full, as the chat page, the print page and the PDF show it. */
record TranscriptView(ChatRow chat, String email, List<Line> messages) {

    static TranscriptView of(ChatTranscript transcript) {
        long chatId = transcript.chat().id();
        return new TranscriptView(ChatRow.of(transcript.chat()), transcript.userEmail(),
                transcript.messages().stream().map(m -> Line.of(chatId, m)).toList());
    }

    /** The same transcript with every model as admins read it ({@link ModelNames}). */
    TranscriptView named(java.util.function.Function<String, String> names) {
        return new TranscriptView(chat.named(names), email, messages.stream().map(line -> line.named(names)).toList());
    }

    /** {@code roleLabel}: the bundle key of the role; {@code tokens}: "in / out", or null when unknown. */
    record Line(int rank, String role, String roleLabel, String content, String time, String model, boolean interrupted, String tokens,
                List<Source> sources, Feedback feedback) {

        static Line of(long chatId, ChatTranscript.Line m) {
            // each cited page opens as a one-page PDF, like under the user's own answer
            List<Source> sources = m.sources().stream().map(s -> new Source(s.page(), s.text(),
                    s.opens() ? "/admin/chats/" + chatId + "/messages/" + m.rank() + "/sources/" + s.page() : null)).toList();
            String tokens = m.inputTokens() == null && m.outputTokens() == null ? null
                    : (m.inputTokens() == null ? 0 : m.inputTokens()) + " / " + (m.outputTokens() == null ? 0 : m.outputTokens());
            return new Line(m.rank(), m.role(), "admin.chat.role." + m.role(), m.content(), AdminPages.second(m.createdAt()), m.model(),
                    "interrupted".equals(m.status()), tokens, sources, null);
        }

        Line named(java.util.function.Function<String, String> names) {
            return new Line(rank, role, roleLabel, content, time, names.apply(model), interrupted, tokens, sources, feedback);
        }

        /** The same line with the user's thumbs up or down (and comment) about it. */
        Line withFeedback(Feedback given) {
            return new Line(rank, role, roleLabel, content, time, model, interrupted, tokens, sources, given);
        }
    }

    /** A user's thumbs up ({@code up}) or down, with an optional comment ("" when none). */
    record Feedback(boolean up, String comment) {
    }

    record Source(int page, String text, String href) {
    }
}
