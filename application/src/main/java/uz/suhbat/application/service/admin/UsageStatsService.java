package uz.suhbat.application.service.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import uz.suhbat.application.port.in.admin.UsageStatsQuery;
import uz.suhbat.application.port.out.admin.UsageStatsPort;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageStats;

/** The dashboard's numbers. Days are UTC days, as stored; days without use appear as zeros so a chart has no gaps. */
public final class UsageStatsService implements UsageStatsQuery {

    private final UsageStatsPort stats;
    private final Clock clock;

    public UsageStatsService(UsageStatsPort stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public UsageStats stats(DateRange range) {
        UsageStatsPort.Usage usage = stats.usage(range);
        Map<LocalDate, DailyUsage> used = usage.daily().stream()
                .collect(Collectors.toMap(DailyUsage::date, Function.identity()));
        List<DailyUsage> daily = new ArrayList<>(range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            daily.add(used.getOrDefault(day, DailyUsage.nothing(day)));
        }
        return new UsageStats(usage.totals(), range, daily);
    }

    @Override
    public DateRange defaultRange() {
        return DateRange.lastDays(LocalDate.now(clock.withZone(ZoneOffset.UTC)), DEFAULT_DAYS);
    }
}
