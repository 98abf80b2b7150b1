package uz.suhbat.application.fake;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;

/** Keeps every event of an answer as a line, e.g. "delta:Hel", "done:4/2/50", "failed:model_unavailable". */
public final class RecordingAnswerListener implements AnswerListener {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private volatile AnswerListener.Done done;
    private volatile long chatId;
    private volatile List<ChatQuery.SourceView> sources = List.of();

    @Override
    public void chatCreated(long id, String title) {
        chatId = id;
        events.add("chat:" + title);
    }

    @Override
    public void sources(List<ChatQuery.SourceView> sources) {
        this.sources = List.copyOf(sources);
        events.add("sources:" + sources.size());
    }

    /** The sources told last (none when no sources event came). */
    public List<ChatQuery.SourceView> sources() {
        return sources;
    }

    @Override
    public void delta(String text) {
        events.add("delta:" + text);
    }

    @Override
    public void done(AnswerListener.Done result) {
        done = result;
        events.add("done:" + result.rank() + "/" + result.used() + "/" + result.limit() + (result.readOnly() ? "/read-only" : "")
                + result.today().map(t -> " today:" + t.used() + "/" + t.quota() + (t.nearlyUsedUp() ? "/few-left" : "")).orElse(""));
    }

    @Override
    public void failed(AnswerFailure failure) {
        events.add("failed:" + failure.name().toLowerCase(java.util.Locale.ROOT));
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public AnswerListener.Done done() {
        return done;
    }

    public long chatId() {
        return chatId;
    }
}
