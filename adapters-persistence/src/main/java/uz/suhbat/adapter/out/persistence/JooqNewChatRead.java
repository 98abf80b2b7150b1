package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER_PREFERENCE;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.domain.user.CustomInstructions;

/**
 * What a new chat reads about its author, in one statement: the user's row, the stored default chat limit and daily quota
 * (subqueries of {@code setting}) and the custom instructions ({@code user_preference}, left joined). The same answers as
 * {@link JooqChatLimitPolicy}, {@link JooqDailyQuotas#quotaOf} and {@link JooqPreferenceRepository#instructions}, which
 * took three round trips.
 */
final class JooqNewChatRead implements NewChatReadPort {

    private final DSLContext db;
    private final JooqChatLimitPolicy limits;

    JooqNewChatRead(DSLContext db, JooqChatLimitPolicy limits) {
        this.db = db;
        this.limits = limits;
    }

    @Override
    public Optional<NewChatFacts> newChatOf(long userId) {
        Field<String> storedLimit = JooqChatLimitPolicy.storedDefault();
        Field<String> quota = JooqDailyQuotas.quotaInForce().as("daily_quota_in_force");
        return db.select(USER.fields()).select(storedLimit, quota, USER_PREFERENCE.ABOUT_YOU, USER_PREFERENCE.HOW_TO_ANSWER,
                        USER_PREFERENCE.INSTRUCTIONS_ON)
                .from(USER).leftJoin(USER_PREFERENCE).on(USER_PREFERENCE.USER_ID.eq(USER.ID))
                .where(USER.ID.eq(userId))
                .fetchOptional(row -> new NewChatFacts(
                        new ChatLimitPolicyPort.NewChatAuthor(JooqUserRepository.toUser(row.into(USER)),
                                limits.limit(row.get(USER.MESSAGE_LIMIT), row.get(storedLimit))),
                        JooqLimitSettingsRepository.quota(row.get(quota)),
                        row.get(USER_PREFERENCE.INSTRUCTIONS_ON) == null ? CustomInstructions.NONE
                                : new CustomInstructions(row.get(USER_PREFERENCE.ABOUT_YOU), row.get(USER_PREFERENCE.HOW_TO_ANSWER),
                                        Boolean.TRUE.equals(row.get(USER_PREFERENCE.INSTRUCTIONS_ON)))));
    }
}
