package uz.suhbat.application.port.in.conversation;

import java.util.List;

/** What admins see of users' feedback: the rate per model, and the feedback in a chat. */
public interface FeedbackReportQuery {

    /** Per answer model, most rated first. */
    List<ModelRate> perModel();

    /** The feedback given in any chat, in rank order. */
    List<FeedbackUseCase.Given> ofChat(long chatId);

    /** {@code upShare}: the share of thumbs up, 0–1. */
    record ModelRate(String model, long up, long down) {
        public long total() {
            return up + down;
        }

        public double upShare() {
            return total() == 0 ? 0 : (double) up / total();
        }
    }
}
