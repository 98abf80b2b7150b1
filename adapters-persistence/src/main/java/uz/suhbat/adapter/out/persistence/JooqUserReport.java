package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER_MESSAGE_COUNT;

import java.time.LocalDateTime;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.admin.UserReportPort;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;

/**
 * Users with counts from correlated subqueries: each runs on an index ({@code ix_chat_user_updated}; the messages
 * from {@code user_message_count}, V300, by primary key) and only for the users of the requested page, unless the
 * page is sorted by a count. Sorted by messages, it reads one counter per user; by chats or last activity, the
 * users' chats.
 */
final class JooqUserReport implements UserReportPort {

    private static final Field<Integer> CHATS = DSL.field(DSL.selectCount().from(CHAT).where(CHAT.USER_ID.eq(USER.ID))).as("chats");
    // the messages the user has written, counted as they are written (V300): one row by primary key per user, also when
    // the page is sorted by it, whatever the number of messages
    private static final Field<Long> MESSAGES = DSL.coalesce(DSL.field(DSL.select(USER_MESSAGE_COUNT.MESSAGES).from(USER_MESSAGE_COUNT)
            .where(USER_MESSAGE_COUNT.USER_ID.eq(USER.ID))), DSL.inline(0L)).as("messages");
    // last_active is kept by sign-in; a chat's update time covers users who stay signed in for days
    private static final Field<LocalDateTime> LAST_ACTIVE = DSL.greatest(
            DSL.coalesce(USER.LAST_ACTIVE, USER.DATE),
            DSL.coalesce(DSL.field(DSL.select(DSL.max(CHAT.UPDATED)).from(CHAT).where(CHAT.USER_ID.eq(USER.ID))), USER.DATE))
            .as("last_active_at");

    private final DSLContext db;

    JooqUserReport(DSLContext db) {
        this.db = db;
    }

    @Override
    public Page<UserOverview> search(UserSearch search) {
        Condition matches = search.text().isEmpty()
                ? DSL.noCondition()
                : USER.USERNAME.contains(search.text()).or(USER.EMAIL.contains(search.text()));
        long total = db.fetchCount(USER, matches);
        var items = db.select(USER.ID, USER.USERNAME, USER.EMAIL, USER.EMAIL_VERIFIED, USER.BLOCKED, USER.BLOCKED_REASON,
                        USER.DATE, USER.MESSAGE_LIMIT, USER.DAILY_QUOTA, LAST_ACTIVE, CHATS, MESSAGES)
                .from(USER)
                .where(matches)
                .orderBy(order(search), search.ascending() ? USER.ID.asc() : USER.ID.desc())
                .limit(search.pageSize()).offset(offset(search))
                .fetch(JooqUserReport::toOverview);
        return new Page<>(items, total, search.page(), search.pageSize());
    }

    private static long offset(UserSearch search) {
        return Page.offset(search.page(), search.pageSize());
    }

    private static SortField<?> order(UserSearch search) {
        Field<?> field = switch (search.sort()) {
            case REGISTERED -> USER.DATE;
            case LAST_ACTIVE -> LAST_ACTIVE;
            case USERNAME -> USER.USERNAME;
            case CHATS -> CHATS;
            case MESSAGES -> MESSAGES;
        };
        return search.ascending() ? field.asc() : field.desc();
    }

    private static UserOverview toOverview(Record r) {
        return new UserOverview(r.get(USER.ID), r.get(USER.USERNAME), r.get(USER.EMAIL), Boolean.TRUE.equals(r.get(USER.EMAIL_VERIFIED)),
                Boolean.TRUE.equals(r.get(USER.BLOCKED)), r.get(USER.BLOCKED_REASON), Times.fromDb(r.get(USER.DATE)),
                Times.fromDb(r.get(LAST_ACTIVE)), r.get(CHATS), r.get(MESSAGES), r.get(USER.MESSAGE_LIMIT),
                r.get(USER.DAILY_QUOTA));
    }
}
