package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import uz.suhbat.application.port.in.chat.AnswerUseCase.AnswerListener;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Outcome;
import uz.suhbat.application.port.in.chat.AnswerUseCase.Refusal;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;
import uz.suhbat.application.port.in.chat.ChatQuery.SourceView;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.chat.AnswerGuardPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageTree;
import uz.suhbat.domain.chat.Role;
import uz.suhbat.domain.user.CustomInstructions;

/**
 * Starts an answer, the part that starting a chat, sending and regenerating share: the whole chat
 * goes to the model in rank order (grounded in a PDF model's passages when the chat is on one), and
 * the answer streams to the listener and is stored once.
 */
public final class AnswerStarter {

    private final ChatRepository chats;
    private final ChatModelPort model;
    private final PdfModels pdfModels;
    private final Clock clock;
    private final AnswerClaim.Live claims;
    /** custom instructions: a new chat copies its user's, and every answer of the chat starts with them; null: none */
    private final PreferenceRepository preferences;
    /** files attached to messages; set once at wiring ({@link #attachments(ChatAttachments)}) */
    private volatile ChatAttachments attachments = ChatAttachments.NONE;
    /**
     * What a new chat's answer does off the request's thread ({@link #askEarly}): building and sending the model's request
     * while the chat is stored, and the end (the final write) of an answer that ended before its chat was stored, which the
     * request's response would otherwise wait for. A virtual thread each unless set otherwise.
     */
    private volatile java.util.concurrent.Executor aside = runnable -> Thread.ofVirtual().name("suhbat-new-chat").start(runnable);

    /**
     * @param guard "one answer per chat at a time", on every node: starting a chat, sending and regenerating each claim the
     *              chat through {@link #oneAtATime} before anything is counted or stored
     */
    public AnswerStarter(ChatRepository chats, ChatModelPort model, PdfModels pdfModels, Clock clock, AnswerGuardPort guard) {
        this(chats, model, pdfModels, clock, guard, null);
    }

    /** @param preferences where a user's custom instructions and each chat's copy of them are kept */
    public AnswerStarter(ChatRepository chats, ChatModelPort model, PdfModels pdfModels, Clock clock, AnswerGuardPort guard,
                         PreferenceRepository preferences) {
        this.preferences = preferences;
        this.claims = new AnswerClaim.Live(guard, chats, clock);
        this.chats = chats;
        this.model = model;
        this.pdfModels = pdfModels;
        this.clock = clock;
    }

    /**
     * The one guard of "one answer per chat at a time": runs {@code body} holding the chat's claim, or refuses with
     * {@link Refusal#ANSWER_IN_PROGRESS} while another answer (on any node) holds it. Unless {@code body} starts an
     * answer, which releases the claim when it ends (stored, failed or stopped), the claim is released when it returns.
     */
    Outcome oneAtATime(long chatId, Function<AnswerClaim, Outcome> body) {
        return oneAtATime(chatId, null, null, body);
    }

    /** A new claim owner, for a chat made already claimed ({@link ChatRepository#createClaimedWithFirstMessage}). */
    static String newClaimOwner() {
        return AnswerClaim.Live.newOwner();
    }

    /**
     * {@link #oneAtATime(long, Function)}; {@code claimedBy}, when not null, is the owner whose claim the chat's row already
     * holds since it was made, with the claim's time {@code claimedAt}: taken over without a statement.
     */
    Outcome oneAtATime(long chatId, String claimedBy, java.time.Instant claimedAt, Function<AnswerClaim, Outcome> body) {
        Optional<AnswerClaim> claim = claimedBy != null ? Optional.of(claims.heldFromCreation(chatId, claimedBy, claimedAt))
                : claims.take(chatId);
        if (claim.isEmpty()) {
            return new Outcome.Refused(Refusal.ANSWER_IN_PROGRESS);
        }
        Outcome outcome;
        try {
            outcome = body.apply(claim.get());
        } catch (RuntimeException | Error e) {
            claim.get().release();
            throw e;
        }
        if (!(outcome instanceof Outcome.Started)) {
            claim.get().release();
        }
        return outcome;
    }

    /**
     * The node's round: keeps the claims of this node's running answers alive (those due, one statement for all) and saves
     * their grown text (those due, one batch for all); bootstrap calls it every {@link #keepAliveEvery()}. Returns how many
     * answers run here.
     */
    public int keepClaimsAlive() {
        return claims.keepAlive();
    }

