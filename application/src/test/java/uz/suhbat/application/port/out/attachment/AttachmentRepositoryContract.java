package uz.suhbat.application.port.out.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.attachment.AttachmentKind;

/** What every {@link AttachmentRepository} must do; subclasses provide two users and a chat of user 1. */
public abstract class AttachmentRepositoryContract {

    protected static final Instant AT = Instant.parse("2026-11-30T08:00:00Z");

    protected abstract AttachmentRepository emptyRepository();

    protected abstract long userId(int which);

    protected abstract long chatId();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsAnUploadWithItsBytesAndPagesPendingForItsUser() {
        AttachmentRepository files = emptyRepository();
        long id = files.savePending(userId(1), "notes.pdf", AttachmentKind.PDF, bytes("%PDF-1.7 x"), List.of("page one", "page two"), 7, AT);

        AttachmentRepository.Stored stored = files.find(id).orElseThrow();
        assertThat(stored.pending()).isTrue();
        assertThat(stored).extracting("userId", "name", "kind", "size", "pages", "tokens", "created")
                .containsExactly(userId(1), "notes.pdf", AttachmentKind.PDF, 10L, 2, 7, AT);
        assertThat(files.content(id)).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 x"));
        assertThat(files.pageTexts(id)).containsExactly("page one", "page two");
        assertThat(files.pending(userId(1), List.of(id))).extracting(AttachmentRepository.Stored::id).containsExactly(id);
        assertThat(files.pending(userId(2), List.of(id))).as("someone else's upload").isEmpty();
    }

    @Test
    void bindingTiesUploadsToTheQuestionOnceAndOnlyTheOwnersOwn() {
        AttachmentRepository files = emptyRepository();
        long mine = files.savePending(userId(1), "a.png", AttachmentKind.PNG, bytes("png"), List.of(), 0, AT);
        long theirs = files.savePending(userId(2), "b.txt", AttachmentKind.TEXT, bytes("b"), List.of("b"), 1, AT);

        assertThat(files.bind(userId(1), List.of(mine, theirs), chatId(), 3)).isEqualTo(1);
        assertThat(files.bind(userId(1), List.of(mine), chatId(), 5)).as("bound already").isZero();

        assertThat(files.ofChat(chatId())).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(mine);
            assertThat(s.rank()).isEqualTo(3);
            assertThat(s.pending()).isFalse();
        });
        assertThat(files.pending(userId(1), List.of(mine))).isEmpty();
        assertThat(files.find(theirs).orElseThrow().pending()).isTrue();
    }

    @Test
    void theCleanUpDeletesOnlyOldPendingUploads() {
        AttachmentRepository files = emptyRepository();
        long old = files.savePending(userId(1), "old.txt", AttachmentKind.TEXT, bytes("o"), List.of("o"), 1, AT.minusSeconds(3 * 86400));
        long sent = files.savePending(userId(1), "sent.txt", AttachmentKind.TEXT, bytes("s"), List.of("s"), 1, AT.minusSeconds(3 * 86400));
        long fresh = files.savePending(userId(1), "fresh.txt", AttachmentKind.TEXT, bytes("f"), List.of("f"), 1, AT);
        files.bind(userId(1), List.of(sent), chatId(), 1);

        assertThat(files.deletePendingBefore(AT.minusSeconds(86400))).isEqualTo(1);

        assertThat(files.find(old)).isEmpty();
        assertThat(files.pageTexts(old)).isEmpty();
        assertThat(files.find(sent)).isPresent();
        assertThat(files.find(fresh)).isPresent();
    }

    @Test
    void anEditedVersionCarriesTheSameFilesOfItsChat() {
        AttachmentRepository files = emptyRepository();
        long picture = files.savePending(userId(1), "a.png", AttachmentKind.PNG, bytes("png"), List.of(), 0, AT);
        long notes = files.savePending(userId(1), "n.txt", AttachmentKind.TEXT, bytes("n"), List.of("n"), 1, AT);
        long waiting = files.savePending(userId(1), "w.txt", AttachmentKind.TEXT, bytes("w"), List.of("w"), 1, AT);
        files.bind(userId(1), List.of(picture, notes), chatId(), 1);

        assertThat(files.carry(chatId(), List.of(picture, waiting), 3)).as("a pending upload is no file of the chat").isEqualTo(1);
        assertThat(files.carry(chatId(), List.of(picture), 3)).as("carried already").isZero();

        assertThat(files.ofChat(chatId())).extracting(AttachmentRepository.Stored::rank, AttachmentRepository.Stored::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, picture), org.assertj.core.groups.Tuple.tuple(1, notes),
                        org.assertj.core.groups.Tuple.tuple(3, picture));
        assertThat(files.find(waiting).orElseThrow().pending()).isTrue();
        assertThat(files.content(picture)).isPresent();
    }

    @Test
    void aRemovedQuestionsFilesGoExceptThoseALaterVersionCarries() {
        AttachmentRepository files = emptyRepository();
        long kept = files.savePending(userId(1), "kept.txt", AttachmentKind.TEXT, bytes("k"), List.of("k"), 1, AT);
        long dropped = files.savePending(userId(1), "dropped.txt", AttachmentKind.TEXT, bytes("d"), List.of("d"), 1, AT);
        files.bind(userId(1), List.of(kept, dropped), chatId(), 2);
        files.carry(chatId(), List.of(kept), 4);
        files.carry(chatId(), List.of(kept), 6);

        files.release(chatId(), 2);

        assertThat(files.find(dropped)).isEmpty();
        assertThat(files.pageTexts(dropped)).isEmpty();
        assertThat(files.ofChat(chatId())).extracting(AttachmentRepository.Stored::rank).containsExactly(4, 6);
        assertThat(files.pageTexts(kept)).containsExactly("k");

        files.release(chatId(), 6);
        assertThat(files.ofChat(chatId())).extracting(AttachmentRepository.Stored::rank).containsExactly(4);
        files.release(chatId(), 4);
        assertThat(files.ofChat(chatId())).isEmpty();
        assertThat(files.find(kept)).isEmpty();
    }
}
