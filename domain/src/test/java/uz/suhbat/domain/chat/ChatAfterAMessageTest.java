package uz.suhbat.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uz.suhbat.domain.chat.Chats.T0;
import static uz.suhbat.domain.chat.Chats.chat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.chat.Chat.ClosedReason;

/** What a new user message does to a chat. */
class ChatAfterAMessageTest {

    private static final Instant LATER = T0.plusSeconds(60);

    @Test
    void givenAnOpenChat_whenAMessageComes_thenItCountsTheMessageAndRemembersTheModelAndTheTime() {
        Chat chat = chat(3, 1, null);

        Chat after = chat.withMessage("gpt-4o", LATER);

        assertThat(after.used()).isEqualTo(2);
        assertThat(after.model()).isEqualTo("gpt-4o");
        assertThat(after.updatedAt()).isEqualTo(LATER);
        assertThat(after.createdAt()).isEqualTo(T0);
        assertThat(after.limit()).isEqualTo(chat.limit());
    }

    @Test
    void givenTheLastPlaceUnderTheLimit_whenAMessageTakesIt_thenTheChatBecomesReadOnly() {
        Chat after = chat(2, 1, null).withMessage("gpt-4o-mini", LATER);

        assertThat(after.whyNoMessage()).contains(ClosedReason.LIMIT);
    }

    @Test
    void givenAChatThatTakesNoMessage_whenOneComesAnyway_thenItIsRefused() {
        assertThatThrownBy(() -> chat(2, 2, null).withMessage("gpt-4o-mini", LATER)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> chat(9, 2, ClosedReason.CONTEXT_FULL).withMessage("gpt-4o-mini", LATER))
                .isInstanceOf(IllegalStateException.class);
    }
}
