package uz.suhbat.application.port.out.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import uz.suhbat.domain.limit.DailyQuota;

/** What every {@link DailyQuotaPort} must do, with the {@link LimitSettingsRepository} that stores the quotas it reads. */
public abstract class DailyQuotaPortContract {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    /** Called first in every test: a store with no quotas and no counts. */
    protected abstract LimitSettingsRepository emptySettings();

    /** The port over the same store as the last {@link #emptySettings()}. */
    protected abstract DailyQuotaPort quotas();

    protected abstract long givenUser();

    @Test
    void thereIsNoQuotaUntilAnAdminSetsOne_thenTheUsersOwnComesBeforeTheDefault() {
        LimitSettingsRepository settings = emptySettings();
        long user = givenUser();
        assertThat(quotas().quotaOf(user)).isEmpty();

        settings.saveDefaultDailyQuota(new DailyQuota(40));
        assertThat(quotas().quotaOf(user)).contains(new DailyQuota(40));
        assertThat(settings.defaultDailyQuota()).contains(new DailyQuota(40));

        assertThat(settings.saveUserDailyQuota(user, new DailyQuota(5))).isTrue();
        assertThat(quotas().quotaOf(user)).contains(new DailyQuota(5));

        settings.saveUserDailyQuota(user, null);
        settings.saveDefaultDailyQuota(null);
        assertThat(quotas().quotaOf(user)).isEmpty();
        assertThat(settings.saveUserDailyQuota(user + 1000, new DailyQuota(5))).isFalse();
    }

    @Test
    void countsUpToTheQuotaPerDay_andAnUncountGivesOneBack() {
        emptySettings();
        long user = givenUser();
        DailyQuota two = new DailyQuota(2);

        assertThat(quotas().tryCount(user, DAY, two)).isTrue();
        assertThat(quotas().tryCount(user, DAY, two)).isTrue();
        assertThat(quotas().tryCount(user, DAY, two)).isFalse();
        assertThat(quotas().counted(user, DAY)).isEqualTo(2);
        assertThat(quotas().counted(user, DAY.plusDays(1))).isZero();
        assertThat(quotas().tryCount(user, DAY.plusDays(1), two)).isTrue();

        quotas().uncount(user, DAY);
        assertThat(quotas().counted(user, DAY)).isEqualTo(1);
        assertThat(quotas().tryCount(user, DAY, two)).isTrue();
    }

    @Test
    void ofManyMessagesRacingForTheLastPlaces_exactlyTheQuotaIsCounted() throws Exception {
        emptySettings();
        long user = givenUser();
        DailyQuota five = new DailyQuota(5);
        DailyQuotaPort port = quotas();
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            racers.add(() -> port.tryCount(user, DAY, five));
        }

        int counted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                counted += result.get() ? 1 : 0;
            }
        }

        assertThat(counted).isEqualTo(5);
        assertThat(port.counted(user, DAY)).isEqualTo(5);
    }
}
