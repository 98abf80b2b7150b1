package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_HISTORY;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uz.suhbat.domain.chat.Message;
import uz.suhbat.domain.chat.MessageNode;
import uz.suhbat.domain.chat.MessageStatus;
import uz.suhbat.domain.chat.MessageTree;
import uz.suhbat.domain.chat.Role;

/** The SQL side of a chat's versions and branches ({@code parent_rank}, {@code chosen}, {@code on_branch}, V80). */
final class ChatBranches {

    private ChatBranches() {
    }

    /** The messages following message {@code parentRank} (0: first messages). */
    static org.jooq.Condition following(int parentRank) {
        return parentRank == 0 ? CHAT_HISTORY.PARENT_RANK.isNull() : CHAT_HISTORY.PARENT_RANK.eq(parentRank);
    }

    /** Sets {@code on_branch} from the tree: true for the messages of the active branch, false for the others. */
    static void markBranch(DSLContext t, long chatId) {
        List<Integer> branch = shape(t, chatId).activeBranch().stream().map(Message::rank).toList();
        t.update(CHAT_HISTORY).set(CHAT_HISTORY.ON_BRANCH, DSL.when(CHAT_HISTORY.RANK.in(branch), true).otherwise(false))
                .where(CHAT_HISTORY.CHAT_ID.eq(chatId)).execute();
    }

    /** The chat's tree with each message's role only (no text): enough for the rules of branches. */
    static MessageTree shape(DSLContext t, long chatId) {
        return MessageTree.of(t.select(CHAT_HISTORY.RANK, CHAT_HISTORY.PARENT_RANK, CHAT_HISTORY.CHOSEN, CHAT_HISTORY.ROLE)
                .from(CHAT_HISTORY).where(CHAT_HISTORY.CHAT_ID.eq(chatId))
                .fetch(r -> new MessageNode(new Message(r.get(CHAT_HISTORY.RANK), Role.fromWireName(r.get(CHAT_HISTORY.ROLE)), "",
                        Instant.EPOCH, MessageStatus.COMPLETE, null, 0, 0, List.of()),
                        r.get(CHAT_HISTORY.PARENT_RANK) == null ? 0 : r.get(CHAT_HISTORY.PARENT_RANK), r.get(CHAT_HISTORY.CHOSEN))));
    }
}
