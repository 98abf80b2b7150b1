package uz.suhbat.domain.user;

import java.util.Locale;
import java.util.Optional;

/** The colours a person wants the pages in: light, dark, or whatever their system prefers (the default). */
public enum Theme {
    LIGHT, DARK, SYSTEM;

    public static final Theme DEFAULT = SYSTEM;

    /** "light", "dark", "system": as stored and as sent by the switch. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Theme> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Theme theme : values()) {
            if (theme.wireName().equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(theme);
            }
        }
        return Optional.empty();
    }
}
