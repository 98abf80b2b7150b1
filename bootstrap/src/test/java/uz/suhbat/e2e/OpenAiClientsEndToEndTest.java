package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;

/**
 * Suhbat's /v1 API driven by clients nobody on the team wrote: OpenAI's official Node.js library from the npm registry
 * (installed into target/ at test time, run with the machine's Node.js) and langchain4j's OpenAI client. Each lists the
 * models, gets a whole and a streamed answer, from a PDF model too, and meets the daily quota as its own rate-limit error.
 */
class OpenAiClientsEndToEndTest extends EndToEndTest {

    /** Pinned: the last major line that runs on Debian's Node.js 20 (openai 7 asks for Node.js 22). */
    static final String OPENAI_NODE = "openai@6.30.1";
    private static final Path NODE_DIR = Path.of("target", "openai-node");

    @TempDir
    Path dir;

    private long launchedPdfModel(AccountsDriver admin, String name) throws InterruptedException {
        return PdfModels.launched(admin, name, TestPdfs.withPages(dir.resolve("facts.pdf"), FactsDocument.pages()));
    }

    private void dailyQuota(AccountsDriver admin, String username, int quota) {
        long userId = new OpenAiApiEndToEndTest.AdminFixturesView(admin).userId(username);
        admin.submit("/admin/users", "/admin/users/" + userId + "/quota", "dailyQuota", String.valueOf(quota));
    }

    @Test
    void openAisOwnNodeLibraryListsStreamsAnswersFromAPdfModelAndGetsARateLimitErrorOverTheQuota() throws Exception {
        AccountsDriver admin = OpenAiApiEndToEndTest.admin(url(""));
        long pdf = launchedPdfModel(admin, "Registan report (Node)");
        AccountsDriver user = verifiedUser("nodeclient");
        String key = OpenAiApiEndToEndTest.newKey(user, "node script");
        dailyQuota(admin, "nodeclient", 4);
        FactsDocument.Question question = FactsDocument.questions().get(5);
        OPENAI.enqueue(Reply.answer("Salom!", 2, Duration.ZERO), Reply.answer("Bir, ikki, uch.", 3, Duration.ZERO),
                Reply.answer("Zavod 14-sentabrda ochilgan.", 3, Duration.ZERO), Reply.answer("14-sentabr (7-sahifa).", 2, Duration.ZERO));
        int upstreamBefore = OPENAI.requests().size();

        JsonNode seen = runNode(key, "gpt-4o-mini", "pdf-" + pdf, question.text());

        assertThat(seen.path("models").valueStream().map(JsonNode::asString).toList()).contains("gpt-4o-mini", "gpt-4o", "pdf-" + pdf);
        assertThat(seen.path("whole").asString()).isEqualTo("Salom!");
        assertThat(seen.path("wholeFinish").asString()).isEqualTo("stop");
        assertThat(seen.path("wholeTokens").asInt()).isPositive();
        assertThat(seen.path("streamed").asString()).isEqualTo("Bir, ikki, uch.");
        assertThat(seen.path("streamedChunks").asInt()).as("role, three pieces, stop").isGreaterThanOrEqualTo(5);
        assertThat(seen.path("pdfStreamed").asString()).isEqualTo("Zavod 14-sentabrda ochilgan.");
        assertThat(seen.path("pdfStreamSources").valueStream().map(s -> s.path("page").asInt()).toList()).contains(question.page());
        assertThat(seen.path("pdfWhole").asString()).isEqualTo("14-sentabr (7-sahifa).");
        assertThat(seen.path("pdfWholeSources").valueStream().map(s -> s.path("page").asInt()).toList()).contains(question.page());
        assertThat(seen.path("overQuota").asString()).isEqualTo("RateLimitError");
        assertThat(seen.path("overQuotaIsRateLimitError").asBoolean()).isTrue();
        assertThat(seen.path("overQuotaStatus").asInt()).isEqualTo(429);
        assertThat(seen.path("overQuotaCode").asString()).isEqualTo("daily_quota_reached");
        assertThat(seen.path("overQuotaMillis").asLong()).as("not retried: x-should-retry is false").isLessThan(5_000);
        assertThat(OPENAI.requests()).as("four answers reached the model, the refused call none").hasSize(upstreamBefore + 4);
        assertThat(OPENAI.requests().get(upstreamBefore + 2).messages().getFirst().content()).contains("[page " + question.page() + "]");
        assertThat(OPENAI.violations()).isEmpty();
    }

