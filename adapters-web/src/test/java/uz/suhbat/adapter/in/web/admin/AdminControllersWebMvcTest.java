package uz.suhbat.adapter.in.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import uz.suhbat.adapter.in.web.i18n.MustacheConfiguration;
import uz.suhbat.application.fake.FakePasswordHashing;
import uz.suhbat.application.fake.InMemoryAdminRepository;
import uz.suhbat.application.fake.InMemoryAuditLogRepository;
import uz.suhbat.application.fake.InMemoryLimitSettingsRepository;
import uz.suhbat.application.fake.InMemorySecretKeyRepository;
import uz.suhbat.application.fake.InMemoryThrottleRepository;
import uz.suhbat.application.fake.InMemoryUserRepository;
import uz.suhbat.application.fake.MutableClock;
import uz.suhbat.application.port.in.account.ProfileUseCase;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;
import uz.suhbat.application.port.in.admin.AuditLogQuery;
import uz.suhbat.application.port.in.admin.ChatArchiveQuery;
import uz.suhbat.application.port.in.admin.LimitsUseCase;
import uz.suhbat.application.port.in.admin.ManageAdminsUseCase;
import uz.suhbat.application.port.in.admin.UserAdministrationUseCase;
import uz.suhbat.application.port.out.admin.ChatArchivePort;
import uz.suhbat.application.port.out.admin.UserReportPort;
import uz.suhbat.application.service.account.ThrottledPasswordCheck;
import uz.suhbat.application.service.admin.AdminAccountsService;
import uz.suhbat.application.service.admin.AdminSignInService;
import uz.suhbat.application.service.admin.AuditLogService;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.service.admin.ChatArchiveService;
import uz.suhbat.application.service.admin.LimitsService;
import uz.suhbat.application.service.admin.UserAdministrationService;
import uz.suhbat.domain.limit.MessageLimit;
import uz.suhbat.domain.report.ChatOverview;
import uz.suhbat.domain.report.ChatTranscript;
import uz.suhbat.domain.report.Page;
import uz.suhbat.domain.report.UserOverview;
import uz.suhbat.domain.user.Admin;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.User;
import uz.suhbat.domain.user.Username;

/**
 * The admin controllers in Spring MVC with the admin filter chain, over the real services on the in-memory
 * fakes of the application's test-jar (and two small fakes of read-only report ports): what the pages show,
 * what an action changes, and who may do it.
 */
@WebMvcTest(controllers = {AdminUsersController.class, AdminChatsController.class, AdminsController.class, AuditController.class,
        LimitsController.class, AdminAttachmentsController.class},
        // the user pages' advice, the /v1 API's filter and the dashboard's feedback advice need use cases these pages do not
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {"uz\\.suhbat\\.adapter\\.in\\.web\\.(page|openai)\\..*",
                "uz\\.suhbat\\.adapter\\.in\\.web\\.admin\\.ConversationAdminController.*"}))
