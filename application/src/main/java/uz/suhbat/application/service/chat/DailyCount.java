package uz.suhbat.application.service.chat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.limit.DailyQuota;

/** A user's daily message quota: what is left of it, and counting a message against it before it is stored. */
final class DailyCount {

    private final DailyQuotaPort quotas;
    private final Clock clock;

    DailyCount(DailyQuotaPort quotas, Clock clock) {
        this.quotas = quotas;
        this.clock = clock;
    }

    Optional<DailyAllowance> allowance(long userId) {
        Instant now = clock.instant();
        return quotas.quotaOf(userId).map(quota -> allowance(quota, quotas.counted(userId, DailyQuota.dayOf(now)), now));
    }

    private static DailyAllowance allowance(DailyQuota quota, int used, Instant now) {
        return new DailyAllowance(quota.value(), used, quota.nearlyUsedUp(used), DailyQuota.resetAfter(now));
    }

    /**
     * Counts the message against the user's daily quota, if one applies, before it is stored: of two
     * messages racing for the last one, one gets through.
     */
    Counted count(long userId, Instant now) {
        return count(userId, quotas.quotaOf(userId), now);
    }

    /** {@link #count(long, Instant)} with the quota that applies to the user already read. */
    Counted count(long userId, Optional<DailyQuota> quota, Instant now) {
        if (quota.isEmpty()) {
            return new Counted(userId, null, Optional.empty(), false);
        }
        LocalDate day = DailyQuota.dayOf(now);
        if (!quotas.tryCount(userId, day, quota.get())) {
            return new Counted(userId, null, Optional.of(allowance(quota.get(), quota.get().value(), now)), true);
        }
        return new Counted(userId, day, Optional.of(allowance(quota.get(), quotas.counted(userId, day), now)), false);
    }

    /**
     * A message's place in the daily quota: {@code day} is the day it was counted on (null when nothing
     * was counted), {@code refused} whether the quota was already used up.
     */
    record Counted(long userId, LocalDate day, Optional<DailyAllowance> allowance, boolean refused) {
    }

    /** Stores a counted message; one that could not be stored (limit, closed chat, failure) is taken out of the count. */
    <T> Optional<T> storeCounted(Counted counted, Supplier<Optional<T>> store) {
        boolean stored = false;
        try {
            Optional<T> result = store.get();
            stored = result.isPresent();
            return result;
        } finally {
            if (!stored && counted.day() != null) {
                quotas.uncount(counted.userId(), counted.day());
            }
        }
    }
}
