package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.USER;

import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.adapter.out.persistence.schema.tables.records.UserRecord;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/** Users in table {@code user}; its utf8mb4_unicode_ci collation makes name and address comparisons case-blind. */
final class JooqUserRepository implements UserRepository {

    private final DSLContext db;

    JooqUserRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<User> findById(long id) {
        return db.selectFrom(USER).where(USER.ID.eq(id)).fetchOptional().map(JooqUserRepository::toUser);
    }

    @Override
    public java.util.List<User> findAllById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return db.selectFrom(USER).where(USER.ID.in(ids)).fetch(JooqUserRepository::toUser);
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        return db.selectFrom(USER).where(USER.USERNAME.eq(username.value())).fetchOptional().map(JooqUserRepository::toUser);
    }

    @Override
    public Optional<User> findByEmail(EmailAddress email) {
        return db.selectFrom(USER).where(USER.EMAIL.eq(email.value())).fetchOptional().map(JooqUserRepository::toUser);
    }

    @Override
    public int endAllSessions(long id) {
        return db.transactionResult(tx -> {
            if (tx.dsl().update(USER).set(USER.SESSION_EPOCH, USER.SESSION_EPOCH.plus(1)).where(USER.ID.eq(id)).execute() == 0) {
                return -1;
            }
            return tx.dsl().select(USER.SESSION_EPOCH).from(USER).where(USER.ID.eq(id)).fetchOne(USER.SESSION_EPOCH);
        });
    }

    @Override
    public boolean emailInUse(EmailAddress email, Long exceptId) {
        var taken = USER.EMAIL.eq(email.value()).or(USER.PENDING_EMAIL.eq(email.value()));
        return db.fetchExists(USER, exceptId == null ? taken : taken.and(USER.ID.ne(exceptId)));
    }

    @Override
    public User save(User user) {
        try {
            if (user.id() == null) {
                Long id = db.insertInto(USER)
                        .set(USER.USERNAME, user.username().value())
                        .set(USER.EMAIL, user.email().value())
                        .set(USER.PASSWORD, user.passwordHash())
                        .set(USER.DATE, Times.toDb(user.registeredAt()))
                        .set(USER.EMAIL_VERIFIED, user.emailVerified())
                        .set(USER.PENDING_EMAIL, user.pendingEmail() == null ? null : user.pendingEmail().value())
                        .set(USER.BLOCKED, user.blocked())
                        .set(USER.BLOCKED_REASON, user.blockedReason())
                        .set(USER.SESSION_EPOCH, user.sessionEpoch())
                        .set(USER.LANGUAGE, user.language())
                        .returningResult(USER.ID)
                        .fetchOne(USER.ID);
                return new User(id, user.username(), user.email(), user.passwordHash(), user.registeredAt(), user.emailVerified(),
                        user.pendingEmail(), user.blocked(), user.blockedReason(), user.sessionEpoch(), user.language());
            }
            db.update(USER)
                    .set(USER.USERNAME, user.username().value())
                    .set(USER.EMAIL, user.email().value())
                    .set(USER.PASSWORD, user.passwordHash())
                    .set(USER.EMAIL_VERIFIED, user.emailVerified())
                    .set(USER.PENDING_EMAIL, user.pendingEmail() == null ? null : user.pendingEmail().value())
                    .set(USER.BLOCKED, user.blocked())
                    .set(USER.BLOCKED_REASON, user.blockedReason())
                    .set(USER.SESSION_EPOCH, user.sessionEpoch())
                    .set(USER.LANGUAGE, user.language())
                    .where(USER.ID.eq(user.id()))
                    .execute();
            return user;
        } catch (RuntimeException failure) {
            // a unique key, however the DSLContext wraps it (jOOQ's own exception, or Spring's DuplicateKeyException)
            String message = DuplicateKeys.message(failure).orElseThrow(() -> failure);
            throw new DuplicateException(message.contains("uk_user_username") ? "username" : "email");
        }
    }

    @Override
    public boolean saveLanguage(long id, String language) {
        return db.update(USER).set(USER.LANGUAGE, language).where(USER.ID.eq(id)).execute() == 1;
    }

    @Override
    public void delete(long id) {
        // chats, messages, devices and tokens go with the user (ON DELETE CASCADE)
        db.deleteFrom(USER).where(USER.ID.eq(id)).execute();
    }

    static User toUser(UserRecord r) {
        return new User(r.getId(), new Username(r.getUsername()), new EmailAddress(r.getEmail()), r.getPassword(),
                Times.fromDb(r.getDate()), Boolean.TRUE.equals(r.getEmailVerified()),
                r.getPendingEmail() == null ? null : new EmailAddress(r.getPendingEmail()),
                Boolean.TRUE.equals(r.getBlocked()), r.getBlockedReason(), r.getSessionEpoch(), r.getLanguage());
    }
}
