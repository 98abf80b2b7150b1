package uz.suhbat.domain.report;

import java.util.Locale;

/** The orders the users page offers. */
public enum UserSort {
    REGISTERED, LAST_ACTIVE, USERNAME, CHATS, MESSAGES;

    /** Unknown names fall back to registration order. */
    public static UserSort parse(String name) {
        try {
            return name == null ? REGISTERED : valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return REGISTERED;
        }
    }
}
