package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import uz.suhbat.adapter.in.web.i18n.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import uz.suhbat.adapter.in.web.security.ApiErrors;
import uz.suhbat.application.port.in.chat.ChatQuery;
import uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery;
import uz.suhbat.application.port.in.knowledge.ManageKnowledgeModelsUseCase;
import uz.suhbat.domain.knowledge.KnowledgeModel;

/**
 * {@code /admin/models}: PDF-based models. An upload is checked, stored and read in the background;
 * the page shows live progress, and a ready model can be tried, launched, hidden or deleted.
 */
@Controller
class ModelsController {

    private final ManageKnowledgeModelsUseCase manage;
    private final KnowledgeModelsQuery query;
    private final ChatQuery chats;
    private final MessageSource messages;

    ModelsController(ManageKnowledgeModelsUseCase manage, KnowledgeModelsQuery query, ChatQuery chats, MessageSource messages) {
        this.manage = manage;
        this.query = query;
        this.chats = chats;
        this.messages = messages;
    }

    @GetMapping("/admin/models")
    String models(Model model) {
        model.addAttribute("pageTitle", "admin.models.pageTitle");
        model.addAttribute("nav", Map.of("models", true));
        model.addAttribute("models", query.all().stream().map(this::row).toList());
        model.addAttribute("baseModels", chats.models().stream().filter(m -> "openai".equals(m.kind()))
                .map(m -> new Choice(m.id(), m.id(), m.id().equals(model.getAttribute("chosenBase")))).toList());
        model.addAttribute("embeddingKinds", query.embeddingKinds().stream().map(kind -> new Choice(kind.name(),
                "admin.models.embedding." + kind.name(), kind.name().equals(model.getAttribute("chosenEmbedding")))).toList());
        return "admin/models";
    }

    @PostMapping("/admin/models")
    String create(@AuthenticationPrincipal SignedInAdmin admin, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String baseModel,
                  @RequestParam(defaultValue = "") String instructions, @RequestParam(defaultValue = "") String embeddingKind,
                  @RequestParam(required = false) MultipartFile file,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
        ManageKnowledgeModelsUseCase.Command command = new ManageKnowledgeModelsUseCase.Command(name, description, baseModel, instructions,
                embeddingKind);
        ManageKnowledgeModelsUseCase.Result result;
        try (InputStream pdf = file == null || file.isEmpty() ? null : file.getInputStream()) {
            result = manage.create(admin.id(), command, pdf);
        }
        if (result instanceof ManageKnowledgeModelsUseCase.Created created) {
            redirect.addFlashAttribute("flash", "admin.models.createdFlash");
            return "redirect:/admin/models/" + created.id();
        }
        ManageKnowledgeModelsUseCase.Rejected rejected = (ManageKnowledgeModelsUseCase.Rejected) result;
        response.setStatus(rejected.tooLarge() ? 413 : 400);
        model.addAttribute("errors", Problems.keys(rejected.errors()));
        model.addAttribute("form", Map.of("name", name, "description", description, "instructions", instructions));
        model.addAttribute("chosenBase", baseModel);
        model.addAttribute("chosenEmbedding", embeddingKind);
        return models(model);
    }

    /** Too large for the servlet's own limit: the same page and sentence as our own check, status 413. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(413);
        model.addAttribute("errors", Map.of("file", "knowledge.error.too_large"));
        return models(model);
    }

    @GetMapping("/admin/models/{id}")
    String model(@PathVariable long id, Model model) {
        KnowledgeModel knowledge = query.find(id).orElse(null);
        if (knowledge == null) {
            return "redirect:/admin/models";
        }
        model.addAttribute("pageTitle", "admin.models.pageTitle");
        model.addAttribute("nav", Map.of("models", true));
        model.addAttribute("model", row(knowledge));
        return "admin/model";
    }

    /** For the live progress bar. */
    @GetMapping("/admin/api/models/{id}")
    @ResponseBody
    ModelRow status(@PathVariable long id, HttpServletResponse response) throws IOException {
        KnowledgeModel knowledge = query.find(id).orElse(null);
        if (knowledge == null) {
            ApiErrors.write(response, 404, "not_found", text("chat.error.not_found"));
            return null;
        }
        return row(knowledge);
    }

    @PostMapping("/admin/models/{id}/try")
    String tryOut(@PathVariable long id, @RequestParam(defaultValue = "") String question, Model model) {
        KnowledgeModelsQuery.Trial trial = query.tryOut(id, question);
        model.addAttribute("question", question);
        model.addAttribute("trial", TrialView.of(trial));
        return model(id, model);
    }

    @PostMapping("/admin/models/{id}/launch")
    String launch(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, RedirectAttributes redirect) {
        boolean launched = manage.launch(admin.id(), id);
        redirect.addFlashAttribute(launched ? "flash" : "flashError", launched ? "admin.models.launched" : "admin.models.notReady");
        return "redirect:/admin/models/" + id;
    }

    @PostMapping("/admin/models/{id}/hide")
    String hide(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, RedirectAttributes redirect) {
        manage.hide(admin.id(), id);
        redirect.addFlashAttribute("flash", "admin.models.hidden");
        return "redirect:/admin/models/" + id;
    }

    @PostMapping("/admin/models/{id}/delete")
    String delete(@AuthenticationPrincipal SignedInAdmin admin, @PathVariable long id, @RequestParam(required = false) String confirm,
                  RedirectAttributes redirect) {
        if (confirm == null) {
            redirect.addFlashAttribute("flashError", "admin.models.confirmDelete");
            return "redirect:/admin/models/" + id;
        }
        if (!manage.delete(admin.id(), id)) {
            redirect.addFlashAttribute("flashError", "admin.models.cannotDelete");
            return "redirect:/admin/models/" + id;
        }
        redirect.addFlashAttribute("flash", "admin.models.deleted");
        return "redirect:/admin/models";
    }

    private ModelRow row(KnowledgeModel m) {
        return ModelRow.of(m, this::text);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
