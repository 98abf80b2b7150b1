package uz.suhbat.application.port.in.admin;

import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageStats;

/** The dashboard's numbers: totals and daily usage over a range of days. */
public interface UsageStatsQuery {

    /** The last {@value #DEFAULT_DAYS} days up to today (UTC). */
    int DEFAULT_DAYS = 30;

    UsageStats stats(DateRange range);

    DateRange defaultRange();
}
