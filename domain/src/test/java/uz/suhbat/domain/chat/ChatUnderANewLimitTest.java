package uz.suhbat.domain.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static uz.suhbat.domain.chat.Chats.chat;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.chat.Chat.ClosedReason;
import uz.suhbat.domain.limit.MessageLimit;

/** Whether changing a chat's limit opens or closes it. */
class ChatUnderANewLimitTest {

    @Test
    void givenAChatClosedByItsLimit_whenTheLimitIsRaised_thenItOpensAgain() {
        Chat raised = chat(3, 3, ClosedReason.LIMIT).withLimit(new MessageLimit(10));

        assertThat(raised.closedReason()).isNull();
        assertThat(raised.takesMessage()).isTrue();
        assertThat(raised.limit()).isEqualTo(new MessageLimit(10));
    }

    @Test
    void givenAnOpenChat_whenTheLimitIsLoweredToWhatItUsed_thenItIsClosedByTheLimit() {
        Chat lowered = chat(10, 4, null).withLimit(new MessageLimit(4));

        assertThat(lowered.closedReason()).isEqualTo(ClosedReason.LIMIT);
        assertThat(lowered.readOnly()).isTrue();
    }

    @Test
    void givenAnOpenChat_whenTheLimitStaysAboveWhatItUsed_thenItStaysOpen() {
        Chat changed = chat(10, 4, null).withLimit(new MessageLimit(5));

        assertThat(changed.closedReason()).isNull();
    }

    @Test
    void givenAChatClosedForGood_whenTheLimitIsRaised_thenItStaysClosedForTheSameReason() {
        assertThat(chat(3, 2, ClosedReason.CONTEXT_FULL).withLimit(new MessageLimit(50)).closedReason())
                .isEqualTo(ClosedReason.CONTEXT_FULL);
        assertThat(chat(3, 3, ClosedReason.MODEL_DELETED).withLimit(new MessageLimit(50)).closedReason())
                .isEqualTo(ClosedReason.MODEL_DELETED);
    }
}
