package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER_PREFERENCE;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.domain.user.CustomInstructions;

/**
 * What a new chat reads about its author, in one statement: the user's row, the stored default chat limit and daily quota
 * (subqueries of {@code setting}) and the custom instructions ({@code user_preference}, left joined). The same answers as
 * {@link JooqChatLimitPolicy}, {@link JooqDailyQuotas#quotaOf} and {@link JooqPreferenceRepository#instructions}, which
 * took three round trips. It is also the session check of a request that starts a chat, so every new chat waits for it: the
 * statement is the same every time but for the user's id, so its SQL is rendered once, not at every chat.
 */
final class JooqNewChatRead implements NewChatReadPort {

    /** Stands for the user's id while the statement is rendered; a real id is never negative. */
    static final long ANY_USER = -4_242_424_242L;

    private final DSLContext db;
    private final JooqChatLimitPolicy limits;
    private final Field<String> storedLimit = JooqChatLimitPolicy.storedDefault();
    private final Field<String> quota = JooqDailyQuotas.quotaInForce().as("daily_quota_in_force");
    private final RenderedSelect.Once read;

    JooqNewChatRead(DSLContext db, JooqChatLimitPolicy limits) {
        this.db = db;
        this.limits = limits;
        this.read = new RenderedSelect.Once(() -> RenderedSelect.of(db, statement(DSL.val(ANY_USER)), ANY_USER));
    }

    @Override
    public Optional<NewChatFacts> newChatOf(long userId) {
        return read.bind(db, userId).fetchOptional(this::facts);
    }

    /** What a row of {@link #statement} tells a new chat. */
    NewChatFacts facts(org.jooq.Record row) {
        return new NewChatFacts(
                new ChatLimitPolicyPort.NewChatAuthor(JooqUserRepository.toUser(row.into(USER)),
                        limits.limit(row.get(USER.MESSAGE_LIMIT), row.get(storedLimit))),
                JooqLimitSettingsRepository.quota(row.get(quota)),
                row.get(USER_PREFERENCE.INSTRUCTIONS_ON) == null ? CustomInstructions.NONE
                        : new CustomInstructions(row.get(USER_PREFERENCE.ABOUT_YOU), row.get(USER_PREFERENCE.HOW_TO_ANSWER),
                                Boolean.TRUE.equals(row.get(USER_PREFERENCE.INSTRUCTIONS_ON))));
    }

    /** The one statement; {@code more}: further fields of the user's row to select beside it. */
    org.jooq.SelectConditionStep<org.jooq.Record> statement(Param<Long> userId, Field<?>... more) {
        return db.select(USER.fields()).select(storedLimit, quota, USER_PREFERENCE.ABOUT_YOU, USER_PREFERENCE.HOW_TO_ANSWER,
                        USER_PREFERENCE.INSTRUCTIONS_ON).select(more)
                .from(USER).leftJoin(USER_PREFERENCE).on(USER_PREFERENCE.USER_ID.eq(USER.ID))
                .where(USER.ID.eq(userId));
    }
}
