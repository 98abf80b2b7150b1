package uz.suhbat.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.attachment.AttachmentRepository;
import uz.suhbat.application.port.out.attachment.AttachmentRepositoryContract;
import uz.suhbat.domain.attachment.AttachmentKind;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

class JooqAttachmentRepositoryTest extends AttachmentRepositoryContract {

    private DSLContext db;
    private long[] users;
    private long chat;

    @Override
    protected AttachmentRepository emptyRepository() {
        db = TestDatabase.emptied();
        users = new long[] {user("files1"), user("files2")};
        chat = new JooqChatRepository(db).createWithFirstMessage(users[0], "t", "gpt-4o-mini", new MessageLimit(5), "q", Instant.EPOCH)
                .chat().id();
        return new JooqAttachmentRepository(db);
    }

    private long user(String name) {
        return new JooqUserRepository(db).save(User.register(new Username(name), new EmailAddress(name + "@example.uz"), "h",
                Instant.EPOCH, "uz")).id();
    }

    @Override
    protected long userId(int which) {
        return users[which - 1];
    }

    @Override
    protected long chatId() {
        return chat;
    }

    @Test
    void aChatsFilesGoWithTheChatAndAUsersUploadsWithTheUser() {
        AttachmentRepository files = emptyRepository();
        long sent = files.savePending(users[0], "a.pdf", AttachmentKind.PDF, new byte[] {'%', 'P'}, List.of("one", "two"), 2, AT);
        files.bind(users[0], List.of(sent), chat, 1);
        long waiting = files.savePending(users[1], "b.txt", AttachmentKind.TEXT, new byte[] {'b'}, List.of("b"), 1, AT);

        new JooqChatRepository(db).delete(chat);
        assertThat(files.find(sent)).isEmpty();
        assertThat(files.pageTexts(sent)).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("attachment_page").where("attachment_id = ?", sent))).isZero();

        new JooqUserRepository(db).delete(users[1]);
        assertThat(files.find(waiting)).isEmpty();
        assertThat(db.fetchCount(db.selectFrom("attachment"))).isZero();
    }

    @Test
    void keepsAFileOfSeveralMegabytes() {
        AttachmentRepository files = emptyRepository();
        byte[] big = new byte[6 * 1024 * 1024];
        big[big.length - 1] = 42;
        long id = files.savePending(users[0], "big.png", AttachmentKind.PNG, big, List.of(), 0, AT);

        assertThat(files.content(id)).hasValueSatisfying(b -> assertThat(b).hasSize(big.length).endsWith(42));
    }
}
