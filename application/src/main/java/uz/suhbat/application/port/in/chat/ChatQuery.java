package uz.suhbat.application.port.in.chat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What a user may read: their chats, one chat in full, and the models they may pick. */
public interface ChatQuery {

    /** The user's chats but the archived ones: pinned first (most recently pinned first), then most recently updated first. */
    List<ChatSummary> chats(long userId);

    /** Empty when the chat does not exist or belongs to someone else. */
    Optional<ChatView> chat(long userId, long chatId);

    /** Models a user may pick: the configured OpenAI models, then launched PDF models. */
    List<ModelOption> models();

    /** False when no model credentials are configured: the chat screen says so up front. */
    boolean answeringAvailable();

    /** How much of today's message quota the user has used; empty when no quota applies to them. */
    Optional<DailyAllowance> allowance(long userId);

    /**
     * A user's daily message quota and what is used of it today. {@code nearlyUsedUp}: so little is left
     * that the screen should say how much; {@code resetsAt}: when the count starts again.
     */
    record DailyAllowance(int quota, int used, boolean nearlyUsedUp, Instant resetsAt) {
        public int left() {
            return Math.max(0, quota - used);
        }
    }

    /** {@code titlePending}: a model is writing the chat's title (the screen asks again shortly). */
    record ChatSummary(long id, String title, String model, Instant createdAt, Instant updatedAt, int used, int limit, boolean readOnly,
                       boolean pinned, boolean titlePending) {
    }

    /** {@code closedReason}: null, "limit", "context_full" or "model_deleted". {@code messages}: the active branch. */
    record ChatView(long id, String title, String model, int used, int limit, boolean readOnly, String closedReason,
                    Instant createdAt, List<MessageView> messages) {
    }

    /**
     * A message of the chat's active branch. {@code status}: "complete" or "interrupted" (a partial answer kept after a
     * failure or a stop). {@code versions}: the ranks of this message's versions, itself among them, oldest first (one
     * when it has no other version).
     */
    record MessageView(int rank, String role, String content, Instant createdAt, String status, List<SourceView> sources,
                       List<Integer> versions) {
    }

    /**
     * {@code opens}: the cited page can be opened as a one-page PDF (a PDF model's page); a passage of a file attached
     * to the chat is shown with its page and text only.
     */
    record SourceView(int page, String text, boolean opens) {

        public static SourceView of(uz.suhbat.domain.chat.Message.Source source) {
            return new SourceView(source.page(), source.text(), source.modelId() > 0);
        }
    }

    /** {@code kind}: "openai" or "pdf". */
    record ModelOption(String id, String name, String kind, String description) {
    }
}
