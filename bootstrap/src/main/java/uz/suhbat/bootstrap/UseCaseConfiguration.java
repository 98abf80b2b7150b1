package uz.suhbat.bootstrap;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uz.suhbat.adapter.out.ai.OpenAiSettings;
import uz.suhbat.adapter.out.ai.PdfSettings;
import uz.suhbat.adapter.out.mail.MailSettings;
import uz.suhbat.adapter.out.persistence.PersistenceSettings;
import uz.suhbat.application.port.in.admin.EnsureMainAdminUseCase;
import uz.suhbat.application.port.out.account.AccountMailPort;
import uz.suhbat.application.port.out.account.DeviceLoginRepository;
import uz.suhbat.application.port.out.account.OneTimeTokenRepository;
import uz.suhbat.application.port.out.account.UserRepository;
import uz.suhbat.application.port.out.admin.AdminRepository;
import uz.suhbat.application.port.out.security.PasswordHashingPort;
import uz.suhbat.application.service.chat.AnswerStopsService;
import uz.suhbat.application.port.out.chat.AnswerStopRepository;
import uz.suhbat.application.service.account.AddressThrottleService;
import uz.suhbat.application.port.out.security.SecretKeyRepository;
import uz.suhbat.application.port.out.security.ThrottleRepository;
import uz.suhbat.application.service.account.DeviceLoginService;
import uz.suhbat.application.service.account.SignInService;
import uz.suhbat.application.service.account.ThrottledPasswordCheck;
import uz.suhbat.application.service.admin.MainAdminService;
import uz.suhbat.application.service.chat.AnswerStarter;
import uz.suhbat.application.service.chat.ChatQueryService;
import uz.suhbat.application.service.chat.ManageChatService;
import uz.suhbat.application.service.chat.ModelCatalog;
import uz.suhbat.application.service.chat.PdfModels;
import uz.suhbat.application.service.chat.RegenerateAnswerService;
import uz.suhbat.application.service.chat.SendMessageService;
import uz.suhbat.application.service.chat.StartChatService;
import uz.suhbat.application.service.knowledge.KnowledgeGrounding;
import uz.suhbat.application.service.knowledge.KnowledgeLibrary;
import uz.suhbat.application.service.admin.AuditTrail;
import uz.suhbat.application.port.out.admin.AuditLogRepository;
import uz.suhbat.application.service.knowledge.CitedPageService;
import uz.suhbat.application.service.knowledge.KnowledgeModelService;
import uz.suhbat.application.port.out.knowledge.DocumentPagesPort;
import uz.suhbat.application.port.out.knowledge.DocumentFilesPort;
import uz.suhbat.application.port.out.knowledge.DocumentTextPort;
import uz.suhbat.application.port.out.knowledge.EmbeddingModelsPort;
import uz.suhbat.application.port.out.knowledge.StemmerPort;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import uz.suhbat.application.port.out.ai.ChatModelPort;
import uz.suhbat.application.port.out.ai.ContextWindowPort;
import uz.suhbat.application.port.out.chat.ChatLimitPolicyPort;
import uz.suhbat.application.port.out.chat.ChatRepository;
import uz.suhbat.application.port.out.limit.DailyQuotaPort;
import uz.suhbat.domain.user.EmailAddress;
import uz.suhbat.domain.user.Username;

