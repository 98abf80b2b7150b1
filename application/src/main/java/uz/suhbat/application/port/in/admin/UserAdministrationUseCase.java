package uz.suhbat.application.port.in.admin;

import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;

/** The users page: find users with their activity, and block or unblock them. {@code adminId} is the signed-in admin. */
public interface UserAdministrationUseCase {

    Page<UserOverview> users(UserSearch search);

    /**
     * Blocks at once: the user's sessions and remembered devices end at their next request, and
     * {@code reason} (optional) is shown at their next sign-in. False when there is no such user.
     */
    boolean block(long adminId, long userId, String reason);

    /** False when there is no such user. */
    boolean unblock(long adminId, long userId);
}
