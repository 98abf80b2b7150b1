package uz.suhbat.application.port.in.chat;

import java.time.Instant;
import java.util.List;

/**
 * The Stop button across nodes: a stop is recorded where every node sees it, and a node that streams
 * answers asks now and then which of them were asked to stop.
 */
public interface AnswerStopsUseCase {

    void requestStop(long userId, long chatId);

    /** Stops requested at or after {@code since}. */
    List<StopRequest> requestedSince(Instant since);

    /** What the node's clock says now (to time the answers it starts). */
    Instant now();

    record StopRequest(long userId, long chatId, Instant at) {
    }
}
