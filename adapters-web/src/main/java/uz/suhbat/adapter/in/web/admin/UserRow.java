package uz.suhbat.adapter.in.web.admin;

import java.util.List;
import uz.suhbat.domain.report.UserOverview;

/**
 * A user as the users page lists them; {@code messageLimit} and {@code dailyQuota} are null when the user has none of their own;
 * {@code emailParts}: the address cut where it may break (before its "@" and after a dot), never inside a word.
 */
record UserRow(long id, String username, String email, List<String> emailParts, boolean verified, boolean blocked, String blockedReason, String registered,
               String lastActive, long chats, boolean hasChats, long messages, Integer messageLimit, Integer dailyQuota) {

    static UserRow of(UserOverview user) {
        return new UserRow(user.id(), user.username(), user.email(), List.of(user.email().split("(?<=\\.)|(?=@)")), user.emailVerified(), user.blocked(), user.blockedReason(),
                AdminPages.minute(user.registeredAt()), AdminPages.minute(user.lastActiveAt()), user.chats(), user.chats() > 0,
                user.messages(), user.messageLimit(), user.dailyQuota());
    }
}
