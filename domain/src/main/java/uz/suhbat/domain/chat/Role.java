package uz.suhbat.domain.chat;

import java.util.Locale;

/** Who wrote a message of a chat. */
public enum Role {
    SYSTEM, USER, ASSISTANT;

    /** The lower-case name used in storage and on the wire ("user", "assistant", "system"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
