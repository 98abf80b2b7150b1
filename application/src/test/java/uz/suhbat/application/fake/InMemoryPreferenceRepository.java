package uz.suhbat.application.fake;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.Theme;

/** Preferences in maps, for use-case tests. */
public final class InMemoryPreferenceRepository implements PreferenceRepository {

    private final Map<Long, CustomInstructions> instructions = new ConcurrentHashMap<>();
    private final Map<Long, CustomInstructions> chats = new ConcurrentHashMap<>();
    private final Map<Long, Theme> userThemes = new ConcurrentHashMap<>();
    private final Map<Long, Theme> adminThemes = new ConcurrentHashMap<>();

    @Override
    public CustomInstructions instructions(long userId) {
        return instructions.getOrDefault(userId, CustomInstructions.NONE);
    }

    @Override
    public void saveInstructions(long userId, CustomInstructions saved) {
        instructions.put(userId, saved);
    }

    @Override
    public void keepForChat(long chatId, CustomInstructions kept) {
        chats.put(chatId, new CustomInstructions(kept.aboutYou(), kept.howToAnswer(), true));
    }

    @Override
    public Optional<CustomInstructions> chatInstructions(long chatId) {
        return Optional.ofNullable(chats.get(chatId));
    }

    @Override
    public Theme userTheme(long userId) {
        return userThemes.getOrDefault(userId, Theme.DEFAULT);
    }

    @Override
    public void saveUserTheme(long userId, Theme theme) {
        userThemes.put(userId, theme);
    }

    @Override
    public Theme adminTheme(long adminId) {
        return adminThemes.getOrDefault(adminId, Theme.DEFAULT);
    }

    @Override
    public void saveAdminTheme(long adminId, Theme theme) {
        adminThemes.put(adminId, theme);
    }
}