    /** How often {@link #keepClaimsAlive} must run (each claim is kept alive every few of these rounds). */
    public static java.time.Duration keepAliveEvery() {
        return AnswerClaim.ROUND;
    }

    /** Where custom instructions are kept; null: none. */
    PreferenceRepository preferences() {
        return preferences;
    }

    /** Wires the files attached to messages (bootstrap, once, before requests arrive). */
    public void attachments(ChatAttachments attachments) {
        this.attachments = java.util.Objects.requireNonNull(attachments, "attachments");
    }

    /** Where a new chat's answer does what it does off the request's thread ({@link #askEarly}); tests run it in place. */
    public void aside(java.util.concurrent.Executor executor) {
        this.aside = java.util.Objects.requireNonNull(executor, "executor");
    }

    /** The files of a message, as the send and start services check and bind them. */
    ChatAttachments attachments() {
        return attachments;
    }

    /**
     * A new chat keeps its user's custom instructions ({@code instructions}, as read with its author) while they are on. Returns
     * the chat's system
     * message from them, for {@link #answer(Chat, List, AnswerListener, Optional, ModelCatalog.ModelChoice, AnswerClaim, Optional)}
     * (no second read of what was just kept).
     */
    Optional<String> instructNewChat(long chatId, CustomInstructions instructions) {
        if (preferences == null) {
            return Optional.empty();
        }
        if (instructions.systemMessage().isPresent()) {
            preferences.keepForChat(chatId, instructions);
        }
        return instructions.systemMessage();
    }

    /**
     * {@code history} is the active branch up to the question to answer, which ends it; the model is sent it without the
     * questions left unanswered in it ({@link MessageTree#seenByModel}). {@code choice} is the chat's model as looked up
     * once for this message.
     */
    Outcome answer(Chat chat, List<Message> history, AnswerListener listener, Optional<DailyAllowance> today,
                         ModelCatalog.ModelChoice choice, AnswerClaim claim) {
        Optional<String> instructions = preferences == null ? Optional.empty()
                : preferences.chatInstructions(chat.id()).flatMap(CustomInstructions::systemMessage);
        return answer(chat, history, listener, today, choice, claim, instructions);
    }

    /** {@code instructions}: the chat's system message from its custom instructions, already known (a new chat's). */
    Outcome answer(Chat chat, List<Message> history, AnswerListener listener, Optional<DailyAllowance> today,
                   ModelCatalog.ModelChoice choice, AnswerClaim claim, Optional<String> instructions) {
        return answer(chat, history, listener, today, choice, claim, instructions, true);
    }

    /**
     * {@code withFiles} false: no message of {@code history} has files (a new chat whose question came without any), so the
     * chat's files are not looked up.
     */
    Outcome answer(Chat chat, List<Message> history, AnswerListener listener, Optional<DailyAllowance> today,
                   ModelCatalog.ModelChoice choice, AnswerClaim claim, Optional<String> instructions, boolean withFiles) {
        Ask ask = ask(chat.id(), history, choice, instructions, withFiles);
        if (ask.showSources()) {
            List<SourceView> shown = ask.sources().stream().map(SourceView::of).toList();
            tell(() -> listener.sources(shown));
        }
        Answer answer = new Answer(chat, history.get(history.size() - 1).rank(), ask.prompt().model(), ask.sources(), listener, chats, clock,
                today, claim);
        ChatModelPort.Streaming streaming = model.stream(ask.prompt(), answer);
        answer.attach(streaming);
        return new Outcome.Started(answer::stop);
    }

    /** What an answer asks the model, and the sources it shows (when {@code showSources}). */
    private record Ask(ChatModelPort.Prompt prompt, List<Message.Source> sources, boolean showSources) {
    }

