package uz.suhbat.adapter.in.web.admin;

import java.nio.charset.StandardCharsets;
import uz.suhbat.domain.shared.Problem;
import uz.suhbat.adapter.in.web.i18n.Problems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import uz.suhbat.adapter.in.web.i18n.Formats;
import uz.suhbat.application.port.in.admin.UsageStatsQuery;
import uz.suhbat.domain.report.DailyUsage;
import uz.suhbat.domain.report.DateRange;
import uz.suhbat.domain.report.UsageStats;
import uz.suhbat.domain.report.UsageTotals;
import uz.suhbat.domain.shared.InvalidValueException;

/** The dashboard page, the same numbers as JSON ({@code /admin/api/stats}, see docs/api.md) and as CSV. */
@Controller
class DashboardController {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final UsageStatsQuery stats;
    private final org.springframework.context.MessageSource messages;

    DashboardController(UsageStatsQuery stats, org.springframework.context.MessageSource messages) {
        this.stats = stats;
        this.messages = messages;
    }

    @GetMapping("/admin")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        DateRange range;
        try {
            range = range(from, to);
        } catch (InvalidValueException invalid) {
            model.addAttribute("rangeError", Problems.key(invalid.problem()));
            range = stats.defaultRange();
        }
        UsageStats usage = stats.stats(range);
        model.addAttribute("pageTitle", "admin.dashboard.pageTitle");
        model.addAttribute("nav", Map.of("dashboard", true));
        model.addAttribute("totals", tiles(usage.totals()));
        model.addAttribute("from", range.from().toString());
        model.addAttribute("to", range.to().toString());
        model.addAttribute("dayLabels", dayLabels(usage.daily()));
        model.addAttribute("groupSeparator", String.valueOf(java.text.DecimalFormatSymbols.getInstance(
                org.springframework.context.i18n.LocaleContextHolder.getLocale()).getGroupingSeparator()));
        // newest day first in the table; the chart reads the API in date order
        model.addAttribute("daily", usage.daily().reversed().stream().map(DashboardController::tableRow).toList());
        return "admin/dashboard";
    }

    @GetMapping(value = "/admin/api/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> api(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        UsageStats usage = stats.stats(range(from, to));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("range", Map.of("from", usage.range().from().toString(), "to", usage.range().to().toString()));
        json.put("totals", totals(usage.totals()));
        json.put("daily", usage.daily().stream().map(DashboardController::row).toList());
        return json;
    }

    @GetMapping("/admin/stats.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                               java.util.Locale locale) {
        UsageStats usage = stats.stats(range(from, to));
        List<String> models = List.copyOf(usage.daily().stream().flatMap(d -> d.answersByModel().keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new)));
        // headers in the admin's language; the days are UTC days, and a column says so
        StringBuilder out = new StringBuilder();
        for (String column : List.of("date", "zone", "messages", "activeUsers", "newUsers", "inputTokens", "outputTokens")) {
            out.append(out.isEmpty() ? "" : ",").append(Csv.field(messages.getMessage("admin.csv." + column, null, locale)));
        }
        models.forEach(m -> out.append(',').append(Csv.field(messages.getMessage("admin.csv.answersBy",
                new Object[] {Map.of("model", m)}, locale))));
        out.append("\r\n");
        for (DailyUsage day : usage.daily()) {
            out.append(day.date()).append(",UTC,").append(day.messages()).append(',').append(day.activeUsers()).append(',')
                    .append(day.newUsers()).append(',').append(day.inputTokens()).append(',').append(day.outputTokens());
            models.forEach(m -> out.append(',').append(day.answersByModel().getOrDefault(m, 0L)));
            out.append("\r\n");
        }
        String file = "suhbat-usage-" + usage.range().from() + "-" + usage.range().to() + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<Map<String, String>> invalidRange(InvalidValueException invalid) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "invalid_range", "message", "from and to are ISO dates (yyyy-mm-dd) from "
                        + DateRange.EARLIEST + " to " + DateRange.LATEST + ", from <= to, at most " + DateRange.MAX_DAYS + " days"));
    }

    private DateRange range(String from, String to) {
        if (isBlank(from) && isBlank(to)) {
            return stats.defaultRange();
        }
        try {
            LocalDate end = isBlank(to) ? stats.defaultRange().to() : LocalDate.parse(to.strip());
            LocalDate start = isBlank(from) ? end.minusDays(UsageStatsQuery.DEFAULT_DAYS - 1L) : LocalDate.parse(from.strip());
            return new DateRange(start, end);
        } catch (java.time.DateTimeException malformedOrOutOfRange) {
            // a malformed date, or one so far away that the default start before it does not exist
            throw new InvalidValueException("range", malformedOrOutOfRange instanceof DateTimeParseException
                    ? Problem.RANGE_ORDER : Problem.RANGE_OUTSIDE);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The totals as the tiles show them, with thousands set apart. */
    private static Map<String, Object> tiles(UsageTotals t) {
        Map<String, Object> tiles = new LinkedHashMap<>();
        totals(t).forEach((name, value) -> tiles.put(name, AdminPages.count((Long) value)));
        // the plain numbers too, for the texts that count them ("3 answers", "3 ответа")
        totals(t).forEach((name, value) -> tiles.put(name + "N", value));
        return tiles;
    }

    private static Map<String, Object> totals(UsageTotals t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("users", t.users());
        json.put("verifiedUsers", t.verifiedUsers());
        json.put("blockedUsers", t.blockedUsers());
        json.put("chats", t.chats());
        json.put("messages", t.messages());
        json.put("answers", t.answers());
        json.put("inputTokens", t.inputTokens());
        json.put("outputTokens", t.outputTokens());
        json.put("pdfModels", t.pdfModels());
        return json;
    }

    /** The chart's axis labels, {"2026-11-29": "29 нояб.", …}, as JSON (written by Jackson) for the page script. */
    private static String dayLabels(List<DailyUsage> days) {
        Map<String, String> labels = new LinkedHashMap<>();
        days.forEach(d -> labels.put(d.date().toString(), Formats.shortDay(d.date())));
        return JSON.writeValueAsString(labels);
    }

    private static Map<String, Object> tableRow(DailyUsage day) {
        Map<String, Object> row = row(day);
        // the table shows the day and the numbers as the page's language writes them
        row.put("date", Formats.day(day.date()));
        row.put("iso", day.date().toString());
        for (String key : List.of("messages", "activeUsers", "newUsers", "inputTokens", "outputTokens")) {
            row.put(key, Formats.count((Long) row.get(key)));
        }
        row.put("modelList", day.answersByModel().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("name", e.getKey(), "count", Formats.count(e.getValue()))).toList());
        return row;
    }

    private static Map<String, Object> row(DailyUsage day) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", day.date().toString());
        json.put("messages", day.messages());
        json.put("activeUsers", day.activeUsers());
        json.put("newUsers", day.newUsers());
        json.put("inputTokens", day.inputTokens());
        json.put("outputTokens", day.outputTokens());
        json.put("models", day.answersByModel());
        return json;
    }
}
