package uz.suhbat.application.port.out.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.Theme;

/** What every {@link PreferenceRepository} must do; subclasses provide existing users, a chat of user 1 and an admin. */
public abstract class PreferenceRepositoryContract {

    protected abstract PreferenceRepository emptyRepository();

    protected abstract long userId(int which);

    protected abstract long chatId();

    protected abstract long adminId();

    @Test
    void instructionsAreNoneUntilSavedThenKeptPerUser() {
        PreferenceRepository preferences = emptyRepository();
        assertThat(preferences.instructions(userId(1))).isEqualTo(CustomInstructions.NONE);

        CustomInstructions mine = new CustomInstructions("I teach physics in Samarkand.", "Short answers, in Uzbek.", true);
        preferences.saveInstructions(userId(1), mine);
        assertThat(preferences.instructions(userId(1))).isEqualTo(mine);
        assertThat(preferences.instructions(userId(2))).isEqualTo(CustomInstructions.NONE);

        CustomInstructions off = new CustomInstructions("I teach physics in Samarkand.", "", false);
        preferences.saveInstructions(userId(1), off);
        assertThat(preferences.instructions(userId(1))).isEqualTo(off);
    }

    @Test
    void aChatKeepsTheInstructionsItStartedWith() {
        PreferenceRepository preferences = emptyRepository();
        assertThat(preferences.chatInstructions(chatId())).isEmpty();
        CustomInstructions started = new CustomInstructions("A nurse.", "Plain words.", true);
        preferences.saveInstructions(userId(1), started);
        preferences.keepForChat(chatId(), started);

        preferences.saveInstructions(userId(1), new CustomInstructions("Changed later.", "", true));

        assertThat(preferences.chatInstructions(chatId())).contains(started);
    }

    @Test
    void themesAreSystemUntilChosenAndKeptForUsersAndAdminsApart() {
        PreferenceRepository preferences = emptyRepository();
        assertThat(preferences.userTheme(userId(1))).isEqualTo(Theme.SYSTEM);
        assertThat(preferences.adminTheme(adminId())).isEqualTo(Theme.SYSTEM);

        preferences.saveInstructions(userId(1), new CustomInstructions("x", "y", true));
        preferences.saveUserTheme(userId(1), Theme.DARK);
        preferences.saveAdminTheme(adminId(), Theme.LIGHT);

        assertThat(preferences.userTheme(userId(1))).isEqualTo(Theme.DARK);
        assertThat(preferences.instructions(userId(1)).aboutYou()).as("the theme leaves the instructions alone").isEqualTo("x");
        assertThat(preferences.userTheme(userId(2))).isEqualTo(Theme.SYSTEM);
        assertThat(preferences.adminTheme(adminId())).isEqualTo(Theme.LIGHT);

        preferences.saveInstructions(userId(1), new CustomInstructions("z", "", false));
        assertThat(preferences.userTheme(userId(1))).as("the instructions leave the theme alone").isEqualTo(Theme.DARK);
    }
}
