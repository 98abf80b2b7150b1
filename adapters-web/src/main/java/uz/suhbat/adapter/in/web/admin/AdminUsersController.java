package uz.suhbat.adapter.in.web.admin;

import java.net.URLEncoder;
import uz.suhbat.adapter.in.web.i18n.Problems;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.application.port.in.admin.UserAdministrationUseCase;
import uz.suhbat.domain.limit.DailyQuota;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.report.UserSearch;
import uz.suhbat.domain.report.UserSort;
import uz.suhbat.domain.shared.InvalidValueException;

/** {@code /admin/users}: search, sort and page through users; block, unblock, and set a user's own chat limit. */
@Controller
class AdminUsersController {

    private static final int PAGE_SIZE = 25;

    private final UserAdministrationUseCase users;
    private final LimitsUseCase limits;

    AdminUsersController(UserAdministrationUseCase users, LimitsUseCase limits) {
        this.users = users;
        this.limits = limits;
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "registered") String sort,
                @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "1") int page, Model model) {
        UserSort order = UserSort.parse(sort);
        boolean ascending = "asc".equalsIgnoreCase(dir);
        Page<UserOverview> found = users.users(new UserSearch(q, order, ascending, page, PAGE_SIZE));
        String query = "q=" + encode(q) + "&sort=" + order.name().toLowerCase(Locale.ROOT) + "&dir=" + (ascending ? "asc" : "desc");
        model.addAttribute("pageTitle", "admin.users.pageTitle");
        model.addAttribute("nav", Map.of("users", true));
        model.addAttribute("q", q);
        model.addAttribute("sorts", Arrays.stream(UserSort.values())
                .map(s -> new Choice(s.name().toLowerCase(Locale.ROOT), "admin.users.sort." + s.name().toLowerCase(Locale.ROOT), s == order))
                .toList());
        model.addAttribute("ascending", ascending);
        model.addAttribute("users", found.items().stream().map(UserRow::of).toList());
        model.addAttribute("pager", AdminPages.pager(found, "/admin/users", query));
        model.addAttribute("returnTo", "/admin/users?" + query + "&page=" + found.page());
        return "admin/users";
    }

    @PostMapping("/admin/users/{id}/block")
    String block(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(defaultValue = "") String reason,
                 @RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect, Model model,
                 jakarta.servlet.http.HttpServletResponse response) {
        String back = back(returnTo);
        if (back == null) {
            return badReturnAddress(model, response);
        }
        String cut = uz.suhbat.domain.shared.ShortText.cut(reason, 500);
        redirect.addFlashAttribute("flash", users.block(admin.id(), id, cut) ? "admin.users.blocked" : "admin.users.notFound");
        return "redirect:" + back;
    }

    @PostMapping("/admin/users/{id}/unblock")
    String unblock(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(defaultValue = "") String returnTo,
                   RedirectAttributes redirect, Model model, jakarta.servlet.http.HttpServletResponse response) {
        String back = back(returnTo);
        if (back == null) {
            return badReturnAddress(model, response);
        }
        redirect.addFlashAttribute("flash", users.unblock(admin.id(), id) ? "admin.users.unblocked" : "admin.users.notFound");
        return "redirect:" + back;
    }

    /** A blank {@code messageLimit} removes the user's override. */
    @PostMapping("/admin/users/{id}/limit")
    String limit(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(defaultValue = "") String messageLimit,
                 @RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect, Model model,
                 jakarta.servlet.http.HttpServletResponse response) {
        String back = back(returnTo);
        if (back == null) {
            return badReturnAddress(model, response);
        }
        saveOwn(messageLimit, MessageLimit::parse, limit -> limits.changeUserChatLimit(admin.id(), id, limit), "admin.users.limitSaved",
                redirect);
        return "redirect:" + back;
    }

    /** A blank {@code dailyQuota} removes the user's own quota, so the default applies. */
    @PostMapping("/admin/users/{id}/quota")
    String quota(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(defaultValue = "") String dailyQuota,
                 @RequestParam(defaultValue = "") String returnTo, RedirectAttributes redirect, Model model,
                 jakarta.servlet.http.HttpServletResponse response) {
        String back = back(returnTo);
        if (back == null) {
            return badReturnAddress(model, response);
        }
        saveOwn(dailyQuota, DailyQuota::parse, quota -> limits.changeUserDailyQuota(admin.id(), id, quota), "admin.users.quotaSaved",
                redirect);
        return "redirect:" + back;
    }

    /** A user's own value typed on the users page: blank removes it; the flash says what happened. */
    private static <T> void saveOwn(String text, Function<String, T> parse, Predicate<Optional<T>> save, String savedKey,
                                    RedirectAttributes redirect) {
        try {
            Optional<T> value = text.isBlank() ? Optional.empty() : Optional.of(parse.apply(text));
            redirect.addFlashAttribute("flash", save.test(value) ? savedKey : "admin.users.notFound");
        } catch (InvalidValueException invalid) {
            redirect.addFlashAttribute("flashError", Problems.key(invalid.problem()));
        }
    }

    /**
     * Where to go after an action: only back into the users page, so the field cannot send the admin elsewhere. Read
     * before the action is applied: a value that is no URL of ours (CR/LF, other control characters, spaces, quotes)
     * is null: the action answers 400 and changes nothing, instead of being applied and the redirect then failing.
     */
    private static String back(String returnTo) {
        if (returnTo.isEmpty()) {
            return "/admin/users";
        }
        if (!SAFE_RETURN.matcher(returnTo).matches()) {
            return null;
        }
        return returnTo.startsWith("/admin/users?") || returnTo.equals("/admin/users") ? returnTo : "/admin/users";
    }

    /** A path and query made only of the characters a URL may hold unescaped (RFC 3986), as the users page writes them. */
    private static final java.util.regex.Pattern SAFE_RETURN = java.util.regex.Pattern.compile("/[A-Za-z0-9._~%!$&'()*+,;=:@/?-]{0,2000}");

    private static String badReturnAddress(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("pageTitle", "admin.badRequest.title");
        model.addAttribute("title", "admin.badRequest.title");
        model.addAttribute("text", "admin.badRequest.returnTo");
        model.addAttribute("linkHref", "/admin/users");
        model.addAttribute("linkText", "admin.badRequest.back");
        return "message";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
