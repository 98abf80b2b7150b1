package uz.suhbat.application.port.out.chat;

import java.time.Instant;
import java.util.List;

/** Stop requests where every node sees them (the answer may run on another node than the one that got Stop). */
public interface AnswerStopRepository {

    /** Records (or renews) a stop request for the user's answer in that chat. */
    void record(long userId, long chatId, Instant at);

    /** Requests made at or after {@code since}. */
    List<Stop> since(Instant since);

    int deleteOlderThan(Instant before);

    record Stop(long userId, long chatId, Instant at) {
    }
}
