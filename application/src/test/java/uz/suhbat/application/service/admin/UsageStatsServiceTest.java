package uz.suhbat.application.service.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageStats;
import uz.suhbat.domain.report.UsageTotals;

class UsageStatsServiceTest {

    private static final UsageTotals TOTALS = new UsageTotals(3, 2, 1, 4, 10, 9, 1000, 200, 1);
    private static final DailyUsage BUSY_DAY = new DailyUsage(LocalDate.of(2026, 11, 25), 6, 2, 1, 600, 120, Map.of("gpt-4o-mini", 6L));

    private final MutableClock clock = MutableClock.at("2026-11-26T23:59:59Z");
    private final UsageStatsPort port = new UsageStatsPort() {
        @Override
        public UsageTotals totals() {
            return TOTALS;
        }

        @Override
        public List<DailyUsage> daily(DateRange range) {
            return List.of(BUSY_DAY);
        }
    };
    private final UsageStatsService service = new UsageStatsService(port, clock);

    @Test
    void theDefaultRangeIsTheLast30UtcDaysUpToToday() {
        assertThat(service.defaultRange()).isEqualTo(new DateRange(LocalDate.of(2026, 10, 28), LocalDate.of(2026, 11, 26)));
    }

    @Test
    void daysWithoutUseAreFilledWithZerosSoAChartHasNoGaps() {
        UsageStats stats = service.stats(new DateRange(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 26)));

        assertThat(stats.totals()).isEqualTo(TOTALS);
        assertThat(stats.daily()).containsExactly(DailyUsage.nothing(LocalDate.of(2026, 11, 24)), BUSY_DAY,
                DailyUsage.nothing(LocalDate.of(2026, 11, 26)));
    }
}
