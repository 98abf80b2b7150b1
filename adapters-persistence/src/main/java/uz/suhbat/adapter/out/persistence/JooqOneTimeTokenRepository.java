package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.USER_TOKEN;

import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.adapter.out.persistence.schema.tables.records.UserTokenRecord;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.OneTimeToken;
import uz.suhbat.domain.user.TokenPurpose;

final class JooqOneTimeTokenRepository implements OneTimeTokenRepository {

    private final DSLContext db;

    JooqOneTimeTokenRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public void save(OneTimeToken token) {
        db.insertInto(USER_TOKEN)
                .set(USER_TOKEN.USER_ID, token.userId())
                .set(USER_TOKEN.PURPOSE, token.purpose().name())
                .set(USER_TOKEN.TOKEN_HASH, token.tokenHash())
                .set(USER_TOKEN.EMAIL, token.email() == null ? null : token.email().value())
                .set(USER_TOKEN.EXPIRES, Times.toDb(token.expiresAt()))
                .execute();
    }

    @Override
    public Optional<OneTimeToken> take(String tokenHash, TokenPurpose purpose) {
        Optional<OneTimeToken> found = find(tokenHash, purpose);
        // only the request whose delete removes the row may use the token
        return found.filter(t -> db.deleteFrom(USER_TOKEN)
                .where(USER_TOKEN.TOKEN_HASH.eq(tokenHash), USER_TOKEN.PURPOSE.eq(purpose.name())).execute() == 1);
    }

    @Override
    public Optional<OneTimeToken> find(String tokenHash, TokenPurpose purpose) {
        return db.selectFrom(USER_TOKEN)
                .where(USER_TOKEN.TOKEN_HASH.eq(tokenHash), USER_TOKEN.PURPOSE.eq(purpose.name()))
                .fetchOptional()
                .map(JooqOneTimeTokenRepository::toToken);
    }

    @Override
    public void deleteAll(long userId, TokenPurpose purpose) {
        db.deleteFrom(USER_TOKEN).where(USER_TOKEN.USER_ID.eq(userId), USER_TOKEN.PURPOSE.eq(purpose.name())).execute();
    }

    private static OneTimeToken toToken(UserTokenRecord r) {
        return new OneTimeToken(r.getTokenHash(), r.getUserId(), TokenPurpose.valueOf(r.getPurpose()),
                r.getEmail() == null ? null : new EmailAddress(r.getEmail()), Times.fromDb(r.getExpires()));
    }
}
