package uz.suhbat.application.port.out.account;

import java.util.Optional;
import uz.suhbat.domain.user.CustomInstructions;
import uz.suhbat.domain.user.Theme;

/**
 * What people set for themselves beyond their account: a user's custom instructions (and the copy each chat
 * keeps of those it started with), and the theme of users and admins.
 */
public interface PreferenceRepository {

    /** {@link CustomInstructions#NONE} when the user never saved any. */
    CustomInstructions instructions(long userId);

    void saveInstructions(long userId, CustomInstructions instructions);

    /** The chat keeps the instructions it started with, whatever the user changes later; gone with the chat. */
    void keepForChat(long chatId, CustomInstructions instructions);

    Optional<CustomInstructions> chatInstructions(long chatId);

    /** {@link Theme#DEFAULT} when never chosen. */
    Theme userTheme(long userId);

    void saveUserTheme(long userId, Theme theme);

    Theme adminTheme(long adminId);

    void saveAdminTheme(long adminId, Theme theme);
}