@Import({AdminSecurityConfiguration.class, MustacheConfiguration.class, TranscriptPdfs.class, ModelNames.class, AdminControllersWebMvcTest.Fakes.class})
class AdminControllersWebMvcTest {

    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class Fakes {
        final MutableClock clock = MutableClock.at("2026-11-26T08:00:00Z");
        final InMemoryAdminRepository admins = new InMemoryAdminRepository();
        final InMemoryUserRepository users = new InMemoryUserRepository();
        final InMemoryAuditLogRepository log = new InMemoryAuditLogRepository();
        final FakePasswordHashing hashing = new FakePasswordHashing();
        final List<ChatTranscript> chats = new ArrayList<>();
        final uz.suhbat.application.fake.InMemoryAttachments attachments = new uz.suhbat.application.fake.InMemoryAttachments();

        @Bean Fakes fakes() {
            return this;
        }

        @Bean AuditTrail auditTrail() {
            return new AuditTrail(log, admins, clock);
        }

        @Bean AdminSignInUseCase adminSignIn() {
            return new AdminSignInService(admins,
                    ThrottledPasswordCheck.forAdmins(hashing, new InMemoryThrottleRepository(), new InMemorySecretKeyRepository(), clock));
        }

        @Bean UserAdministrationUseCase userAdministration(AuditTrail audit) {
            // the report the store would compute, from the fake's users
            UserReportPort reports = search -> {
                List<UserOverview> found = new ArrayList<>();
                for (long id = 1; id < 100; id++) {
                    users.findById(id).filter(u -> u.username().value().contains(search.text())).ifPresent(u -> found.add(new UserOverview(
                            u.id(), u.username().value(), u.email().value(), u.emailVerified(), u.blocked(), u.blockedReason(), u.registeredAt(),
                            null, 0, 0, null, null)));
                }
                return new Page<>(found, found.size(), 1, 25);
            };
            return new UserAdministrationService(reports, users, audit, new uz.suhbat.application.fake.InMemoryApiKeys(users), clock);
        }

        @Bean LimitsUseCase limits(AuditTrail audit) {
            return new LimitsService(new InMemoryLimitSettingsRepository(), users, audit, new MessageLimit(50));
        }

        @Bean ManageAdminsUseCase manageAdmins(AuditTrail audit) {
            return new AdminAccountsService(admins, hashing, audit, clock);
        }

        /** The chat page shows the feedback given in the chat: the real service over the in-memory chats and feedback. */
        @Bean uz.suhbat.application.port.in.conversation.FeedbackReportQuery feedbackReport() {
            uz.suhbat.application.fake.InMemoryChatRepository chatStore = new uz.suhbat.application.fake.InMemoryChatRepository();
            return new uz.suhbat.application.service.conversation.FeedbackService(chatStore,
                    new uz.suhbat.application.fake.InMemoryConversations(chatStore), clock);
        }

        /** The admin pages' theme (light, dark, the system's). */
        @Bean uz.suhbat.application.port.in.account.PreferencesUseCase preferences() {
            return new uz.suhbat.application.service.account.PreferencesService(new uz.suhbat.application.fake.InMemoryPreferenceRepository());
        }

        /** No PDF models: the chat pages show models by their ids. */
        @Bean uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery knowledgeModels() {
            return new uz.suhbat.application.port.in.knowledge.KnowledgeModelsQuery() {
                @Override
                public List<uz.suhbat.domain.knowledge.KnowledgeModel> all() {
                    return List.of();
                }

                @Override
                public java.util.Optional<uz.suhbat.domain.knowledge.KnowledgeModel> find(long id) {
                    return java.util.Optional.empty();
                }

                @Override
                public Trial tryOut(long id, String question) {
                    throw new UnsupportedOperationException("the models page is not in this slice");
                }
            };
        }

        @Bean AuditLogQuery auditLog() {
            return new AuditLogService(log);
        }

        @Bean ChatArchiveQuery chatArchive() {
            ChatArchivePort archive = new ChatArchivePort() {
                @Override
                public Page<ChatOverview> search(uz.suhbat.domain.report.ChatSearch search) {
                    List<ChatOverview> all = chats.stream().map(ChatTranscript::chat).toList();
                    return new Page<>(all, all.size(), 1, 25);
                }

                @Override
                public Optional<ChatTranscript> transcript(long chatId) {
                    return chats.stream().filter(c -> c.chat().id() == chatId).findFirst();
                }

                @Override
                public List<ChatTranscript> transcriptsOfUser(long userId) {
                    return chats.stream().filter(c -> c.chat().userId() == userId).sorted(Comparator.comparing(c -> c.chat().id())).toList();
                }
            };
            return new ChatArchiveService(archive);
        }

        /** Only the locale resolver asks it, for a signed-in user's language; admin pages have none. */
        @Bean ProfileUseCase profiles() {
            return new ProfileUseCase() {
                @Override public Profile profile(long userId) { throw new IllegalStateException("no users on admin pages"); }
                @Override public Map<String, uz.suhbat.domain.shared.Problem> edit(long userId, String username, String email) { throw new IllegalStateException(); }
                @Override public Map<String, uz.suhbat.domain.shared.Problem> changePassword(long userId, String current, String next) { throw new IllegalStateException(); }
                @Override public boolean chooseLanguage(long userId, String language) { return false; }
                @Override public boolean delete(long userId, String password) { return false; }
            };
        }

        @Bean Clock clock() {
            return clock;
        }

        /** The admin's side of attachments only: uploads, the chat and the search are the user's side (AttachmentUseCasesTest). */
        @Bean uz.suhbat.application.port.in.attachment.AdminAttachmentsQuery adminAttachments() {
            return new uz.suhbat.application.service.attachment.AttachmentService(attachments, (kind, content, maxPages) -> List.of(),
                    new uz.suhbat.application.fake.InMemoryChatRepository(), null,
                    new uz.suhbat.application.service.attachment.AttachmentService.Settings(1024, 10, 5, 100, List.of()), clock);
        }
    }

