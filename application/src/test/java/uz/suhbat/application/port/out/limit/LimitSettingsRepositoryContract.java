package uz.suhbat.application.port.out.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.application.port.out.limit.LimitSettingsRepository.ChatLimitState;
import uz.suhbat.domain.chat.Chat;
import uz.suhbat.domain.limit.MessageLimit;

/** What every {@link LimitSettingsRepository} must do; subclasses create the users and chats it refers to. */
public abstract class LimitSettingsRepositoryContract {

    protected abstract LimitSettingsRepository emptyRepository();

    protected abstract long givenUser();

    protected abstract long givenChat(long userId, int limit, int used, Chat.ClosedReason closedReason);

    @Test
    void theDefaultIsUnsetUntilSavedAndThenReplaced() {
        LimitSettingsRepository repository = emptyRepository();
        assertThat(repository.defaultChatLimit()).isEmpty();

        repository.saveDefaultChatLimit(new MessageLimit(80));
        repository.saveDefaultChatLimit(new MessageLimit(120));

        assertThat(repository.defaultChatLimit()).contains(new MessageLimit(120));
    }

    @Test
    void aUserOverrideNeedsAnExistingUser() {
        LimitSettingsRepository repository = emptyRepository();
        long user = givenUser();

        assertThat(repository.saveUserChatLimit(user, new MessageLimit(5))).isTrue();
        assertThat(repository.saveUserChatLimit(user, null)).isTrue();
        assertThat(repository.saveUserChatLimit(user + 1000, new MessageLimit(5))).isFalse();
    }

    @Test
    void aChatsLimitAndClosedReasonChangeTogether() {
        LimitSettingsRepository repository = emptyRepository();
        long chat = givenChat(givenUser(), 3, 3, Chat.ClosedReason.LIMIT);

        assertThat(repository.chatLimit(chat)).contains(new ChatLimitState(3, 3, Chat.ClosedReason.LIMIT));

        repository.saveChatLimit(chat, new MessageLimit(10), null);

        assertThat(repository.chatLimit(chat)).contains(new ChatLimitState(10, 3, null));
        assertThat(repository.chatLimit(chat + 1000)).isEmpty();
    }
}
