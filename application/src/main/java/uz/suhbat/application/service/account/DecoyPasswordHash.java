package uz.suhbat.application.service.account;

import uz.suhbat.application.port.out.security.PasswordHashingPort;

/**
 * A hash that no password matches, checked when a sign-in names an unknown account, so that both
 * answers cost one slow hash check and timing does not tell which accounts exist. Made on first use,
 * not at start-up.
 */
public final class DecoyPasswordHash {

    private final PasswordHashingPort hashing;
    private volatile String hash;

    public DecoyPasswordHash(PasswordHashingPort hashing) {
        this.hashing = hashing;
    }

    public String get() {
        String made = hash;
        if (made == null) {
            made = hashing.hash("decoy-password-that-matches-nothing");
            hash = made;
        }
        return made;
    }
}
