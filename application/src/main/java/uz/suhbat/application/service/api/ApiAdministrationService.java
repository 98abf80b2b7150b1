package uz.suhbat.application.service.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.domain.shared.InvalidValueException;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;
import uz.suhbat.application.port.in.api.ApiAdministrationUseCase;
import uz.suhbat.application.port.out.api.ApiKeyRepository;
import uz.suhbat.application.port.out.api.ApiUsageRepository;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.domain.audit.AuditAction;

/** The admin's switches for the API (recorded in the audit log) and the usage per key and per day. */
public final class ApiAdministrationService implements ApiAdministrationUseCase {

    private final ApiKeyRepository keys;
    private final UserRepository users;
    private final ApiUsageRepository usage;
    private final AuditTrail audit;
    private final Clock clock;

    public ApiAdministrationService(ApiKeyRepository keys, UserRepository users, ApiUsageRepository usage, AuditTrail audit, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.usage = usage;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean apiOpen() {
        return keys.apiOpen();
    }

    @Override
    public void setApiOpen(long adminId, boolean open) {
        boolean before = keys.apiOpen();
        keys.saveApiOpen(open);
        audit.record(adminId, AuditAction.API_ACCESS_CHANGED, "API", before + " → " + open);
    }

    @Override
    public boolean setUserApiDisabled(long adminId, long userId, boolean disabled) {
        if (!keys.saveUserApiDisabled(userId, disabled)) {
            return false;
        }
        audit.record(adminId, AuditAction.USER_API_ACCESS_CHANGED, "#" + userId, disabled ? "off" : "on");
        return true;
    }

    @Override
    public boolean setUserApiDisabled(long adminId, String username, boolean disabled) {
        Optional<User> user;
        try {
            user = users.findByUsername(new Username(username == null ? "" : username.strip()));
        } catch (InvalidValueException notAName) {
            return false;
        }
        return user.isPresent() && setUserApiDisabled(adminId, user.get().id(), disabled);
    }

    @Override
    public List<Map.Entry<Long, String>> usersWithApiOff() {
        return keys.usersWithApiOff().stream().map(u -> Map.entry(u.id(), u.username())).toList();
    }

    @Override
    public boolean userApiDisabled(long userId) {
        return keys.userApiDisabled(userId);
    }

    @Override
    public List<KeyUsage> usageByKey(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return usage.usageByKey(today.minusDays(days - 1L), today).stream()
                .map(u -> new KeyUsage(u.keyId(), u.userId(), u.username(), u.keyName(), u.prefix(), u.revoked(), u.lastUsedAt(),
                        u.requests(), u.inputTokens(), u.outputTokens()))
                .toList();
    }

    @Override
    public List<DayUsage> usageByDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return usage.usageByDay(today.minusDays(days - 1L), today).stream()
                .map(d -> new DayUsage(d.day(), d.requests(), d.inputTokens(), d.outputTokens()))
                .toList();
    }
}
