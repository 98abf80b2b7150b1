package uz.suhbat.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.suhbat.domain.chat.Chats.chat;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.chat.Chat.ClosedReason;

/** May a chat take another user message, and if not, why not. */
class ChatTakesAMessageTest {

    @Test
    void givenAnOpenChatBelowItsLimit_thenItTakesAMessage() {
        Chat chat = chat(3, 2, null);

        assertThat(chat.takesMessage()).isTrue();
        assertThat(chat.whyNoMessage()).isEmpty();
        assertThat(chat.readOnly()).isFalse();
    }

    @Test
    void givenAChatHoldingItsLimit_thenItTakesNoMessage_becauseOfTheLimit() {
        Chat chat = chat(3, 3, null);

        assertThat(chat.takesMessage()).isFalse();
        assertThat(chat.whyNoMessage()).contains(ClosedReason.LIMIT);
        assertThat(chat.readOnly()).isTrue();
    }

    @Test
    void givenAChatClosedForItsContext_thenItTakesNoMessage_evenBelowItsLimit() {
        Chat chat = chat(10, 2, ClosedReason.CONTEXT_FULL);

        assertThat(chat.whyNoMessage()).contains(ClosedReason.CONTEXT_FULL);
        assertThat(chat.closedForGood()).isTrue();
    }

    @Test
    void givenAChatWhoseModelWasDeleted_thenItIsClosedForGood() {
        Chat chat = chat(10, 2, ClosedReason.MODEL_DELETED);

        assertThat(chat.whyNoMessage()).contains(ClosedReason.MODEL_DELETED);
        assertThat(chat.closedForGood()).isTrue();
    }

    @Test
    void givenAChatClosedByItsLimit_thenItIsReadOnlyButNotClosedForGood() {
        Chat byStoredReason = chat(3, 3, ClosedReason.LIMIT);
        Chat byCount = chat(3, 3, null);

        assertThat(byStoredReason.whyNoMessage()).contains(ClosedReason.LIMIT);
        assertThat(byStoredReason.closedForGood()).isFalse();
        assertThat(byCount.closedForGood()).isFalse();
    }
}
