package uz.suhbat.application.port.out.chat;

import java.util.Optional;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.user.CustomInstructions;

/**
 * Everything a new chat reads about its author before its first message is stored and the model is called: the author with
 * the new chat's limit ({@link ChatLimitPolicyPort#authorOfNewChat}), the daily quota that applies
 * ({@link DailyQuotaPort#quotaOf}) and the custom instructions ({@link PreferenceRepository#instructions}). Every new chat
 * waits for it, so an adapter answers in one round trip where it can; {@link #separately} asks the three ports one by one.
 */
public interface NewChatReadPort {

    /** Empty when there is no such user. */
    Optional<NewChatFacts> newChatOf(long userId);

    record NewChatFacts(ChatLimitPolicyPort.NewChatAuthor author, Optional<DailyQuota> dailyQuota, CustomInstructions instructions) {
    }

    /** The three reads one after the other; {@code preferences} null: no custom instructions. */
    static NewChatReadPort separately(ChatLimitPolicyPort limits, DailyQuotaPort quotas, PreferenceRepository preferences) {
        return userId -> limits.authorOfNewChat(userId).map(author -> new NewChatFacts(author, quotas.quotaOf(userId),
                preferences == null ? CustomInstructions.NONE : preferences.instructions(userId)));
    }
}
