package uz.suhbat.adapter.out.persistence;

import static uz.suhbat.adapter.out.persistence.schema.Tables.ADMIN;
import static uz.suhbat.adapter.out.persistence.schema.Tables.CHAT_INSTRUCTIONS;
import static uz.suhbat.adapter.out.persistence.schema.Tables.USER_PREFERENCE;

import java.util.Optional;
import org.jooq.DSLContext;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.Theme;

/** Tables {@code user_preference}, {@code chat_instructions} and {@code admin.theme} (V100). */
final class JooqPreferenceRepository implements PreferenceRepository {

    private final DSLContext db;

    JooqPreferenceRepository(DSLContext db) {
        this.db = db;
    }

    @Override
    public CustomInstructions instructions(long userId) {
        return db.selectFrom(USER_PREFERENCE).where(USER_PREFERENCE.USER_ID.eq(userId)).fetchOptional()
                .map(r -> new CustomInstructions(r.getAboutYou(), r.getHowToAnswer(), Boolean.TRUE.equals(r.getInstructionsOn())))
                .orElse(CustomInstructions.NONE);
    }

    @Override
    public void saveInstructions(long userId, CustomInstructions instructions) {
        ensureRow(userId);
        db.update(USER_PREFERENCE)
                .set(USER_PREFERENCE.ABOUT_YOU, instructions.aboutYou())
                .set(USER_PREFERENCE.HOW_TO_ANSWER, instructions.howToAnswer())
                .set(USER_PREFERENCE.INSTRUCTIONS_ON, instructions.enabled())
                .where(USER_PREFERENCE.USER_ID.eq(userId))
                .execute();
    }

    @Override
    public void keepForChat(long chatId, CustomInstructions instructions) {
        // a chat is instructed once, when it starts
        db.insertInto(CHAT_INSTRUCTIONS)
                .set(CHAT_INSTRUCTIONS.CHAT_ID, chatId)
                .set(CHAT_INSTRUCTIONS.ABOUT_YOU, instructions.aboutYou())
                .set(CHAT_INSTRUCTIONS.HOW_TO_ANSWER, instructions.howToAnswer())
                .onDuplicateKeyIgnore()
                .execute();
    }

    @Override
    public Optional<CustomInstructions> chatInstructions(long chatId) {
        return db.selectFrom(CHAT_INSTRUCTIONS).where(CHAT_INSTRUCTIONS.CHAT_ID.eq(chatId)).fetchOptional()
                .map(r -> new CustomInstructions(r.getAboutYou(), r.getHowToAnswer(), true));
    }

    @Override
    public Theme userTheme(long userId) {
        return theme(db.select(USER_PREFERENCE.THEME).from(USER_PREFERENCE).where(USER_PREFERENCE.USER_ID.eq(userId))
                .fetchOptional(USER_PREFERENCE.THEME));
    }

    @Override
    public void saveUserTheme(long userId, Theme theme) {
        ensureRow(userId);
        db.update(USER_PREFERENCE).set(USER_PREFERENCE.THEME, theme.wireName()).where(USER_PREFERENCE.USER_ID.eq(userId)).execute();
    }

    @Override
    public Theme adminTheme(long adminId) {
        return theme(db.select(ADMIN.THEME).from(ADMIN).where(ADMIN.ID.eq(adminId)).fetchOptional(ADMIN.THEME));
    }

    @Override
    public void saveAdminTheme(long adminId, Theme theme) {
        db.update(ADMIN).set(ADMIN.THEME, theme.wireName()).where(ADMIN.ID.eq(adminId)).execute();
    }

    /** The user's row, made on first use; two nodes making it at once both go on to their update. */
    private void ensureRow(long userId) {
        db.insertInto(USER_PREFERENCE).set(USER_PREFERENCE.USER_ID, userId).onDuplicateKeyIgnore().execute();
    }

    private static Theme theme(Optional<String> stored) {
        return stored.flatMap(Theme::of).orElse(Theme.DEFAULT);
    }
}
