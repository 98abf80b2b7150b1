package uz.suhbat.application.service.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.account.PreferencesUseCase;
import uz.suhbat.application.port.out.account.PreferenceRepository;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.Theme;

/** Custom instructions and themes, stored as they are chosen. */
public final class PreferencesService implements PreferencesUseCase {

    private final PreferenceRepository preferences;

    public PreferencesService(PreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @Override
    public CustomInstructions instructions(long userId) {
        return preferences.instructions(userId);
    }

    @Override
    public Map<String, Problem> saveInstructions(long userId, String aboutYou, String howToAnswer, boolean enabled) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        checkLength("aboutYou", aboutYou, problems);
        checkLength("howToAnswer", howToAnswer, problems);
        if (problems.isEmpty()) {
            preferences.saveInstructions(userId, new CustomInstructions(aboutYou, howToAnswer, enabled));
        }
        return problems;
    }

    private static void checkLength(String field, String text, Map<String, Problem> problems) {
        try {
            new CustomInstructions(text, "", false);
        } catch (InvalidValueException e) {
            problems.put(field, e.problem());
        }
    }

    @Override
    public Theme userTheme(long userId) {
        return preferences.userTheme(userId);
    }

    @Override
    public boolean chooseUserTheme(long userId, String theme) {
        Optional<Theme> chosen = Theme.of(theme);
        chosen.ifPresent(t -> preferences.saveUserTheme(userId, t));
        return chosen.isPresent();
    }

    @Override
    public Theme adminTheme(long adminId) {
        return preferences.adminTheme(adminId);
    }

    @Override
    public boolean chooseAdminTheme(long adminId, String theme) {
        Optional<Theme> chosen = Theme.of(theme);
        chosen.ifPresent(t -> preferences.saveAdminTheme(adminId, t));
        return chosen.isPresent();
    }
}
