package uz.suhbat.application.port.out.chat;

import java.util.OptionalInt;

/** Limits an admin has set: for one user, or the default for every new chat. */
public interface ChatLimitPort {

    /** The message limit for a new chat of this user, if an admin set one (per-user first, then the default). */
    OptionalInt configuredLimit(long userId);
}
