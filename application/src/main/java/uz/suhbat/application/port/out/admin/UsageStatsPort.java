package uz.suhbat.application.port.out.admin;

import java.util.List;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageTotals;

/** Aggregates over all users, chats and messages, computed by the store. */
public interface UsageStatsPort {

    UsageTotals totals();

    /** Only days with some use, in date order; the caller fills the gaps. */
    List<DailyUsage> daily(DateRange range);
}