/** The application's services, created with {@code new} and given the adapters' ports. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(UseCaseConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The AI adapter's endpoint and key; its timeout and retries keep the adapter's defaults. */
    @Bean
    OpenAiSettings openAiSettings(SuhbatSettings settings) {
        return OpenAiSettings.of(settings.openai().baseUrl(), settings.openai().apiKey());
    }

    /** PDF_MAX_PAGES and PDF_INGEST_TIMEOUT, for the AI adapter's PDF reader. */
    @Bean
    PdfSettings pdfSettings(SuhbatSettings settings) {
        return new PdfSettings(settings.knowledge().maxPages(), settings.knowledge().ingestTimeout());
    }

    @Bean
    EnsureMainAdminUseCase ensureMainAdminUseCase(AdminRepository admins, PasswordHashingPort hashing, Clock clock) {
        return new MainAdminService(admins, hashing, clock);
    }

    /**
     * Account mail (and the token writes behind it) leaves the request's thread: registration and reset requests answer
     * at once, in the same time for a known and an unknown address. Two senders; a full queue drops the mail with a log
     * line (the person can ask again) rather than slowing requests down.
     */
    @Bean(destroyMethod = "shutdown")
    java.util.concurrent.ExecutorService accountMailQueue() {
        java.util.concurrent.ThreadFactory threads = Thread.ofPlatform().name("account-mail-", 1).daemon(true).factory();
        return new java.util.concurrent.ThreadPoolExecutor(2, 2, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(10_000), threads, new java.util.concurrent.ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    AnswerStopsService answerStopsService(AnswerStopRepository stops, Clock clock) {
        return new AnswerStopsService(stops, clock);
    }

    @Bean
    AddressThrottleService addressThrottleService(ThrottleRepository throttles, Clock clock, SuhbatSettings settings) {
        return new AddressThrottleService(throttles, clock, settings.registrationsPerAddress());
    }

    @Bean
    SignInService signInService(UserRepository users, PasswordHashingPort hashing, ThrottleRepository throttles, SecretKeyRepository secrets,
                                Clock clock) {
        return new SignInService(users, ThrottledPasswordCheck.forUsers(hashing, throttles, secrets, clock));
    }

    @Bean
    DeviceLoginService deviceLoginService(DeviceLoginRepository devices, UserRepository users, Clock clock) {
        return new DeviceLoginService(devices, users, clock);
    }

    /** The PDF models as the chat sees them. */
    @Bean
    PdfModels pdfModels(KnowledgeLibrary knowledge) {
        return new KnowledgeGrounding(knowledge);
    }

    /** The models a user may pick: OPENAI_MODELS, the chosen models of the enabled connections, then the launched PDF models. */
    @Bean
    ModelCatalog modelCatalog(SuhbatSettings settings, PdfModels pdfModels, ContextWindowPort windows,
                              uz.suhbat.application.service.provider.ConnectionOffers connections,
                              AttachmentWiring.AttachmentSettings attachments) {
        return new ModelCatalog(settings.openai().models(), pdfModels, windows, connections, ConnectionsWiring.openAiVision(attachments));
    }

    /** What starting a chat, sending and regenerating share: the whole chat goes to the model, the answer streams and is stored. */
    @Bean
    AnswerStarter answerStarter(ChatRepository chats, ChatModelPort model, PdfModels pdfModels, Clock clock,
                                uz.suhbat.application.port.out.chat.AnswerGuardPort answerGuard,
                                uz.suhbat.application.port.out.account.PreferenceRepository preferences) {
        return new AnswerStarter(chats, model, pdfModels, clock, answerGuard, preferences);
    }

    @Bean
    ChatQueryService chatQueryService(ChatRepository chats, ModelCatalog catalog, ChatModelPort model, DailyQuotaPort quotas, Clock clock,
                                      uz.suhbat.application.port.out.conversation.ChatShelfRepository shelf) {
        return new ChatQueryService(chats, catalog, model, quotas, clock, shelf);
    }

    @Bean
    ManageChatService manageChatService(ChatRepository chats, uz.suhbat.application.port.out.conversation.ChatShelfRepository shelf) {
        return new ManageChatService(chats, shelf);
    }

    @Bean
    StartChatService startChatService(uz.suhbat.application.port.out.chat.NewChatReadPort authors, ChatRepository chats,
                                      ChatModelPort model, ModelCatalog catalog, AnswerStarter answers, DailyQuotaPort quotas,
                                      Clock clock) {
        return new StartChatService(authors, chats, model, catalog, answers, quotas, clock);
    }

    @Bean
    SendMessageService sendMessageService(ChatRepository chats, UserRepository users, ChatModelPort model, ModelCatalog catalog,
                                          AnswerStarter answers, DailyQuotaPort quotas, Clock clock) {
        return new SendMessageService(chats, users, model, catalog, answers, quotas, clock);
    }

    @Bean
    RegenerateAnswerService regenerateAnswerService(ChatRepository chats, UserRepository users, ChatModelPort model, ModelCatalog catalog,
                                                    AnswerStarter answers, DailyQuotaPort quotas, Clock clock) {
        return new RegenerateAnswerService(chats, users, model, catalog, answers, quotas, clock);
    }

    /** What admins do, written to the audit log: one trail for every service that records it. */
    @Bean
    AuditTrail auditTrail(AuditLogRepository auditLog, AdminRepository admins, Clock clock) {
        return new AuditTrail(auditLog, admins, clock);
    }

    /** The launched PDF models' passages, in memory for search. */
    @Bean
    KnowledgeLibrary knowledgeLibrary(KnowledgeModelRepository models, EmbeddingModelsPort embeddings, StemmerPort stemmer,
                                      SuhbatSettings settings) {
        return new KnowledgeLibrary(models, embeddings, settings.knowledge().topK(), settings.knowledge().minScore(),
                settings.knowledge().contextTokens(), stemmer);
    }

    /** One document is read at a time: embedding already keeps every core busy. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService knowledgeIngestion() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("knowledge-ingest").daemon().factory());
    }

    @Bean
    KnowledgeModelService knowledgeModelService(KnowledgeModelRepository models, DocumentFilesPort files, DocumentTextPort documents,
                                                EmbeddingModelsPort embeddings, KnowledgeLibrary library, ChatRepository chats,
                                                ChatModelPort model, ExecutorService knowledgeIngestion, Clock clock,
                                                SuhbatSettings settings, AuditTrail audit) {
        return new KnowledgeModelService(models, files, documents, embeddings, library, chats, model, knowledgeIngestion, clock,
                settings.openai().models(), settings.knowledge().maxUploadMb() * 1024L * 1024L, audit);
    }

    /** The page an answer cited, as a one-page PDF, for the chat's owner and admins. */
    @Bean
    CitedPageService citedPageService(ChatRepository chats, KnowledgeModelRepository models, DocumentFilesPort files,
                                      DocumentPagesPort pages) {
        return new CitedPageService(chats, models, files, pages);
    }

    /** Unfinished readings are marked failed, and launched models are loaded for search, without delaying start-up. */
    @Bean
    ApplicationRunner knowledgeAtStartup(KnowledgeModelService knowledge, ExecutorService knowledgeIngestion) {
        return args -> knowledgeIngestion.execute(knowledge::resumeAfterStart);
    }

    @Bean
    PersistenceSettings persistenceSettings(SuhbatSettings settings) {
        return new PersistenceSettings(java.nio.file.Path.of(settings.filesDir()));
    }

    @Bean
    MailSettings mailSettings(SuhbatSettings settings) {
        SuhbatSettings.Mail mail = settings.mail();
        return new MailSettings(mail.host(), mail.port(), mail.username(), mail.password(), mail.from());
    }

    /**
     * Runs after Flyway has created the tables: the main admin always matches the configuration.
     * Nodes that start at the same time take turns (a database lock), so the second finds the admin
     * the first created instead of creating it again.
     */
    @Bean
    ApplicationRunner mainAdminAtStartup(EnsureMainAdminUseCase useCase, SuhbatSettings settings, javax.sql.DataSource dataSource) {
        return args -> {
            SuhbatSettings.Admin admin = settings.admin();
            EnsureMainAdminUseCase.Outcome outcome = new ClusterLock(dataSource).with("suhbat.main-admin", 60, () ->
                    useCase.ensureMainAdmin(new EnsureMainAdminUseCase.Command(
                            new Username(admin.username()), new EmailAddress(admin.email()), Optional.ofNullable(admin.password()))));
            outcome.generatedPassword().ifPresentOrElse(
                    password -> log.warn("""

                            ================================================================
                             Suhbat main admin created. This password is shown only once:
                               username: {}
                               password: {}
                             Sign in at /admin/login and keep it safe, or set ADMIN_PASSWORD.
                            ================================================================""", outcome.username(), password),
                    () -> log.info("Main admin '{}': {}", outcome.username(), outcome.change().name().toLowerCase()));
        };
    }
}
