package uz.suhbat.adapter.in.web.chat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.chat.AnswerStopsUseCase;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerFailure;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;

/**
 * Maps an answer onto the HTTP event stream of docs/api.md (chat, sources, delta, done, error).
 * The request thread is released at once (async request): no thread waits per open answer.
 * A closed browser stops the answer; a user blocked meanwhile is cut off at the next piece.
 * Stop may reach another node than the one that streams the answer: it is recorded in the database,
 * and every node looks for new stop requests of its running answers four times a second (one query
 * per node, however many answers run), so an answer ends within about a quarter of a second wherever
 * Stop was sent. Likewise every node checks the sessions of all the answers it streams every
 * {@link #SESSION_RECHECK} in one read, and cuts off at its next piece an answer whose user was blocked
 * or signed out meanwhile: no statement per answer and second.
 */
@Component
class AnswerStreams implements AutoCloseable {

    private static final Duration STOP_POLL = Duration.ofMillis(250);

    private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration SESSION_RECHECK = Duration.ofSeconds(2);

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final SessionCheckQuery sessions;
    private final AnswerStopsUseCase stops;
    private final JsonMapper json;
    // answers in progress on this node by (user, chat), so that the Stop button can end one at once
    private final Map<Running, Entry> running = new ConcurrentHashMap<>();
    // every answer streaming from this node, for the one session check of all of them
    private final java.util.Set<Listener> streaming = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService stopWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "suhbat-stop-watch");
        thread.setDaemon(true);
        return thread;
    });

    private record Running(long userId, long chatId) {
    }

    private record Entry(Runnable stop, Instant startedAt) {
    }

    AnswerStreams(MessageSource messages, LocaleResolver locales, SessionCheckQuery sessions, AnswerStopsUseCase stops, JsonMapper json) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
        this.sessions = sessions;
        this.stops = stops;
        stopWatch.scheduleWithFixedDelay(this::stopWhatOtherNodesWereAskedToStop, STOP_POLL.toMillis(), STOP_POLL.toMillis(),
                TimeUnit.MILLISECONDS);
        stopWatch.scheduleWithFixedDelay(this::cutOffEndedSessions, SESSION_RECHECK.toMillis(), SESSION_RECHECK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Marks the answers whose user may no longer chat (blocked, signed out): one read for all the answers of this node. */
    void cutOffEndedSessions() {
        try {
            if (streaming.isEmpty()) {
                return;
            }
            java.util.Set<SessionCheckQuery.OpenSession> open = new java.util.HashSet<>();
            for (Listener listener : streaming) {
                open.add(listener.session());
            }
            java.util.Set<SessionCheckQuery.OpenSession> ended = sessions.endedAmong(open);
            if (!ended.isEmpty()) {
                for (Listener listener : streaming) {
                    if (ended.contains(listener.session())) {
                        listener.sessionEnded = true;
                    }
                }
            }
        } catch (RuntimeException e) {
            // the database is away for a moment: the next round looks again
        }
    }

    /** Ends the answers of this node whose Stop was recorded (by any node) after they started. */
    void stopWhatOtherNodesWereAskedToStop() {
        try {
            if (running.isEmpty()) {
                return;
            }
            Instant oldest = running.values().stream().map(Entry::startedAt).min(Instant::compareTo).orElseThrow();
            for (AnswerStopsUseCase.StopRequest request : stops.requestedSince(oldest)) {
                Running key = new Running(request.userId(), request.chatId());
                Entry entry = running.get(key);
                if (entry != null && !request.at().isBefore(entry.startedAt()) && running.remove(key, entry)) {
                    entry.stop().run();
                }
            }
        } catch (RuntimeException e) {
            // the database is away for a moment: the next round looks again
        }
    }

    @Override
    public void close() {
        stopWatch.shutdownNow();
    }

    /**
     * Starts the answer and streams it on {@code response}; {@code chatId} is null for a new chat: it is known when the chat
     * is created. A refusal is thrown as an {@link ApiException} before anything is written.
     */
    void open(SignedInUser user, HttpServletRequest request, HttpServletResponse response, Long chatId,
              Function<AnswerListener, Outcome> start) {
        Locale locale = locales.resolveLocale(request);
        Instant startedAt = stops.now();
        EventStream events = new EventStream(request, response, STREAM_TIMEOUT);
        AtomicReference<Running> key = new AtomicReference<>(chatId == null ? null : new Running(user.id(), chatId));
        Listener listener = new Listener(events, user, locale, key);
        streaming.add(listener);
        Outcome outcome;
        try {
            outcome = start.apply(listener);
        } catch (RuntimeException e) {
            streaming.remove(listener);
            throw e;
        }
        Runnable answer = switch (outcome) {
            case Outcome.Refused refused -> {
                streaming.remove(listener); // a refused request leaves nothing behind for the session checks
                throw refusal(refused.reason());
            }
            case Outcome.Started started -> started.stop();
        };
        Runnable stopAnswer = () -> {
            streaming.remove(listener);
            Running running = key.get();
            if (running != null) {
                this.running.remove(running);
            }
            answer.run();
        };
        // the Stop button also ends the HTTP response, so that no request stays open until its timeout
        Runnable stopByUser = () -> {
            stopAnswer.run();
            events.complete();
        };
        if (key.get() != null) {
            Entry entry = new Entry(stopByUser, startedAt);
            running.put(key.get(), entry);
            if (listener.finished) {
                // the answer ended before it could be registered (a quick model): nothing to stop
                running.remove(key.get(), entry);
            }
        }
        // the browser went away (Stop button, closed tab) or the stream timed out: keep what arrived
        events.onEnd(stopAnswer);
        try {
            events.open();
        } catch (RuntimeException e) {
            stopAnswer.run(); // no stream to write to: the answer stops and keeps what arrived
            throw e;
        }
    }

    /** How many answers this node's session check watches (for tests). */
    int watched() {
        return streaming.size();
    }

    /**
     * The Stop button: ends the user's answer in progress in this chat, keeping what arrived: at once
     * when it runs on this node, otherwise through the record every node looks at.
     */
    void stop(long userId, long chatId) {
        Entry entry = running.remove(new Running(userId, chatId));
        if (entry != null) {
            entry.stop().run();
            return;
        }
        stops.requestStop(userId, chatId);
    }

    private static ApiException refusal(Refusal reason) {
        return switch (reason) {
            case NOT_FOUND -> ApiException.notFound();
            case INVALID_CONTENT -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_content", "chat.error.invalid_content");
            case UNKNOWN_MODEL -> new ApiException(HttpStatus.BAD_REQUEST, "unknown_model", "chat.error.unknown_model");
            case MODEL_TURNED_OFF -> new ApiException(HttpStatus.CONFLICT, "model_turned_off", "chat.error.model_turned_off");
            case LIMIT_REACHED -> new ApiException(HttpStatus.CONFLICT, "chat_limit_reached", "chat.error.chat_limit_reached");
            case CHAT_CLOSED -> new ApiException(HttpStatus.CONFLICT, "chat_closed", "chat.error.chat_closed");
            case EMAIL_NOT_VERIFIED -> new ApiException(HttpStatus.FORBIDDEN, "email_not_verified", "chat.error.email_not_verified");
            case BLOCKED -> new ApiException(HttpStatus.FORBIDDEN, "blocked", "login.blocked");
            case MODEL_NOT_CONFIGURED -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "model_not_configured", "chat.error.model_not_configured");
            case NOTHING_TO_REGENERATE -> new ApiException(HttpStatus.CONFLICT, "nothing_to_regenerate", "chat.error.nothing_to_regenerate");
            case DAILY_QUOTA_REACHED -> new ApiException(HttpStatus.TOO_MANY_REQUESTS, "daily_quota_reached", "chat.error.daily_quota_reached");
            case ANSWER_IN_PROGRESS -> new ApiException(HttpStatus.CONFLICT, "answer_in_progress", "chat.error.answer_in_progress");
            case NOT_EDITABLE -> new ApiException(HttpStatus.CONFLICT, "not_editable", "chat.error.not_editable");
            case ATTACHMENT_NOT_FOUND -> new ApiException(HttpStatus.BAD_REQUEST, "attachment_not_found", "chat.error.attachment_not_found");
            case TOO_MANY_ATTACHMENTS -> new ApiException(HttpStatus.BAD_REQUEST, "too_many_attachments", "chat.error.too_many_attachments");
            case IMAGES_NOT_SUPPORTED -> new ApiException(HttpStatus.BAD_REQUEST, "images_not_supported", "chat.error.images_not_supported");
        };
    }

    private final class Listener implements AnswerListener {

        private final EventStream events;
        private final SignedInUser user;
        private final Locale locale;
        private final AtomicReference<Running> key;
        private volatile boolean finished;
        /** set by the node's session check: the user may no longer chat */
        private volatile boolean sessionEnded;

        Listener(EventStream events, SignedInUser user, Locale locale, AtomicReference<Running> key) {
            this.events = events;
            this.user = user;
            this.locale = locale;
            this.key = key;
        }

        SessionCheckQuery.OpenSession session() {
            return new SessionCheckQuery.OpenSession(user.id(), user.sessionEpoch());
        }

        @Override
        public void chatCreated(long chatId, String title) {
            // the answer is registered once start() returns its stop; until then the key waits here
            key.set(new Running(user.id(), chatId));
            send("chat", Map.of("chatId", chatId, "title", title));
        }

        @Override
        public void sources(List<ChatQuery.SourceView> sources) {
            send("sources", sources);
        }

        @Override
        public void delta(String text) {
            if (sessionEnded) {
                send("error", Map.of("error", "signed_out", "message", messages.getMessage("login.ended", null, locale)));
                events.complete();
                throw new IllegalStateException("the account may no longer chat");
            }
            // every piece of every answer comes here: framed as send would frame it, without the JSON mapper
            events.send("event:delta\ndata:{\"text\":" + jsonString(text) + "}\n\n");
        }

        private void finished() {
            finished = true;
            streaming.remove(this);
            Running running = key.get();
            if (running != null) {
                AnswerStreams.this.running.remove(running);
            }
        }

        @Override
        public void done(AnswerListener.Done done) {
            finished();
            Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("rank", done.rank());
            data.put("used", done.used());
            data.put("limit", done.limit());
            data.put("readOnly", done.readOnly());
            data.put("usage", Map.of("input", done.inputTokens(), "output", done.outputTokens()));
            // the user's daily quota after this message; null when none applies
            data.put("today", Allowances.json(done.today()));
            send("done", data);
            events.complete();
        }

        @Override
        public void failed(AnswerFailure failure) {
            finished();
            String code = AnswerFailures.code(failure);
            send("error", Map.of("error", code, "message", messages.getMessage(AnswerFailures.messageKey(failure), null, locale)));
            events.complete();
        }

        /** An event with its data as JSON; throws IllegalStateException when nobody listens any more, so the answer stops and keeps what arrived. */
        private void send(String event, Object data) {
            events.send("event:" + event + "\ndata:" + json.writeValueAsString(data) + "\n\n");
        }
    }

    /** {@code text} as a JSON string, escaped as Jackson escapes it (quote, backslash, control characters). */
    static String jsonString(String text) {
        StringBuilder json = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                if (json == null) {
                    json = new StringBuilder(length + 16).append('"').append(text, 0, i);
                }
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    case '\b' -> json.append("\\b");
                    case '\f' -> json.append("\\f");
                    default -> json.append(String.format("\\u%04X", (int) c));
                }
            } else if (json != null) {
                json.append(c);
            }
        }
        return json == null ? "\"" + text + "\"" : json.append('"').toString();
    }
}
