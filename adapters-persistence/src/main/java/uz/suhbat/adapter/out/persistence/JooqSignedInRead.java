package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.DEVICE_LOGIN;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.impl.DSL;
import uz.suhbat.application.port.out.account.SignedInReadPort;
import uz.suhbat.application.port.out.chat.NewChatReadPort;
import uz.suhbat.domain.user.User;

/**
 * The session check's read of a remembered device's request in one statement: the user's row (or what a new chat reads of its
 * author, {@link JooqNewChatRead}) with whether the device's series is signed in for that user as a column of it
 * ({@code EXISTS} on {@code device_login}'s unique series), instead of a second round trip for the device. Both statements are
 * rendered once and only bound afterwards.
 */
final class JooqSignedInRead implements SignedInReadPort {

    /** Stands for the device's series while a statement is rendered; a real series is URL-safe Base64. */
    private static final String ANY_SERIES = "\u0001any-series";

    private final DSLContext db;
    private final JooqNewChatRead newChats;
    private final Field<Boolean> deviceSignedIn;
    private final RenderedSelect.Once userRead;
    private final RenderedSelect.Once newChatRead;

    JooqSignedInRead(DSLContext db, JooqNewChatRead newChats) {
        this.db = db;
        this.newChats = newChats;
        Param<String> series = DSL.val(ANY_SERIES);
        this.deviceSignedIn = DSL.field(DSL.exists(DSL.selectOne().from(DEVICE_LOGIN)
                .where(DEVICE_LOGIN.SERIES.eq(series)).and(DEVICE_LOGIN.USER_ID.eq(USER.ID)))).as("device_signed_in");
        this.userRead = new RenderedSelect.Once(() -> RenderedSelect.of(db, db.select(USER.fields()).select(deviceSignedIn).from(USER)
                .where(USER.ID.eq(DSL.val(JooqNewChatRead.ANY_USER))), ANY_SERIES, JooqNewChatRead.ANY_USER));
        this.newChatRead = new RenderedSelect.Once(() -> RenderedSelect.of(db,
                newChats.statement(DSL.val(JooqNewChatRead.ANY_USER), deviceSignedIn), ANY_SERIES, JooqNewChatRead.ANY_USER));
    }

    @Override
    public Optional<SignedIn<User>> user(long userId, String deviceSeries) {
        return userRead.bind(db, deviceSeries, userId)
                .fetchOptional(row -> new SignedIn<>(JooqUserRepository.toUser(row.into(USER)), signedIn(row, deviceSeries)));
    }

    @Override
    public Optional<SignedIn<NewChatReadPort.NewChatFacts>> newChat(long userId, String deviceSeries) {
        return newChatRead.bind(db, deviceSeries, userId).fetchOptional(row -> new SignedIn<>(newChats.facts(row), signedIn(row, deviceSeries)));
    }

    /** No series asked for: no device to be signed out (the column compared with NULL, false, says nothing then). */
    private boolean signedIn(Record row, String deviceSeries) {
        return deviceSeries == null || Boolean.TRUE.equals(row.get(deviceSignedIn));
    }
}
