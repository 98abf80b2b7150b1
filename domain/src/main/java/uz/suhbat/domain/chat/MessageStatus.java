package uz.suhbat.domain.chat;

import java.util.Locale;

/** An answer is complete, or was cut short (upstream failure, broken stream, stop) and kept as far as it arrived. */
public enum MessageStatus {
    COMPLETE, INTERRUPTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
