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
}
