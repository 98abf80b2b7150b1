package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.i18n.Problems;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase.ConnectionView;
import uz.suhbat.application.port.in.provider.ManageConnectionsUseCase.ModelSettings;
import uz.suhbat.domain.provider.ConnectionKind;
import uz.suhbat.domain.provider.ConnectionModel;
import uz.suhbat.domain.shared.InvalidValueException;

/**
 * {@code /admin/connections}: connections to model providers (OPENAI_* of the settings first, read-only), and on
 * {@code /admin/connections/{id}} one connection's address and key, and which of its models users see. A key is
 * never shown again, only its last characters; the key field is a password field the browser is asked not to fill.
 */
@Controller
class ConnectionsController {

    private final ManageConnectionsUseCase connections;

    ConnectionsController(ManageConnectionsUseCase connections) {
        this.connections = connections;
    }

    @GetMapping("/admin/connections")
    String list(Model model) {
        model.addAttribute("pageTitle", "admin.connections.pageTitle");
        model.addAttribute("nav", Map.of("connections", true));
        model.addAttribute("connections", connections.connections().stream().map(ConnectionsController::row).toList());
        model.addAttribute("keysCanBeKept", connections.keysCanBeKept());
        String chosenKind = (String) model.getAttribute("chosenKind");
        model.addAttribute("kinds", kindChoices(chosenKind == null ? ConnectionKind.OPENAI_COMPATIBLE.name() : chosenKind));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", "", "baseUrl", ConnectionKind.OPENAI_COMPATIBLE.defaultBaseUrl()));
        }
        return "admin/connections";
    }

    @PostMapping("/admin/connections")
    String add(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String name,
               @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String baseUrl,
               @RequestParam(defaultValue = "") String apiKey, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            long id = connections.add(admin.id(), name, ConnectionKind.parse(kind), baseUrl, apiKey);
            redirect.addFlashAttribute("flash", "admin.connections.added");
            return "redirect:/admin/connections/" + id;
        } catch (InvalidValueException invalid) {
            response.setStatus(400);
            // the key typed is not sent back into the page
            model.addAttribute("errors", Map.of(invalid.field(), Problems.key(invalid.problem())));
            model.addAttribute("form", Map.of("name", name, "baseUrl", baseUrl));
            model.addAttribute("chosenKind", kind);
            return list(model);
        }
    }

    @GetMapping("/admin/connections/{id}")
    String connection(@PathVariable long id, Model model, RedirectAttributes redirect) {
        Optional<ConnectionView> found = connections.connection(id);
        if (found.isEmpty()) {
            return notFound(redirect);
        }
        return page(found.get(), model);
    }

    private String page(ConnectionView view, Model model) {
        long id = view.id();
        model.addAttribute("pageTitle", "admin.connections.pageTitle");
        model.addAttribute("nav", Map.of("connections", true));
        model.addAttribute("connection", row(view));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("name", view.name(), "baseUrl", view.baseUrl()));
        }
        ManageConnectionsUseCase.ModelListing listing = connections.models(id);
        model.addAttribute("listFailure", listing.failure().orElse(null));
        model.addAttribute("modelRows", modelRows(listing));
        model.addAttribute("keysCanBeKept", connections.keysCanBeKept());
        return "admin/connection";
    }

    @PostMapping("/admin/connections/{id}")
    String edit(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String baseUrl, @RequestParam(defaultValue = "") String apiKey,
                @RequestParam(defaultValue = "false") boolean removeKey, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        try {
            if (!connections.edit(admin.id(), id, name, baseUrl, apiKey, removeKey)) {
                return notFound(redirect);
            }
        } catch (InvalidValueException invalid) {
            model.addAttribute("errors", Map.of(invalid.field(), Problems.key(invalid.problem())));
            model.addAttribute("form", Map.of("name", name, "baseUrl", baseUrl));
            return invalid(id, model, response, redirect);
        }
        redirect.addFlashAttribute("flash", "admin.connections.saved");
        return "redirect:/admin/connections/" + id;
    }

    @PostMapping("/admin/connections/{id}/enabled")
    String switchOnOff(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam boolean enabled,
                       RedirectAttributes redirect) {
        if (!connections.setEnabled(admin.id(), id, enabled)) {
            return notFound(redirect);
        }
        redirect.addFlashAttribute("flash", enabled ? "admin.connections.turnedOn" : "admin.connections.turnedOff");
        return "redirect:/admin/connections";
    }

    @PostMapping("/admin/connections/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(defaultValue = "") String confirm,
                  RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            redirect.addFlashAttribute("flashError", "admin.connections.confirmNeeded");
            return "redirect:/admin/connections/" + id;
        }
        if (!connections.delete(admin.id(), id)) {
            return notFound(redirect);
        }
        redirect.addFlashAttribute("flash", "admin.connections.deleted");
        return "redirect:/admin/connections";
    }

    /**
     * The models form: one row per model ({@code model}, {@code displayName}, {@code systemPrompt}, {@code temperature}
     * in the same order), {@code offered} and {@code vision} list the ids ticked, {@code extraModel} adds one by id.
     */
    @PostMapping("/admin/connections/{id}/models")
    String chooseModels(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                        Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<String> ids = form.getOrDefault("model", List.of());
        List<String> names = form.getOrDefault("displayName", List.of());
        List<String> prompts = form.getOrDefault("systemPrompt", List.of());
        List<String> temperatures = form.getOrDefault("temperature", List.of());
        Set<String> offered = new LinkedHashSet<>(form.getOrDefault("offered", List.of()));
        Set<String> vision = new LinkedHashSet<>(form.getOrDefault("vision", List.of()));
        List<ModelSettings> chosen = new ArrayList<>();
        try {
            for (int i = 0; i < ids.size(); i++) {
                String modelId = ids.get(i);
                if (offered.contains(modelId)) {
                    chosen.add(new ModelSettings(modelId, at(names, i), at(prompts, i), ConnectionModel.parseTemperature(at(temperatures, i)),
                            vision.contains(modelId)));
                }
            }
            String extra = form.getFirst("extraModel");
            if (extra != null && !extra.isBlank()) {
                chosen.add(new ModelSettings(ConnectionModel.parseModelId(extra), null, null, null, false));
            }
            if (!connections.chooseModels(admin.id(), id, chosen)) {
                return notFound(redirect);
            }
        } catch (InvalidValueException invalid) {
            model.addAttribute("modelsError", Problems.key(invalid.problem()));
            return invalid(id, model, response, redirect);
        }
        redirect.addFlashAttribute("flash", "admin.connections.modelsSaved");
        return "redirect:/admin/connections/" + id;
    }

    /** The connection's page again, with the errors the model holds, as a 400. */
    private String invalid(long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<ConnectionView> found = connections.connection(id);
        if (found.isEmpty()) {
            return notFound(redirect);
        }
        response.setStatus(400);
        return page(found.get(), model);
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : "";
    }

    private static String notFound(RedirectAttributes redirect) {
        redirect.addFlashAttribute("flashError", "admin.connections.notFound");
        return "redirect:/admin/connections";
    }

    /** The kinds, each with the address a new connection of it starts with (the page's script fills it in). */
    private static List<Map<String, Object>> kindChoices(String chosen) {
        return java.util.Arrays.stream(ConnectionKind.values())
                .map(kind -> Map.<String, Object>of("value", kind.name(), "label", "admin.connections.kind." + kind.name(),
                        "selected", kind.name().equalsIgnoreCase(chosen), "baseUrl", kind.defaultBaseUrl()))
                .toList();
    }

    /** A model of the connection's list or of the chosen ones: chosen ones first, in their order, then the others. */
    private static List<Map<String, Object>> modelRows(ManageConnectionsUseCase.ModelListing listing) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ModelSettings chosen : listing.chosen()) {
            seen.add(chosen.modelId());
            rows.add(modelRow(rows.size(), chosen.modelId(), true, chosen, listing.available().contains(chosen.modelId())
                    || listing.failure().isPresent()));
        }
        for (String available : listing.available()) {
            if (seen.add(available)) {
                rows.add(modelRow(rows.size(), available, false, null, true));
            }
        }
        return rows;
    }

    private static Map<String, Object> modelRow(int index, String modelId, boolean offered, ModelSettings settings, boolean listed) {
        Map<String, Object> row = new HashMap<>();
        row.put("index", index);
        row.put("id", modelId);
        row.put("offered", offered);
        row.put("listed", listed);
        row.put("displayName", settings == null || settings.displayName() == null ? "" : settings.displayName());
        row.put("systemPrompt", settings == null || settings.systemPrompt() == null ? "" : settings.systemPrompt());
        row.put("temperature", settings == null || settings.temperature() == null ? "" : String.valueOf(settings.temperature()));
        row.put("vision", settings != null && settings.vision());
        return row;
    }

    private static Map<String, Object> row(ConnectionView view) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", view.id());
        row.put("name", view.name());
        row.put("kind", "admin.connections.kind." + view.kind().name());
        row.put("baseUrl", view.baseUrl());
        row.put("keyHint", view.keyHint());
        row.put("hasKey", view.hasKey());
        row.put("keyUnreadable", view.keyUnreadable());
        row.put("enabled", view.enabled());
        row.put("fromSettings", view.fromSettings());
        row.put("modelCount", view.models().size());
        row.put("models", view.models().stream().map(m -> m.displayName() == null ? m.modelId() : m.displayName() + " (" + m.modelId() + ")")
                .toList());
        return row;
    }
}
