package uz.suhbat.adapter.in.web.admin;

import uz.suhbat.domain.report.UserOverview;

/** A user as the users page lists them; {@code messageLimit} and {@code dailyQuota} are null when the user has none of their own. */
record UserRow(long id, String username, String email, boolean verified, boolean blocked, String blockedReason, String registered,
               String lastActive, long chats, boolean hasChats, long messages, Integer messageLimit, Integer dailyQuota) {

    static UserRow of(UserOverview user) {
        return new UserRow(user.id(), user.username(), user.email(), user.emailVerified(), user.blocked(), user.blockedReason(),
                AdminPages.minute(user.registeredAt()), AdminPages.minute(user.lastActiveAt()), user.chats(), user.chats() > 0,
                user.messages(), user.messageLimit(), user.dailyQuota());
    }
}
