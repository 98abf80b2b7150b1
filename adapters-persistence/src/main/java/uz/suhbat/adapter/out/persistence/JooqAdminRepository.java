package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.ADMIN;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.adapter.out.persistence.schema.tables.records.AdminRecord;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

final class JooqAdminRepository implements AdminRepository {

    private final DSLContext db;

    JooqAdminRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<Admin> findMain() {
        return db.selectFrom(ADMIN).where(ADMIN.MAIN.isTrue()).orderBy(ADMIN.ID).limit(1).fetchOptional().map(JooqAdminRepository::toAdmin);
    }

    @Override
    public Optional<Admin> findById(long id) {
        return db.selectFrom(ADMIN).where(ADMIN.ID.eq(id)).fetchOptional().map(JooqAdminRepository::toAdmin);
    }

    @Override
    public List<Admin> findAll() {
        return db.selectFrom(ADMIN).orderBy(ADMIN.MAIN.desc(), ADMIN.ID).fetch(JooqAdminRepository::toAdmin);
    }

    @Override
    public void delete(long id) {
        db.deleteFrom(ADMIN).where(ADMIN.ID.eq(id)).execute();
    }

    @Override
    public Optional<Preferences> preferences(long id) {
        return db.select(ADMIN.LANGUAGE).from(ADMIN).where(ADMIN.ID.eq(id)).fetchOptional(r -> new Preferences(r.value1()));
    }

    @Override
    public boolean saveLanguage(long id, String language) {
        return db.update(ADMIN).set(ADMIN.LANGUAGE, language).where(ADMIN.ID.eq(id)).execute() == 1;
    }

    @Override
    public Optional<Admin> findByUsername(Username username) {
        // the column's collation compares without case
        return db.selectFrom(ADMIN).where(ADMIN.USERNAME.eq(username.value())).fetchOptional().map(JooqAdminRepository::toAdmin);
    }

    @Override
    public Admin save(Admin admin) {
        if (admin.id() == null) {
            Long id = db.insertInto(ADMIN)
                    .set(ADMIN.USERNAME, admin.username().value())
                    .set(ADMIN.EMAIL, admin.email().value())
                    .set(ADMIN.PASSWORD, admin.passwordHash())
                    .set(ADMIN.DATE, Times.toDb(admin.createdAt()))
                    .set(ADMIN.MAIN, admin.main())
                    .returningResult(ADMIN.ID)
                    .fetchOne(ADMIN.ID);
            return new Admin(id, admin.username(), admin.email(), admin.passwordHash(), admin.createdAt(), admin.main());
        }
        db.update(ADMIN)
                .set(ADMIN.USERNAME, admin.username().value())
                .set(ADMIN.EMAIL, admin.email().value())
                .set(ADMIN.PASSWORD, admin.passwordHash())
                .set(ADMIN.MAIN, admin.main())
                .where(ADMIN.ID.eq(admin.id()))
                .execute();
        return admin;
    }

    private static Admin toAdmin(AdminRecord r) {
        return new Admin(r.getId(), new Username(r.getUsername()), new EmailAddress(r.getEmail()), r.getPassword(),
                Times.fromDb(r.getDate()), Boolean.TRUE.equals(r.getMain()));
    }
}
