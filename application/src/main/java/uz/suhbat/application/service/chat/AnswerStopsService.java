package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import uz.suhbat.application.port.in.chat.AnswerStopsUseCase;
import uz.suhbat.application.port.out.chat.AnswerStopRepository;

/** Stop requests in the database, so that Stop sent to any node ends the answer on the node that streams it. */
public final class AnswerStopsService implements AnswerStopsUseCase {

    private final AnswerStopRepository stops;
    private final Clock clock;

    public AnswerStopsService(AnswerStopRepository stops, Clock clock) {
        this.stops = stops;
        this.clock = clock;
    }

    @Override
    public void requestStop(long userId, long chatId) {
        stops.record(userId, chatId, clock.instant());
    }

    @Override
    public List<StopRequest> requestedSince(Instant since) {
        return stops.since(since).stream().map(s -> new StopRequest(s.userId(), s.chatId(), s.at())).toList();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
