package uz.suhbat.adapter.in.web.security;

import java.io.Serializable;

/** The principal of a user session. {@code sessionEpoch} ties the session to the account's current epoch. */
public record SignedInUser(long id, String username, int sessionEpoch) implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
