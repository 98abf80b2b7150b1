package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import uz.suhbat.application.port.in.account.SessionCheckQuery;

/** The signed-in account's state as checked for this request by {@link SessionCheckFilter}. */
public final class CurrentAccount {

    private CurrentAccount() {
    }

    public static Optional<SessionCheckQuery.Active> of(HttpServletRequest request) {
        return Optional.ofNullable((SessionCheckQuery.Active) request.getAttribute(SessionCheckFilter.ACCOUNT));
    }

    /**
     * What {@link SessionCheckFilter} read of the author of a request that starts a chat, for
     * {@link uz.suhbat.application.port.in.chat.StartChatUseCase}; null when it read nothing ahead.
     */
    public static uz.suhbat.application.port.in.chat.StartChatUseCase.AuthorReadAhead authorReadAhead(HttpServletRequest request) {
        return (uz.suhbat.application.port.in.chat.StartChatUseCase.AuthorReadAhead) request.getAttribute(SessionCheckFilter.READ_AHEAD);
    }
}
