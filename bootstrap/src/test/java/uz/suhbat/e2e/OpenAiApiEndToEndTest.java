package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.adapter.out.ai.fake.FactsDocument;
import uz.suhbat.adapter.out.ai.fake.OpenAiSpec;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.adapter.out.ai.fake.TestPdfs;

/**
 * The OpenAI-compatible API under /v1, called as a program would: a personal key made on the profile page, the
 * bearer header and nothing else (no cookie, no CSRF token). Every answer is checked against OpenAI's published
 * schemas (the subset in adapters-ai's test resources).
 */
class OpenAiApiEndToEndTest extends EndToEndTest {

    static final Pattern NEW_KEY = Pattern.compile("<code class=\"api-key-secret\">(sk-suhbat-[A-Za-z0-9_-]+)</code>");
    private static final JsonMapper JSON = JsonMapper.shared();
    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** Makes a key on the profile page as a person would; answers the key shown once. */
    static String newKey(AccountsDriver user, String name) {
        HttpResponse<String> page = user.submit("/profile", "/profile/api-keys", "name", name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher key = NEW_KEY.matcher(page.body());
        assertThat(key.find()).as("the new key is on the page").isTrue();
        return key.group(1);
    }

    static AccountsDriver admin(String root) {
        AccountsDriver admin = new AccountsDriver(root, MAIL);
        admin.submit("/admin/login", "/admin/login", "username", ADMIN_USERNAME, "password", ADMIN_PASSWORD);
        return admin;
    }

    private HttpResponse<String> call(String key, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Language", "en");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return plain.send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static void conforms(String schema, JsonNode instance) {
        assertThat(OpenAiSpec.get().violations(schema, instance)).as(schema + ": " + instance).isEmpty();
    }

    /** The data: lines of an event stream, in order, up to and including [DONE]. */
    private static List<String> dataLines(String body) {
        List<String> data = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring("data: ".length()));
            } else {
                assertThat(line).as("only data: lines and blank lines").isEmpty();
            }
        }
        return data;
    }

    @Test
    void aKeyFromTheProfileListsModelsAndGetsWholeAndStreamedAnswersInOpenAisShapes_untilTheDailyQuotaAnswers429() {
        AccountsDriver user = verifiedUser("scripter");
        String key = newKey(user, "laptop");
        assertThat(user.get("/profile").body()).contains("laptop").contains(key.substring(0, 16)).doesNotContain(key);

        HttpResponse<String> models = call(key, "GET", "/v1/models", null);
        assertThat(models.statusCode()).isEqualTo(200);
        assertThat(models.headers().firstValue("Set-Cookie")).as("stateless: no session").isEmpty();
        conforms(OpenAiSpec.MODELS, json(models.body()));
        // the OpenAI models first; PDF models other tests of this JVM launched may follow
        assertThat(json(models.body()).path("data").valueStream().map(m -> m.path("id").asString())
                .filter(id -> !id.startsWith("pdf-")).toList()).containsExactly("gpt-4o-mini", "gpt-4o");

        AccountsDriver admin = admin(url(""));
        long userId = new AdminFixturesView(admin).userId("scripter");
        admin.submit("/admin/users", "/admin/users/" + userId + "/quota", "dailyQuota", "2");

        OPENAI.enqueue(Reply.answer("Salom! Qanday yordam bera olaman?", 3, Duration.ZERO));
        HttpResponse<String> whole = call(key, "POST", "/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Salom\"}]}");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        JsonNode completion = json(whole.body());
        conforms(OpenAiSpec.RESPONSE, completion);
        assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.path("model").asString()).isEqualTo("gpt-4o");
        assertThat(completion.path("choices").get(0).path("message").path("content").asString()).isEqualTo("Salom! Qanday yordam bera olaman?");
        assertThat(completion.path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
        assertThat(completion.path("usage").path("total_tokens").asInt()).isPositive();
        assertThat(completion.has("sources")).as("only PDF models have sources").isFalse();
        RecordedRequest upstream = OPENAI.requests().getLast();
        assertThat(upstream.model()).isEqualTo("gpt-4o");
        assertThat(upstream.messages()).extracting(RecordedRequest.Message::role).containsExactly("system", "user");

        OPENAI.enqueue(Reply.answer("Bir, ikki, uch.", 3, Duration.ZERO));
        HttpResponse<String> streamed = call(key, "POST", "/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Sanang\"}]}]}");
        assertThat(streamed.statusCode()).isEqualTo(200);
        assertThat(streamed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<String> data = dataLines(streamed.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode node = json(chunk);
            conforms(OpenAiSpec.CHUNK, node);
            node.path("choices").forEach(c -> text.append(c.path("delta").path("content").asString("")));
        }
        assertThat(text.toString()).isEqualTo("Bir, ikki, uch.");
        assertThat(json(data.get(0)).path("choices").get(0).path("delta").path("role").asString()).isEqualTo("assistant");
        assertThat(json(data.get(data.size() - 3)).path("choices").get(0).path("finish_reason").asString()).isEqualTo("stop");
        assertThat(json(data.get(data.size() - 2)).path("usage").path("completion_tokens").asInt()).isPositive();

        // the user's daily quota (two) counts API calls like the chat's messages: both are used
        int upstreamCalls = OPENAI.requests().size();
        HttpResponse<String> refused = call(key, "POST", "/v1/chat/completions",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Yana\"}]}");
        assertThat(refused.statusCode()).isEqualTo(429);
        conforms(OpenAiSpec.ERROR, json(refused.body()));
        assertThat(json(refused.body()).path("error").path("code").asString()).isEqualTo("daily_quota_reached");
        assertThat(refused.headers().firstValue("x-should-retry")).contains("false");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(OPENAI.requests()).as("the model was not asked").hasSize(upstreamCalls);
        assertThat(OPENAI.violations()).isEmpty();

        // the admin sees the API use, per day and per key
        String apiPage = admin.get("/admin/api").body();
        assertThat(apiPage).contains("scripter").contains("laptop").contains(key.substring(0, 16));
        assertThat(apiPage.replaceAll("\\s+", " ")).containsPattern("<td>scripter</td><td>laptop <code>[^<]+</code></td><td>[^<]+</td><td>2</td>");
    }

    @Test
    void aPdfModelAnswersThroughTheApiGroundedInItsPages_withTheSourcesInAnExtraField() throws Exception {
        AccountsDriver admin = admin(url(""));
        long id = PdfModels.launched(admin, "Registan report (API)", TestPdfs.withPages(dir.resolve("facts.pdf"), FactsDocument.pages()));
        AccountsDriver user = verifiedUser("pdfscripter");
        String key = newKey(user, "notebook");
        assertThat(call(key, "GET", "/v1/models", null).body()).contains("\"id\":\"pdf-" + id + "\"");

        FactsDocument.Question question = FactsDocument.questions().get(5);
        OPENAI.enqueue(Reply.answer("Zavod 2019-yil 14-sentabrda ochilgan.", 2, Duration.ZERO));
        HttpResponse<String> whole = call(key, "POST", "/v1/chat/completions",
                "{\"model\":\"pdf-" + id + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + question.text() + "\"}]}");
        assertThat(whole.statusCode()).as(whole.body()).isEqualTo(200);
        JsonNode completion = json(whole.body());
        conforms(OpenAiSpec.RESPONSE, completion);
        assertThat(completion.path("model").asString()).isEqualTo("pdf-" + id);
        assertThat(completion.path("sources").valueStream().map(s -> s.path("page").asInt()).toList()).contains(question.page());
        RecordedRequest upstream = OPENAI.requests().getLast();
        assertThat(upstream.model()).as("the base model answers").isEqualTo("gpt-4o-mini");
        assertThat(upstream.messages().get(0).role()).isEqualTo("system");
        assertThat(upstream.messages().get(0).content()).contains("[page " + question.page() + "]").contains("14-sentabr");

        OPENAI.enqueue(Reply.answer("14-sentabr.", 2, Duration.ZERO));
        HttpResponse<String> streamed = call(key, "POST", "/v1/chat/completions",
                "{\"model\":\"pdf-" + id + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"" + question.text() + "\"}]}");
        List<String> data = dataLines(streamed.body());
        JsonNode first = json(data.getFirst());
        conforms(OpenAiSpec.CHUNK, first);
        assertThat(first.path("sources").valueStream().map(s -> s.path("page").asInt()).toList()).contains(question.page());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        assertThat(OPENAI.violations()).isEmpty();
    }

    @Test
    void onlyAValidKeyOfAnAllowedUserGetsIn_andBadRequestsGetOpenAiErrors() {
        AccountsDriver user = verifiedUser("keyholder");
        String key = newKey(user, "bot");

        for (String bad : new String[] {null, "", "sk-suhbat-forged0000000000000000000000000000000000", key + "x"}) {
            HttpResponse<String> refused = call(bad, "GET", "/v1/models", null);
            assertThat(refused.statusCode()).as(String.valueOf(bad)).isEqualTo(401);
            conforms(OpenAiSpec.ERROR, json(refused.body()));
        }
        assertThat(json(call(null, "GET", "/v1/models", null).body()).path("error").path("code").asString()).isEqualTo("invalid_api_key");
        HttpResponse<String> session = user.api("GET", "/v1/models", null);
        assertThat(session.statusCode()).as("a browser session is not a key").isEqualTo(401);

        // bad input: OpenAI's error shape, a 4xx, nothing sent upstream
        int upstream = OPENAI.requests().size();
        for (String body : new String[] {"not json", "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[]}", "{\"model\":\"no-such-model\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"tool\",\"content\":\"x\",\"tool_call_id\":\"1\"}]}",
                "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:x\"}}]}]}"}) {
            HttpResponse<String> refused = call(key, "POST", "/v1/chat/completions", body);
            assertThat(refused.statusCode()).as(body).isBetween(400, 404);
            conforms(OpenAiSpec.ERROR, json(refused.body()));
        }
        assertThat(OPENAI.requests()).hasSize(upstream);

        // the admin turns the API off for everyone, then for this user only
        AccountsDriver admin = admin(url(""));
        admin.submit("/admin/api", "/admin/api/access", "open", "false");
        assertThat(call(key, "GET", "/v1/models", null).statusCode()).isEqualTo(403);
        assertThat(user.get("/profile").body()).contains("An admin has turned API access off");
        admin.submit("/admin/api", "/admin/api/access", "open", "true");
        assertThat(call(key, "GET", "/v1/models", null).statusCode()).isEqualTo(200);
        admin.submit("/admin/api", "/admin/api/users", "username", "keyholder", "enabled", "false");
        assertThat(call(key, "GET", "/v1/models", null).statusCode()).isEqualTo(403);
        assertThat(admin.get("/admin/api").body()).contains("keyholder");
        admin.submit("/admin/api", "/admin/api/users", "username", "keyholder", "enabled", "true");
        assertThat(call(key, "GET", "/v1/models", null).statusCode()).isEqualTo(200);

        // revoking on the profile cuts the key at once
        String second = newKey(user, "second");
        String page = user.get("/profile").body();
        Matcher revoke = Pattern.compile("<strong>bot</strong>.*?action=\"(/profile/api-keys/\\d+/revoke)\"", Pattern.DOTALL).matcher(page);
        assertThat(revoke.find()).isTrue();
        user.submit("/profile", revoke.group(1));
        assertThat(call(key, "GET", "/v1/models", null).statusCode()).isEqualTo(401);
        assertThat(call(second, "GET", "/v1/models", null).statusCode()).isEqualTo(200);

        // blocking the user revokes every key
        long userId = new AdminFixturesView(admin).userId("keyholder");
        admin.submit("/admin/users", "/admin/users/" + userId + "/block", "reason", "spam");
        assertThat(call(second, "GET", "/v1/models", null).statusCode()).isEqualTo(401);
    }

    /** Finds a user's id on the admin's users page. */
    record AdminFixturesView(AccountsDriver admin) {
        long userId(String username) {
            String page = admin.get("/admin/users?q=" + username).body();
            Matcher m = Pattern.compile("/admin/users/(\\d+)/(?:block|unblock|limit|quota)").matcher(page);
            assertThat(m.find()).as("user " + username + " on the users page").isTrue();
            return Long.parseLong(m.group(1));
        }
    }
}