    @Test
    void langchain4jsOpenAiClientListsStreamsAnswersFromAPdfModelAndGetsARateLimitExceptionOverTheQuota() throws Exception {
        AccountsDriver admin = OpenAiApiEndToEndTest.admin(url(""));
        long pdf = launchedPdfModel(admin, "Registan report (langchain4j)");
        AccountsDriver user = verifiedUser("lc4jclient");
        String key = OpenAiApiEndToEndTest.newKey(user, "langchain4j");
        dailyQuota(admin, "lc4jclient", 3);
        FactsDocument.Question question = FactsDocument.questions().get(5);
        String v1 = url("/v1");

        List<ModelDescription> models = OpenAiModelCatalog.builder().baseUrl(v1).apiKey(key).build().listModels();
        assertThat(models).extracting(ModelDescription::name).contains("gpt-4o-mini", "gpt-4o", "pdf-" + pdf);

        OPENAI.enqueue(Reply.answer("Salom!", 2, Duration.ZERO));
        OpenAiChatModel chat = OpenAiChatModel.builder().baseUrl(v1).apiKey(key).modelName("gpt-4o").maxRetries(0)
                .timeout(Duration.ofSeconds(60)).build();
        assertThat(chat.chat("Salom")).isEqualTo("Salom!");

        OPENAI.enqueue(Reply.answer("Zavod 14-sentabrda ochilgan.", 3, Duration.ZERO));
        OpenAiStreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(v1).apiKey(key).modelName("pdf-" + pdf)
                .timeout(Duration.ofSeconds(60)).build();
        StringBuilder pieces = new StringBuilder();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat(question.text(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partialResponse) {
                pieces.append(partialResponse);
            }

            @Override
            public void onCompleteResponse(ChatResponse completeResponse) {
                done.complete(completeResponse);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(60, TimeUnit.SECONDS);
        assertThat(pieces.toString()).isEqualTo("Zavod 14-sentabrda ochilgan.");
        assertThat(response.aiMessage().text()).isEqualTo("Zavod 14-sentabrda ochilgan.");
        assertThat(OPENAI.requests().getLast().messages().getFirst().content()).as("grounded").contains("[page " + question.page() + "]");

        OPENAI.enqueue(Reply.answer("14-sentabr.", 1, Duration.ZERO));
        OpenAiChatModel pdfChat = OpenAiChatModel.builder().baseUrl(v1).apiKey(key).modelName("pdf-" + pdf).maxRetries(0).build();
        assertThat(pdfChat.chat(question.text())).isEqualTo("14-sentabr.");

        int upstream = OPENAI.requests().size();
        assertThatThrownBy(() -> pdfChat.chat(question.text())).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("daily_quota_reached");
        assertThat(OPENAI.requests()).hasSize(upstream);
        assertThat(OPENAI.violations()).isEmpty();
    }

    /** Installs the npm package into target/ once, copies the script beside it and runs it with the machine's Node.js. */
    private JsonNode runNode(String key, String chatModel, String pdfModel, String question) throws IOException, InterruptedException {
        Path node = Path.of("/usr/bin/node");
        assertThat(node).as("Node.js (Debian's nodejs; .ci/run installs it)").isExecutable();
        Files.createDirectories(NODE_DIR);
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/openai"))) {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-save", "--prefix", ".", OPENAI_NODE)
                    .directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
            String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm install " + OPENAI_NODE).isTrue();
            assertThat(npm.exitValue()).as("npm install " + OPENAI_NODE + ":\n" + log).isZero();
        }
        try (InputStream script = getClass().getResourceAsStream("/openai-node/walk.mjs")) {
            Files.copy(script, NODE_DIR.resolve("walk.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder run = new ProcessBuilder(node.toString(), "walk.mjs").directory(NODE_DIR.toFile());
        run.environment().put("SUHBAT_BASE_URL", url("/v1"));
        run.environment().put("SUHBAT_KEY", key);
        run.environment().put("CHAT_MODEL", chatModel);
        run.environment().put("PDF_MODEL", pdfModel);
        run.environment().put("QUESTION", question);
        Process process = run.start();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("node walk.mjs:\n" + out + errors.join()).isZero();
        return JsonMapper.shared().readTree(out.strip().lines().reduce((a, b) -> b).orElse("{}"));
    }
}
