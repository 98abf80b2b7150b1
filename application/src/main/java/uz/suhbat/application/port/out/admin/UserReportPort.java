package uz.suhbat.application.port.out.admin;

import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;

/** Users with their activity counts, computed by the store (never by loading their chats). */
public interface UserReportPort {

    Page<UserOverview> search(UserSearch search);
}
