package uz.suhbat.adapter.in.web.admin;

import java.io.Serializable;

/** The principal of an admin session; kept under its own session key, apart from any user session. */
record SignedInAdmin(long id, String username, boolean main) implements Serializable {

    @Override
    public String toString() {
        return username;
    }
}
