package uz.suhbat.application.port.in.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Read-only links to one's chat ({@code /s/{token}}) showing it as it was when shared, without account details. The
 * owner revokes a link at any time; an admin can turn sharing off for everyone, which also closes every link.
 */
public interface ShareChatUseCase {

    /** Shares the chat as it is now (a new link replaces an earlier one). */
    Result share(long userId, long chatId);

    /** The chat's current link; empty when it has none (or is not the user's). */
    Optional<Link> link(long userId, long chatId);

    /** False when the chat is not the user's or had no link. */
    boolean revoke(long userId, long chatId);

    /** The shared chat behind a token; empty when unknown, revoked, deleted, or sharing is off. */
    Optional<SharedChat> shared(String token);

    /** False when an admin turned sharing off. */
    boolean sharingEnabled();

    sealed interface Result {
        record Shared(Link link) implements Result {
        }

        /** No such chat for this user. */
        record NotFound() implements Result {
        }

        /** An admin turned sharing off. */
        record Disabled() implements Result {
        }

        /** The chat holds no answer yet. */
        record Empty() implements Result {
        }
    }

    record Link(String token, Instant createdAt) {
    }

    record SharedChat(String title, String model, Instant sharedAt, List<SharedMessage> messages) {
    }

    /** {@code role}: "user" or "assistant"; {@code files}: the question's attached files, named, never served. */
    record SharedMessage(int rank, String role, String content, Instant createdAt, List<SharedFile> files) {
    }

    /** {@code kind}: pdf, docx, text, png, jpeg or webp; {@code image} for the three picture kinds. */
    record SharedFile(String name, String kind, boolean image, int pages) {
    }
}
