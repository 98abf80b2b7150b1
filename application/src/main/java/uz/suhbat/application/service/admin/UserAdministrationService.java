package uz.suhbat.application.service.admin;

import java.time.Clock;
import java.util.Optional;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.application.port.in.admin.UserAdministrationUseCase;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.admin.UserReportPort;
import uz.suhbat.domain.audit.AuditAction;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;
import uz.suhbat.domain.user.User;

/**
 * Finding, blocking and unblocking users. Blocking bumps the user's session epoch, which the
 * per-request session check compares, so every session and remembered device ends at its next request.
 */
public final class UserAdministrationService implements UserAdministrationUseCase {

    private final UserReportPort reports;
    private final UserRepository users;
    private final AuditTrail audit;
    private final ApiKeyRepository apiKeys;
    private final Clock clock;

    /** {@code apiKeys}: a blocked user's API keys are revoked with the block (an unblocked user makes new ones). */
    public UserAdministrationService(UserReportPort reports, UserRepository users, AuditTrail audit, ApiKeyRepository apiKeys,
                                     Clock clock) {
        this.reports = reports;
        this.users = users;
        this.audit = audit;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    @Override
    public Page<UserOverview> users(UserSearch search) {
        return reports.search(search);
    }

    @Override
    public boolean block(long adminId, long userId, String reason) {
        Optional<User> user = users.findById(userId);
        if (user.isEmpty()) {
            return false;
        }
        User blocked = users.save(user.get().block(reason));
        apiKeys.revokeAll(userId, clock.instant());
        audit.record(adminId, AuditAction.USER_BLOCKED, describe(blocked), blocked.blockedReason());
        return true;
    }

    @Override
    public boolean unblock(long adminId, long userId) {
        Optional<User> user = users.findById(userId);
        if (user.isEmpty()) {
            return false;
        }
        users.save(user.get().unblock());
        audit.record(adminId, AuditAction.USER_UNBLOCKED, describe(user.get()), null);
        return true;
    }

    static String describe(User user) {
        return user.username().value() + " (#" + user.id() + ")";
    }
}
