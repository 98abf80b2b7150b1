package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletRequest;
import uz.suhbat.adapter.in.web.i18n.Problems;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.adapter.in.web.security.DeviceCookie;
import uz.suhbat.adapter.in.web.security.SessionRenewal;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;
import uz.suhbat.application.port.in.account.ProfileUseCase;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.chat.ChatQuery;

/** {@code /profile}: the account, its devices, and changes to it. */
@Controller
class ProfileController {

    private final ProfileUseCase profiles;
    private final DeviceLoginUseCase devices;
    private final ChatQuery chats;
    private final SessionCheckQuery sessions;

    ProfileController(ProfileUseCase profiles, DeviceLoginUseCase devices, ChatQuery chats, SessionCheckQuery sessions) {
        this.profiles = profiles;
        this.sessions = sessions;
        this.devices = devices;
        this.chats = chats;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        ProfileUseCase.Profile profile = profiles.profile(user.id());
        model.addAttribute("pageTitle", "profile.pageTitle");
        model.addAttribute("profile", profile);
        model.addAttribute("registered", date(profile.registeredAt()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("username", profile.username(), "email",
                    profile.pendingEmail() != null ? profile.pendingEmail() : profile.email()));
        }
        List<Map<String, Object>> deviceRows = devices.devices(user.id(), DeviceCookie.read(request)).stream()
                .map(d -> Map.<String, Object>of("id", d.id(), "browser", Browsers.describe(d.userAgent()),
                        "lastUsed", date(d.lastUsedAt()), "current", d.current()))
                .toList();
        model.addAttribute("devices", deviceRows);
        model.addAttribute("otherDevices", deviceRows.stream().anyMatch(d -> !(Boolean) d.get("current")));
        model.addAttribute("chats", chats.chats(user.id()).stream()
                .map(c -> Map.of("id", c.id(), "title", c.title(), "date", date(c.updatedAt())))
                .toList());
        return "profile";
    }

    /** A time as the page's language writes it, in the viewer's time zone (the page says which). */
    private static String date(java.time.Instant instant) {
        return Formats.minute(instant);
    }

    @PostMapping("/profile")
    String edit(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String username,
                @RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = Problems.keys(profiles.edit(user.id(), username, email));
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("flash", "profile.saved");
            return "redirect:/profile";
        }
        model.addAttribute("form", Map.of("username", username, "email", email));
        model.addAttribute("errors", errors);
        return profile(user, request, model);
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String currentPassword,
                          @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
                          HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = Problems.keys(profiles.changePassword(user.id(), currentPassword, newPassword));
        if (errors.isEmpty()) {
            // every other session and device has ended; this one goes on
            SessionRenewal.rememberAgain(user, devices, request, response);
            SessionRenewal.renew(user, sessions.currentEpoch(user.id()), request, response);
            redirect.addFlashAttribute("flash", "profile.passwordChanged");
            return "redirect:/profile";
        }
        model.addAttribute("passwordErrors", errors);
        return profile(user, request, model);
    }

    @PostMapping("/profile/delete")
    String delete(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String password,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!profiles.delete(user.id(), password)) {
            model.addAttribute("deleteError", "validation.password.wrong");
            return profile(user, request, model);
        }
        DeviceCookie.clear(request, response);
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?deleted";
    }

    @PostMapping("/profile/devices/{id}/sign-out")
    String signOutDevice(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        devices.signOut(user.id(), id);
        redirect.addFlashAttribute("flash", "profile.deviceSignedOut");
        return "redirect:/profile";
    }

    @PostMapping("/profile/devices/sign-out-others")
    String signOutOthers(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, HttpServletResponse response,
                         RedirectAttributes redirect) {
        SessionRenewal.renew(user, devices.signOutOthers(user.id(), DeviceCookie.read(request)), request, response);
        redirect.addFlashAttribute("flash", "profile.othersSignedOut");
        return "redirect:/profile";
    }
}
