package uz.suhbat.domain.report;

import java.util.List;

/** The dashboard: totals, and one entry for every day of {@code range}, days without use included. */
public record UsageStats(UsageTotals totals, DateRange range, List<DailyUsage> daily) {

    public UsageStats {
        daily = List.copyOf(daily);
    }
}