    /** {@code chatId} is only read when {@code withFiles}: the chat's files are looked up then. */
    private Ask ask(long chatId, List<Message> history, ModelCatalog.ModelChoice choice, Optional<String> instructions, boolean withFiles) {
        List<ChatModelPort.Turn> turns = new ArrayList<>();
        List<Message.Source> sources = List.of();
        instructions.ifPresent(text -> turns.add(new ChatModelPort.Turn(Role.SYSTEM, text)));
        List<Message> seen = MessageTree.seenByModel(history);
        ChatAttachments.Context attached = withFiles ? attachments.context(chatId, seen, choice.id()) : ChatAttachments.Context.EMPTY;
        if (choice.pdf().isPresent()) {
            String question = history.get(history.size() - 1).content();
            PdfModels.Grounding grounding = pdfModels.ground(choice.pdf().get(), question);
            sources = grounding.sources();
            turns.add(new ChatModelPort.Turn(Role.SYSTEM, grounding.systemPrompt()));
        }
        if (!attached.sources().isEmpty()) {
            sources = java.util.stream.Stream.concat(sources.stream(), attached.sources().stream()).toList();
        }
        attached.system().ifPresent(text -> turns.add(new ChatModelPort.Turn(Role.SYSTEM, text)));
        // only the active branch, and of it no question left unanswered but the one answered now
        for (Message m : seen) {
            turns.add(attached.turn(m));
        }
        return new Ask(new ChatModelPort.Prompt(choice.answeringModel(), turns), sources,
                choice.pdf().isPresent() || !attached.sources().isEmpty());
    }

    /** The system message a new chat's answers start with, from its user's custom instructions as read with its author. */
    Optional<String> systemMessageOf(CustomInstructions instructions) {
        return preferences == null ? Optional.empty() : instructions.systemMessage();
    }

    /**
     * Asks the model for the answer to a new chat's first question, without files, while the chat is being stored, so that
     * the model's time to its first piece and the chat's transaction overlap: the request is built and sent on another
     * thread ({@link #aside}), what the model sends is held ({@link HeldSink}) until {@link Early#answer} (the chat stored)
     * lets it through, or dropped by {@link Early#cancel} (the chat could not be stored), which also cancels the call.
     */
    Early askEarly(String question, java.time.Instant now, ModelCatalog.ModelChoice choice, Optional<String> instructions) {
        HeldSink held = new HeldSink();
        java.util.concurrent.CompletableFuture<Asked> asked = new java.util.concurrent.CompletableFuture<>();
        Message first = new Message(1, Role.USER, question, now, uz.suhbat.domain.chat.MessageStatus.COMPLETE, choice.id(), 0, 0, List.of());
        aside.execute(() -> {
            try {
                Ask ask = ask(0, List.of(first), choice, instructions, false);
                asked.complete(new Asked(ask, model.stream(ask.prompt(), held)));
            } catch (RuntimeException | Error failed) {
                held.drop();
                asked.completeExceptionally(failed);
            }
        });
        return new Early(held, asked);
    }

    private record Asked(Ask ask, ChatModelPort.Streaming streaming) {
    }

    /** A new chat's answer asked while its chat was being stored ({@link #askEarly}). */
    final class Early {

        private final HeldSink held;
        private final java.util.concurrent.CompletableFuture<Asked> asked;

        private Early(HeldSink held, java.util.concurrent.CompletableFuture<Asked> asked) {
            this.held = held;
            this.asked = asked;
        }

        /** The chat could not be stored (or its answer not started): nothing of the answer reaches anyone, and the call ends. */
        void cancel() {
            held.drop();
            asked.thenAccept(call -> call.streaming().cancel());
        }

        /**
         * The chat is stored, with {@code questionRank} its question: tells {@code first} (the chat's event), then the sources,
         * then lets the answer through, held pieces first, as {@link AnswerStarter#answer} would have streamed it. When the
         * request could not be made (the model or the grounding threw), {@code otherwise} asks the usual way, which meets the
         * same failure as before.
         */
        Outcome answer(Chat chat, int questionRank, AnswerListener listener, Optional<DailyAllowance> today, AnswerClaim claim,
                       Runnable first, java.util.function.Supplier<Outcome> otherwise) {
            Asked call;
            try {
                call = asked.join(); // sent long before the chat's transaction has committed
            } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
                tell(first);
                return otherwise.get();
            }
            Ask ask = call.ask();
            Answer answer = new Answer(chat, questionRank, ask.prompt().model(), ask.sources(), listener, chats, clock, today, claim);
            held.release(answer, () -> {
                tell(first);
                if (ask.showSources()) {
                    List<SourceView> shown = ask.sources().stream().map(SourceView::of).toList();
                    tell(() -> listener.sources(shown));
                }
            }, aside);
            // after the release: a stop during it (the browser gone) cancels the call here, not under the held sink's lock
            answer.attach(call.streaming());
            return new Outcome.Started(answer::stop);
        }
    }

    /** Tells the listener something before the answer starts; a listener that is gone does not stop the answer. */
    static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException listenerGone) {
            // the browser left; the chat and its message are stored and the answer still completes
        }
    }
}
