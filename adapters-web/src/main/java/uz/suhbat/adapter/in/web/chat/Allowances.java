package uz.suhbat.adapter.in.web.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import uz.suhbat.application.port.in.chat.ChatQuery.DailyAllowance;

/** A user's daily quota as the chat screen reads it: {@code {"quota", "used", "left", "nearlyUsedUp", "resetsAt"}}, or null. */
public final class Allowances {

    private Allowances() {
    }

    public static Map<String, Object> json(Optional<DailyAllowance> allowance) {
        if (allowance.isEmpty()) {
            return null;
        }
        DailyAllowance a = allowance.get();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("quota", a.quota());
        json.put("used", a.used());
        json.put("left", a.left());
        json.put("nearlyUsedUp", a.nearlyUsedUp());
        json.put("resetsAt", a.resetsAt().toString());
        return json;
    }
}
