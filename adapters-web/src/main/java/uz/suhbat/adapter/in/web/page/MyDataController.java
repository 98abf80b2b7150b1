package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.in.web.security.SignedInUser;
import uz.suhbat.application.port.in.attachment.AttachmentsUseCase;
import uz.suhbat.application.port.in.conversation.MyDataQuery;
import uz.suhbat.application.port.in.conversation.OrganizeChatsUseCase;

/**
 * The profile's conversation section: "download my data" (every chat as JSON and as Markdown, in one zip) and
 * bringing an archived chat back to the sidebar.
 */
@Controller
class MyDataController {

    private final MyDataQuery data;
    private final OrganizeChatsUseCase organize;
    private final JsonMapper json;
    private final AttachmentsUseCase attachments;

    MyDataController(MyDataQuery data, OrganizeChatsUseCase organize, JsonMapper json, AttachmentsUseCase attachments) {
        this.data = data;
        this.organize = organize;
        this.json = json;
        this.attachments = attachments;
    }

    /**
     * {@code chats.json} with every chat and message (a question's files with their metadata and the text read out of
     * them), {@code markdown/<id>-<title>.md} for each chat, and each attached file as it was uploaded,
     * {@code files/<chat id>/<file id>-<name>}.
     */
    @GetMapping("/profile/data.zip")
    void download(@AuthenticationPrincipal SignedInUser user, HttpServletResponse response) throws IOException {
        List<MyDataQuery.ExportedChat> chats = data.chats(user.id());
        String name = "suhbat-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
        try (OutputStream out = response.getOutputStream(); ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("chats.json"));
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("username", user.username());
            all.put("exportedAt", Instant.now());
            all.put("chats", chats);
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
            zip.closeEntry();
            List<String> names = new ArrayList<>();
            for (MyDataQuery.ExportedChat chat : chats) {
                String file = "markdown/" + chat.id() + "-" + slug(chat.title()) + ".md";
                names.add(file);
                zip.putNextEntry(new ZipEntry(file));
                zip.write(markdown(chat).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                java.util.Set<Long> written = new java.util.HashSet<>();
                for (MyDataQuery.ExportedMessage m : chat.messages()) {
                    for (MyDataQuery.ExportedFile f : m.attachments()) {
                        // an edited question's kept files are the same files: each is written once
                        if (!written.add(f.id())) {
                            continue;
                        }
                        var content = attachments.content(user.id(), f.id());
                        if (content.isPresent()) {
                            zip.putNextEntry(new ZipEntry(filePath(chat.id(), f)));
                            zip.write(content.get().content());
                            zip.closeEntry();
                        }
                    }
                }
            }
        }
    }

    /** Where a file goes in the zip: its chat's folder, its id and its own name without anything a path could use. */
    static String filePath(long chatId, MyDataQuery.ExportedFile file) {
        String name = file.name().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return "files/" + chatId + "/" + file.id() + "-" + name;
    }

    /** A file name part from a title: letters and digits of any script, the rest as dashes, at most 40 characters. */
    static String slug(String title) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        slug = uz.suhbat.domain.shared.ShortText.cut(slug, 40).replaceAll("-+$", "");
        return slug.isEmpty() ? "chat" : slug;
    }

    static String markdown(MyDataQuery.ExportedChat chat) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(chat.title().replace("\n", " ")).append("\n\n");
        md.append("- model: ").append(chat.model()).append('\n');
        md.append("- created: ").append(chat.createdAt()).append('\n');
        md.append("- updated: ").append(chat.updatedAt()).append('\n');
        if (chat.archived()) {
            md.append("- archived\n");
        }
        for (MyDataQuery.ExportedMessage m : chat.messages()) {
            md.append("\n## ").append(m.role().equals("user") ? "User" : m.role().equals("assistant") ? "Assistant" : m.role());
            if (m.model() != null) {
                md.append(" (").append(m.model()).append(')');
            }
            md.append(" · ").append(m.createdAt());
            if (!"complete".equals(m.status())) {
                md.append(" · ").append(m.status());
            }
            md.append("\n\n").append(m.content()).append('\n');
            for (MyDataQuery.ExportedFile f : m.attachments()) {
                md.append("\n- attached: ").append(f.name()).append(" (").append(f.kind());
                if (f.pages() > 0) {
                    md.append(", ").append(f.pages()).append(f.pages() == 1 ? " page" : " pages");
                }
                md.append(") → ").append(filePath(chat.id(), f)).append('\n');
            }
        }
        return md.toString();
    }

    @PostMapping("/profile/chats/{chatId}/unarchive")
    String unarchive(@AuthenticationPrincipal SignedInUser user, @PathVariable long chatId, RedirectAttributes redirect) {
        if (organize.archive(user.id(), chatId, false)) {
            redirect.addFlashAttribute("flash", "profile.archive.restored");
        }
        return "redirect:/profile#archived-heading";
    }
}
