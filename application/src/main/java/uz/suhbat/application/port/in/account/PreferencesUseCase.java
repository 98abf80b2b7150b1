package uz.suhbat.application.port.in.account;

import java.util.Map;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.Theme;

/** A person's own settings: custom instructions (users) and the light/dark/system theme (users and admins). */
public interface PreferencesUseCase {

    CustomInstructions instructions(long userId);

    /** field name ({@code aboutYou}, {@code howToAnswer}) → problem; empty when saved. */
    Map<String, Problem> saveInstructions(long userId, String aboutYou, String howToAnswer, boolean enabled);

    Theme userTheme(long userId);

    /** False for an unknown theme name: nothing changes. */
    boolean chooseUserTheme(long userId, String theme);

    Theme adminTheme(long adminId);

    boolean chooseAdminTheme(long adminId, String theme);
}