    @Autowired
    private MockMvc mvc;

    @Autowired
    private Fakes fakes;

    private Admin boss;

    @BeforeEach
    void anAdminAndAUser() {
        boss = fakes.admins.findByUsername(new Username("boss")).orElseGet(() -> fakes.admins.save(
                Admin.newMain(new Username("boss"), new EmailAddress("boss@example.uz"), fakes.hashing.hash("right password"), AT)));
    }

    private RequestPostProcessor asBoss() {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(new SignedInAdmin(boss.id(), "boss", true), null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    private User user(String name) {
        return fakes.users.findByUsername(new Username(name)).orElseGet(() -> fakes.users.save(
                User.register(new Username(name), new EmailAddress(name + "@example.uz"), fakes.hashing.hash("x"), AT, "uz")));
    }

    @Test
    void anyoneNotSignedInIsSentToTheAdminLogin() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/login"));
    }

    @Test
    void theUsersPageListsUsersFromTheReportWithTheirOwnLimitEmpty() throws Exception {
        user("dilnoza");

        String page = mvc.perform(get("/admin/users").param("q", "dilnoza").with(asBoss()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<strong>dilnoza</strong>").as("the address breaks only before its @ and after a dot").contains("<span>dilnoza</span><wbr><span>@example.</span><wbr><span>uz</span>")
                .contains("<option value=\"registered\" selected>")
                .as("no own limit: an empty field, not \"null\"").contains("name=\"messageLimit\" type=\"number\" min=\"1\" inputmode=\"numeric\" value=\"\"");
    }

    @Test
    void blockingAUserBlocksThemRecordsItAndGoesBack() throws Exception {
        User user = user("bekzod");

        mvc.perform(post("/admin/users/" + user.id() + "/block").param("reason", "Spam").param("returnTo", "/admin/users?q=bek")
                        .with(asBoss()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/users?q=bek"))
                .andExpect(flash().attribute("flash", "admin.users.blocked"));

        assertThat(fakes.users.findById(user.id()).orElseThrow().blocked()).isTrue();
        String audit = mvc.perform(get("/admin/audit").with(asBoss())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("boss");
        assertThat(fakes.log.all()).anySatisfy(e -> assertThat(e.target()).contains("bekzod"));
    }

    @Test
    void anActionWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        User user = user("guarded");

        mvc.perform(post("/admin/users/" + user.id() + "/block").param("reason", "x").with(asBoss())).andExpect(status().isForbidden());

        assertThat(fakes.users.findById(user.id()).orElseThrow().blocked()).isFalse();
    }

    @Test
    void aReturnAddressOutsideTheUsersPageIsRefusedWith400AndChangesNothing() throws Exception {
        User user = user("returner");

        mvc.perform(post("/admin/users/" + user.id() + "/block").param("returnTo", "/admin/users\r\nSet-Cookie: x").with(asBoss()).with(csrf()))
                .andExpect(status().isBadRequest());

        assertThat(fakes.users.findById(user.id()).orElseThrow().blocked()).isFalse();
    }

    @Test
    void aDefaultQuotaThatIsNoNumberIsShownAgainWithTheReason() throws Exception {
        String page = mvc.perform(post("/admin/limits/quota").param("dailyQuota", "many").with(asBoss()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"many\"").contains("field-error");
    }

    @Test
    void theAdminsPageMarksTheMainAdminAsTheOneLooking() throws Exception {
        mvc.perform(get("/admin/admins").with(asBoss()))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("boss@example.uz")));
    }

    @Test
    void aChatIsShownEscapedAndItsPdfHasItsText() throws Exception {
        User user = user("yozuvchi");
        fakes.chats.add(new ChatTranscript(new ChatOverview(41, user.id(), "yozuvchi", "Tarix <i>savollari</i>", "gpt-4o", AT, AT, 2, 50, null),
                "yozuvchi@example.uz", List.of(
                        new ChatTranscript.Line(1, "user", "Oʻzbekiston poytaxti? <script>x</script>", AT, null, "complete", null, null, null),
                        new ChatTranscript.Line(2, "assistant", "Столица — Ташкент.", AT.plusSeconds(2), "gpt-4o", "complete", 12, 5, null))));

        String page = mvc.perform(get("/admin/chats/41").with(asBoss())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Tarix &lt;i&gt;savollari&lt;/i&gt;").contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>x")
                .contains("12 / 5");
        String print = mvc.perform(get("/admin/chats/41/print").with(asBoss())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(print).contains("Столица — Ташкент.").contains("<script type=\"module\" src=\"/js/admin.js\"");

        byte[] pdf = mvc.perform(get("/admin/chats/41/pdf").with(asBoss())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(text(pdf)).contains("Oʻzbekiston poytaxti? <script>x</script>").contains("Столица — Ташкент.");
        mvc.perform(get("/admin/chats/999/pdf").with(asBoss())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/987654/chats.pdf").with(asBoss())).andExpect(status().isNotFound());
    }

    @Test
    void aChatsFilesAreListedWithTheirQuestionAndOpenForAdminsOnly() throws Exception {
        User user = user("rassom");
        fakes.chats.add(new ChatTranscript(new ChatOverview(42, user.id(), "rassom", "Rasmlar", "gpt-4o", AT, AT, 2, 50, null),
                "rassom@example.uz", List.of(
                        new ChatTranscript.Line(1, "user", "Bu nima?", AT, null, "complete", null, null, null),
                        new ChatTranscript.Line(2, "assistant", "Mushuk.", AT.plusSeconds(2), "gpt-4o", "complete", 12, 5, null))));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 7};
        long photo = fakes.attachments.savePending(user.id(), "mushuk <1>.png", uz.suhbat.domain.attachment.AttachmentKind.PNG, png,
                List.of(), 0, AT);
        long notes = fakes.attachments.savePending(user.id(), "izoh.pdf", uz.suhbat.domain.attachment.AttachmentKind.PDF,
                "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII), List.of("a", "b", "c"), 3, AT);
        fakes.attachments.bind(user.id(), List.of(photo, notes), 42, 1);
        long elsewhere = fakes.attachments.savePending(user.id(), "other.txt", uz.suhbat.domain.attachment.AttachmentKind.TEXT,
                new byte[] {'o'}, List.of("o"), 1, AT);
        fakes.attachments.bind(user.id(), List.of(elsewhere), 43, 1);

        String page = mvc.perform(get("/admin/chats/42").with(asBoss())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Biriktirilgan fayllar").contains("mushuk &lt;1&gt;.png").doesNotContain("mushuk <1>")
                .contains("<img src=\"/admin/chats/42/attachments/" + photo + "\"").contains("href=\"/admin/chats/42/attachments/" + notes + "\"")
                .contains("1-xabar").contains("3 bet").doesNotContain("other.txt");
        byte[] served = mvc.perform(get("/admin/chats/42/attachments/" + photo).with(asBoss())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png")).andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(png);
        mvc.perform(get("/admin/chats/42/attachments/" + notes).with(asBoss()))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")));
        mvc.perform(get("/admin/chats/42/attachments/" + elsewhere).with(asBoss())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/chats/42/attachments/" + photo)).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/admin/chats/41").with(asBoss())).andReturn().getResponse().getContentAsString())
                .doesNotContain("Biriktirilgan fayllar");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
