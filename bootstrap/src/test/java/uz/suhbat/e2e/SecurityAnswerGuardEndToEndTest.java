package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.Reply;

/**
 * The outside-in security suite, answers (docs/security.md, cases C1–C5): one answer per chat at a time, held in the
 * database so it holds across nodes, and the daily quota and the chat limit counted for every answer a user causes,
 * regenerate included.
 */
class SecurityAnswerGuardEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");

    @Autowired
    DSLContext db;

    /** A chat whose one question got no answer (the upstream failed): ready for regenerate. */
    private long chatWithAnUnansweredQuestion(AccountsDriver user) {
        OPENAI.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError());
        String body = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Savol\"}").body();
        assertThat(body).contains("model_unavailable");
        Matcher id = CHAT_ID.matcher(body);
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private int assistantMessages(long chatId) {
        return db.fetchCount(db.selectFrom("chat_history").where("chat_id = ? and role = 'assistant'", chatId));
    }

    private static HttpResponse<String> post(AccountsDriver user, String token, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/event-stream, application/json").header("Accept-Language", "en").header("X-CSRF-TOKEN", token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return user.client().send(request.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code n} identical POSTs at the same moment; their answers in any order. */
    private List<HttpResponse<String>> atOnce(AccountsDriver user, int n, String path, String json) throws Exception {
        String token = user.csrfToken();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return post(user, token, url(path), json);
                }, pool));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> one : sent) {
                answers.add(one.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** C1: five regenerates sent at once: one reaches the model and stores one answer; the others are told why (409), none is a 500. */
    @Test
    void c1_fiveRegeneratesAtOnceRunOneAnswer() throws Exception {
        AccountsDriver user = verifiedUser("c1_racer");
        long chatId = chatWithAnUnansweredQuestion(user);
        for (int i = 0; i < 5; i++) {
            OPENAI.enqueue(Reply.answer("Javob " + i + " ", 4, Duration.ofMillis(150)));
        }
        int asked = OPENAI.requests().size();

        List<HttpResponse<String>> answers = atOnce(user, 5, "/api/chats/" + chatId + "/regenerate", null);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 409).containsOnlyOnce(200);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertThat(a.body()).containsAnyOf(
                "\"error\":\"answer_in_progress\"", "\"error\":\"nothing_to_regenerate\""));
        awaitTrue("the answer stored", Duration.ofSeconds(10), () -> assistantMessages(chatId) == 1);
        assertThat(OPENAI.requests()).as("one upstream call").hasSize(asked + 1);
        assertThat(db.fetchSingle("select answering_by from chat where id = ?", chatId).get(0)).as("the claim is released").isNull();
    }

    /** C1: messages sent at once to one chat: one is stored and answered, the others are refused with nothing stored. */
    @Test
    void c1_messagesSentAtOnceToOneChatRunOneAnswer() throws Exception {
        AccountsDriver user = verifiedUser("c1_sender");
        OPENAI.enqueue(Reply.answer("Birinchi"));
        String body = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}").body();
        Matcher id = CHAT_ID.matcher(body);
        assertThat(id.find()).isTrue();
        long chatId = Long.parseLong(id.group(1));
        for (int i = 0; i < 4; i++) {
            OPENAI.enqueue(Reply.answer("Javob " + i + " ", 4, Duration.ofMillis(150)));
        }

        List<HttpResponse<String>> answers = atOnce(user, 4, "/api/chats/" + chatId + "/messages", "{\"content\":\"Ikki\"}");

        long accepted = answers.stream().filter(a -> a.statusCode() == 200).count();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        answers.stream().filter(a -> a.statusCode() == 409).forEach(a -> assertThat(a.body()).contains("\"error\":\"answer_in_progress\""));
        awaitTrue("the answers stored", Duration.ofSeconds(10), () -> assistantMessages(chatId) == 1 + accepted);
        assertThat(db.fetchCount(db.selectFrom("chat_history").where("chat_id = ? and role = 'user'", chatId))).isEqualTo(1 + (int) accepted);
        assertThat(accepted).isBetween(1L, 4L);
        // the ones that got through ran one after another: every user message is followed by its answer
        List<String> roles = db.fetch("select role from chat_history where chat_id = ? order by `rank`", chatId).getValues(0, String.class);
        for (int i = 0; i < roles.size(); i++) {
            assertThat(roles.get(i)).isEqualTo(i % 2 == 0 ? "user" : "assistant");
        }
    }

    /** C2: with the daily quota used up, regenerate (after Stop) is refused before the model is asked: no free answers. */
    @Test
    void c2_regenerateWithTheQuotaUsedUpAsksNothing() {
        AccountsDriver user = verifiedUser("c2_quota");
        db.execute("update user set daily_quota = 1 where username = 'c2_quota'");
        long chatId = chatWithAnUnansweredQuestion(user); // the one message of today's quota
        OPENAI.answerAllWith(request -> "Bepul javob");
        int asked = OPENAI.requests().size();

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = user.api("POST", "/api/chats/" + chatId + "/regenerate", null);
            assertThat(again.statusCode()).isEqualTo(429);
            assertThat(again.body()).contains("\"error\":\"daily_quota_reached\"");
            user.api("POST", "/api/chats/" + chatId + "/stop", null);
        }
        assertThat(OPENAI.requests()).as("no upstream call").hasSize(asked);
        assertThat(assistantMessages(chatId)).isZero();
    }

    /** C3: regenerate counts against the chat's limit like a message: at the limit it is refused, and each one uses one. */
    @Test
    void c3_regenerateCountsAgainstTheChatLimit() {
        AccountsDriver user = verifiedUser("c3_limit");
        db.execute("update user set message_limit = 2 where username = 'c3_limit'");
        long chatId = chatWithAnUnansweredQuestion(user); // used 1 of 2
        OPENAI.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError());
        assertThat(user.api("POST", "/api/chats/" + chatId + "/regenerate", null).body()).contains("model_unavailable"); // used 2 of 2
        assertThat(db.fetchSingle("select used from chat where id = ?", chatId).get(0, Integer.class)).isEqualTo(2);
        int asked = OPENAI.requests().size();

        HttpResponse<String> atLimit = user.api("POST", "/api/chats/" + chatId + "/regenerate", null);
        assertThat(atLimit.statusCode()).isEqualTo(409);
        assertThat(atLimit.body()).contains("\"error\":\"chat_limit_reached\"");
        assertThat(OPENAI.requests()).hasSize(asked);
    }

    /** C4: while an answer streams, another message or a regenerate in that chat is refused (409); once it ends, the chat takes the next. */
    @Test
    void c4_aSecondAnswerWaitsForTheFirstToEnd() throws Exception {
        AccountsDriver user = verifiedUser("c4_patient");
        OPENAI.enqueue(Reply.answer("Bir"));
        String created = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}").body();
        Matcher id = CHAT_ID.matcher(created);
        assertThat(id.find()).isTrue();
        long chatId = Long.parseLong(id.group(1));
        Reply.Gated gated = Reply.gated("Uzun ", "javob");
        OPENAI.enqueue(gated);

        HttpResponse<java.util.stream.Stream<String>> streaming = user.apiLines("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Ikki\"}");
        java.util.Iterator<String> lines = streaming.body().iterator();
        while (lines.hasNext() && !lines.next().contains("Uzun")) {
            // until the first piece: the answer is running
        }
        try {
            HttpResponse<String> second = user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Uch\"}");
            assertThat(second.statusCode()).isEqualTo(409);
            assertThat(second.body()).contains("\"error\":\"answer_in_progress\"").contains("still being written");
            assertThat(user.api("POST", "/api/chats/" + chatId + "/regenerate", null).statusCode()).isEqualTo(409);
        } finally {
            gated.next(1);
        }
        lines.forEachRemaining(line -> { });
        OPENAI.enqueue(Reply.answer("Uch javob"));
        assertThat(user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Uch\"}").statusCode()).isEqualTo(200);
        assertThat(db.fetchCount(db.selectFrom("chat_history").where("chat_id = ?", chatId))).isEqualTo(6);
    }

    /** C5: the claim is in the database: another node's live claim refuses; one its node stopped renewing (crash) expires. */
    @Test
    void c5_theClaimHoldsAcrossNodesAndExpiresWhenItsNodeStops() {
        AccountsDriver user = verifiedUser("c5_nodes");
        OPENAI.enqueue(Reply.answer("Bir"));
        Matcher id = CHAT_ID.matcher(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}").body());
        assertThat(id.find()).isTrue();
        long chatId = Long.parseLong(id.group(1));

        db.execute("update chat set answering_by = 'another-node-answer', answering_since = utc_timestamp(3) where id = ?", chatId);
        HttpResponse<String> held = user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Ikki\"}");
        assertThat(held.statusCode()).isEqualTo(409);
        assertThat(held.body()).contains("answer_in_progress");

        db.execute("update chat set answering_since = utc_timestamp(3) - interval 6 minute where id = ?", chatId);
        OPENAI.enqueue(Reply.answer("Ikki javob"));
        HttpResponse<String> takenOver = user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Ikki\"}");
        assertThat(takenOver.statusCode()).isEqualTo(200);
        assertThat(takenOver.body()).contains("event:done");
        assertThat(db.fetchSingle("select answering_by from chat where id = ?", chatId).get(0)).isNull();
    }
}
