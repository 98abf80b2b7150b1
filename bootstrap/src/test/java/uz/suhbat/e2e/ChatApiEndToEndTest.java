package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import uz.suhbat.e2e.AccountsDriver.Event;

class ChatApiEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");

    @Autowired
    DSLContext db;

    private static long chatIdOf(List<Event> events) {
        Matcher m = CHAT_ID.matcher(events.get(0).data());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }

    @Test
    void aNewChatStreamsTheAnswerAndTheSecondTurnCarriesTheWholeChatInOrder() {
        AccountsDriver user = verifiedUser("streamer");
        int before = OPENAI.requests().size();
        OPENAI.enqueue(Reply.answer("**Salom!** Men yordamchiman.", 4, Duration.ofMillis(20)), Reply.answer("Toshkent.", 2, Duration.ZERO));

        HttpResponse<String> first = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Salom, sen kimsan?\"}");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        List<Event> events = AccountsDriver.events(first.body());
        assertThat(names(events)).startsWith("chat").endsWith("done").contains("delta");
        assertThat(events.get(0).data()).contains("\"title\":\"Salom, sen kimsan?\"");
        assertThat(events.stream().filter(e -> e.name().equals("delta")).count()).isEqualTo(4);
        assertThat(events.get(events.size() - 1).data()).contains("\"rank\":2").contains("\"used\":1").contains("\"readOnly\":false")
                .contains("\"usage\":{");
        long chatId = chatIdOf(events);

        HttpResponse<String> second = user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Poytaxt qayer?\"}");
        assertThat(names(AccountsDriver.events(second.body()))).endsWith("done");

        RecordedRequest request = OPENAI.requests().get(before + 1);
        assertThat(request.model()).isEqualTo("gpt-4o-mini");
        assertThat(request.streamed()).isTrue();
        assertThat(request.messages()).extracting(m -> m.role() + ":" + m.content()).containsExactly(
                "user:Salom, sen kimsan?", "assistant:**Salom!** Men yordamchiman.", "user:Poytaxt qayer?");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + OPENAI_KEY);
        assertThat(OPENAI.violations()).isEmpty();

        String chat = user.api("GET", "/api/chats/" + chatId, null).body();
        assertThat(chat).contains("\"messages\":[").contains("\"rank\":4").contains("Toshkent.").contains("\"used\":2");
        assertThat(user.api("GET", "/api/chats", null).body()).contains("\"id\":" + chatId).contains("\"readOnly\":false");
        assertThat(user.get("/profile").body()).as("the profile lists previous chats").contains("href=\"/c/" + chatId + "\"")
                .contains("Salom, sen kimsan?");
        assertThat(user.api("GET", "/api/models", null).body()).contains("{\"id\":\"gpt-4o-mini\",\"name\":\"gpt-4o-mini\",\"kind\":\"openai\"");
    }

    /**
     * The async dispatch that ends a streamed answer does not read the session from the database again (Spring Session's
     * filter runs on requests and error pages only; the security chain permits the async dispatch of a request it
     * authorised): once the answer is stored and its claim released, no statement reads {@code SPRING_SESSION} any more.
     * Seen by the database itself (its general log).
     */
    @Test
    void theEndOfAStreamedAnswerDoesNotReadTheSessionAgain() {
        AccountsDriver user = verifiedUser("onceread");
        for (int round = 0; round < 2; round++) {
            OPENAI.enqueue(Reply.answer("Bir ikki uch.", 3, Duration.ofMillis(10)));
            db.execute("set global log_output = 'TABLE'");
            db.execute("truncate mysql.general_log");
            db.execute("set global general_log = 1");
            List<Event> events;
            try {
                events = AccountsDriver.events(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Sana\"}").body());
            } finally {
                db.execute("set global general_log = 0");
            }
            assertThat(names(events)).startsWith("chat").endsWith("done");
            long chatId = chatIdOf(events);
            List<String> statements = db.fetch("select argument from mysql.general_log where command_type = 'Query' order by event_time")
                    .getValues(0, String.class);
            int released = -1;
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).startsWith("update `chat` set `chat`.`answering_by` = null") && statements.get(i).contains("`chat`.`id` = " + chatId)) {
                    released = i;
                }
            }
            assertThat(released).as("the answer's claim is released: %s", statements).isNotNegative();
            assertThat(statements.subList(0, released)).as("the request read its session").anyMatch(sql -> sql.contains("FROM SPRING_SESSION"));
            assertThat(statements.subList(released, statements.size())).noneMatch(sql -> sql.contains("SPRING_SESSION"));
        }
    }

    /**
     * The session check of {@code POST /api/chats} is the new chat's read of its author (SessionCheckFilter,
     * SessionCheckQuery.checkStartingChat): the user's row is read once before the chat is stored, not twice.
     */
    @Test
    void aNewChatReadsItsUserOnceBeforeItIsStored_andThatReadIsItsSessionCheck() {
        AccountsDriver user = verifiedUser("onceuser");
        long userId = db.fetchSingle("select id from user where username = 'onceuser'").get(0, Long.class);
        String csrf = user.csrfToken(); // read from a page before the log starts: only the new chat's statements are logged
        OPENAI.enqueue(Reply.answer("Bir ikki uch.", 3, Duration.ZERO));
        db.execute("set global log_output = 'TABLE'");
        db.execute("truncate mysql.general_log");
        db.execute("set global general_log = 1");
        List<Event> events;
        try {
            events = AccountsDriver.events(newChat(user, csrf, "Bir marta").body());
        } finally {
            db.execute("set global general_log = 0");
        }
        assertThat(names(events)).startsWith("chat").endsWith("done");
        List<String> statements = db.fetch("select argument from mysql.general_log where command_type = 'Query' order by event_time")
                .getValues(0, String.class);
        int stored = -1;
        for (int i = 0; i < statements.size() && stored < 0; i++) {
            if (statements.get(i).startsWith("insert into `chat` ")) {
                stored = i;
            }
        }
        assertThat(stored).as("the chat is stored: %s", statements).isNotNegative();
        List<String> userReads = statements.subList(0, stored).stream()
                .filter(sql -> sql.startsWith("select") && sql.contains("from `user`") && sql.contains("`user`.`id` = " + userId)).toList();
        assertThat(userReads).as("reads of the user before the chat is stored: %s", statements.subList(0, stored)).singleElement()
                .satisfies(sql -> assertThat(sql).as("the new chat's read").contains("`user_preference`").contains("`setting`")
                        .as("with the signed-in device (every sign-in remembers its device)").contains("from `device_login`"));
        assertThat(statements.subList(0, stored)).as("the device is not read apart")
                .filteredOn(sql -> sql.startsWith("select") && sql.contains("from `device_login`"))
                .hasSize(1);
    }

    /** Any other request of a remembered device reads its user and its device in one statement too. */
    @Test
    void aRequestOfARememberedDeviceReadsItsUserAndDeviceInOneStatement_andASignedOutDeviceIsRefused() {
        AccountsDriver user = verifiedUser("onedevicereq");
        long userId = db.fetchSingle("select id from user where username = 'onedevicereq'").get(0, Long.class);
        user.csrfToken(); // the session's first page renews the device's two days (once a minute): before the log starts
        db.execute("set global log_output = 'TABLE'");
        db.execute("truncate mysql.general_log");
        db.execute("set global general_log = 1");
        HttpResponse<String> chats;
        try {
            chats = get(user.client(), "/api/chats", "Accept", "application/json");
        } finally {
            db.execute("set global general_log = 0");
        }
        assertThat(chats.statusCode()).isEqualTo(200);
        List<String> statements = db.fetch("select argument from mysql.general_log where command_type = 'Query' order by event_time")
                .getValues(0, String.class);
        assertThat(statements).as("the check's reads").filteredOn(sql -> sql.startsWith("select") && sql.contains("from `user`")
                        && sql.contains("`user`.`id` = " + userId)).singleElement()
                .satisfies(sql -> assertThat(sql).contains("from `device_login`"));
        assertThat(statements).filteredOn(sql -> sql.startsWith("select") && sql.contains("from `device_login`")).hasSize(1);

        // the device signed out (from another device, on any node): its session ends at its next request
        db.execute("delete from device_login where user_id = " + userId);
        assertThat(get(user.client(), "/api/chats", "Accept", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void aNewChatOfAUserBlockedOrSignedOutEverywhere_isRefusedAtItsSessionCheck_andNothingIsStoredOrAsked() {
        AccountsDriver blocked = verifiedUser("blockednew");
        AccountsDriver ended = verifiedUser("endednew");
        String blockedCsrf = blocked.csrfToken();
        String endedCsrf = ended.csrfToken();
        int asked = OPENAI.requests().size();
        db.execute("update user set blocked = true, blocked_reason = 'Spam' where username = 'blockednew'");
        // a password change or "sign out everywhere" on another node: the account's session epoch moves on
        db.execute("update user set session_epoch = session_epoch + 1 where username = 'endednew'");

        HttpResponse<String> refused = newChat(blocked, blockedCsrf, "Salom");
        HttpResponse<String> signedOut = newChat(ended, endedCsrf, "Salom");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"error\":\"signed_out\"");
        assertThat(signedOut.statusCode()).isEqualTo(401);
        assertThat(signedOut.body()).contains("\"error\":\"signed_out\"").as("blocked and ended are told apart").isNotEqualTo(refused.body());
        assertThat(db.fetchSingle("select count(*) from chat join user on user.id = chat.user_id"
                + " where user.username in ('blockednew', 'endednew')").get(0, Integer.class)).isZero();
        assertThat(OPENAI.requests()).hasSize(asked);
        assertThat(get(blocked.client(), "/api/chats", "Accept", "application/json").statusCode()).as("the session was ended")
                .isEqualTo(401);
    }

    /** {@code POST /api/chats} as the chat page sends it, with a CSRF token read before. */
    private HttpResponse<String> newChat(AccountsDriver user, String csrf, String content) {
        try {
            return user.client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/chats")))
                    .header("Accept", "text/event-stream, application/json").header("Accept-Language", "en")
                    .header("X-CSRF-TOKEN", csrf).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"model\":\"gpt-4o-mini\",\"content\":\"" + content + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherUsersChatAnswers404EverywhereAndRenameDeleteWorkForTheOwner() {
        AccountsDriver owner = verifiedUser("owner");
        AccountsDriver stranger = verifiedUser("stranger");
        OPENAI.enqueue(Reply.answer("Sir."));
        long chatId = chatIdOf(AccountsDriver.events(owner.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Maxfiy\"}").body()));

        assertThat(stranger.api("GET", "/api/chats/" + chatId, null).statusCode()).isEqualTo(404);
        assertThat(stranger.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Men ham\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.api("PATCH", "/api/chats/" + chatId, "{\"title\":\"Mine\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.api("DELETE", "/api/chats/" + chatId, null).statusCode()).isEqualTo(404);
        assertThat(stranger.api("GET", "/api/chats", null).body()).isEqualTo("[]");
        HttpResponse<String> notFound = stranger.api("GET", "/api/chats/" + chatId, null);
        assertThat(notFound.body()).contains("\"error\":\"not_found\"").contains("\"message\":\"There is no such chat.\"");

        assertThat(owner.api("PATCH", "/api/chats/" + chatId, "{\"title\":\"Yangi nom\"}").body()).contains("Yangi nom");
        assertThat(owner.api("DELETE", "/api/chats/" + chatId, null).statusCode()).isEqualTo(204);
        assertThat(owner.api("GET", "/api/chats/" + chatId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aChatAtItsLimitIsReadOnlyAndConcurrentSendsAtLimitMinusOneLetOneThrough() throws Exception {
        AccountsDriver user = verifiedUser("limited");
        OPENAI.answerAllWith(request -> "Javob: " + request.lastUserMessage());
        long chatId = chatIdOf(AccountsDriver.events(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}").body()));
        db.execute("update chat set message_limit = 2 where id = ?", chatId);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<HttpResponse<String>>> racers = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> user.api("POST", "/api/chats/" + chatId + "/messages",
                            "{\"content\":\"Poyga " + i + "\"}"), pool))
                    .toList();
            List<Integer> statuses = racers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
            assertThat(statuses).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }

        HttpResponse<String> refused = user.api("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Yana\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("\"error\":\"chat_limit_reached\"");
        assertThat(user.api("GET", "/api/chats/" + chatId, null).body()).contains("\"readOnly\":true").contains("\"used\":2");
        assertThat(db.fetchCount(db.selectFrom("chat_history").where("chat_id = ? and role = 'user'", chatId))).isEqualTo(2);
    }

    @Test
    void anUpstreamFailureKeepsTheMessageShowsASentenceAndRegenerateAnswersWithoutRepeatingIt() {
        AccountsDriver user = verifiedUser("unlucky");
        OPENAI.enqueue(Reply.serverError(), Reply.serverError(), Reply.serverError(), Reply.answer("Endi ishladi."));

        List<Event> failed = AccountsDriver.events(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Ishlaysanmi?\"}").body());

        assertThat(names(failed)).containsExactly("chat", "error");
        assertThat(failed.get(1).data()).contains("\"error\":\"model_unavailable\"").contains("Your message is saved").doesNotContain("server_error");
        long chatId = chatIdOf(failed);
        assertThat(user.api("GET", "/api/chats/" + chatId, null).body()).contains("Ishlaysanmi?");

        List<Event> retried = AccountsDriver.events(user.api("POST", "/api/chats/" + chatId + "/regenerate", null).body());
        assertThat(names(retried)).endsWith("done");
        String chat = user.api("GET", "/api/chats/" + chatId, null).body();
        assertThat(chat).as("the answer again counts against the chat's limit like a message").contains("Endi ishladi.").contains("\"used\":2");
        assertThat(chat).as("the question is stored once, the answer after it").contains("\"rank\":2,\"role\":\"assistant\"")
                .doesNotContain("\"rank\":3");
    }

    @Test
    void apiCallsNeedASessionAndTheCsrfHeader() {
        AccountsDriver anonymous = new AccountsDriver(url(""), MAIL);
        HttpResponse<String> noSession = anonymous.get("/api/chats");
        assertThat(noSession.statusCode()).isEqualTo(401);
        assertThat(noSession.body()).contains("\"error\":\"unauthorized\"");

        AccountsDriver user = verifiedUser("csrfchecker");
        HttpResponse<String> forged = user.postForm("/api/chats", java.util.Map.of("model", "gpt-4o-mini", "content", "x"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(db.selectFrom("chat").where("user_id = (select id from user where username = 'csrfchecker')"))).isZero();
    }

    @Test
    void badInputGetsAClearMessageAndStoresNothing() {
        AccountsDriver user = verifiedUser("sloppy");
        HttpResponse<String> empty = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"   \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"error\":\"invalid_content\"");
        HttpResponse<String> unknownModel = user.api("POST", "/api/chats", "{\"model\":\"gpt-9\",\"content\":\"Salom\"}");
        assertThat(unknownModel.statusCode()).isEqualTo(400);
        assertThat(unknownModel.body()).contains("\"error\":\"unknown_model\"");
        HttpResponse<String> broken = user.api("POST", "/api/chats", "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(user.api("GET", "/api/chats", null).body()).isEqualTo("[]");
    }

    @Test
    void stopEndsTheAnswerAndItsResponseAtOnce_keepingWhatArrived() throws Exception {
        AccountsDriver user = verifiedUser("stopper");
        OPENAI.enqueue(Reply.answer("Birinchi javob"));
        long chatId = chatIdOf(AccountsDriver.events(user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Bir\"}").body()));
        Reply.Gated gated = Reply.gated("Yarim ", "qolgani hech qachon kelmaydi");
        OPENAI.enqueue(gated);

        HttpResponse<java.util.stream.Stream<String>> streaming =
                user.apiLines("POST", "/api/chats/" + chatId + "/messages", "{\"content\":\"Ikki\"}");
        java.util.Iterator<String> lines = streaming.body().iterator();
        List<String> received = new java.util.ArrayList<>();
        while (received.stream().noneMatch(line -> line.contains("Yarim")) && lines.hasNext()) {
            received.add(lines.next());
        }
        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> lines.forEachRemaining(received::add));

        // the answer is registered for Stop a moment after it started: press until the stream ends
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!rest.isDone() && System.nanoTime() < deadline) {
            assertThat(user.api("POST", "/api/chats/" + chatId + "/stop", null).statusCode()).isLessThan(300);
            Thread.sleep(200);
        }

        try {
            assertThat(rest).as("the stopped answer's response ends").succeedsWithin(Duration.ofSeconds(5));
            assertThat(String.join("\n", received)).contains("Yarim").doesNotContain("qolgani").doesNotContain("event:done");
            awaitTrue("the stopped answer stored as interrupted", Duration.ofSeconds(10), () -> db.fetchExists(
                    db.selectOne().from("chat_history").where("chat_id = ? and status = 'interrupted'", chatId)));
            assertThat(db.fetchSingle("select content, status from chat_history where chat_id = ? and `rank` = 4", chatId).intoArray())
                    .containsExactly("Yarim ", "interrupted");
        } finally {
            gated.next(1);
        }
    }

    @Test
    void aUserBlockedWhileAnAnswerStreamsIsCutOffWithinSeconds_keepingWhatArrived() throws Exception {
        AccountsDriver user = verifiedUser("cutoff");
        // 40 pieces a quarter of a second apart: 10 s of answer
        OPENAI.enqueue(Reply.answer("a".repeat(40), 40, Duration.ofMillis(250)));
        HttpResponse<java.util.stream.Stream<String>> streaming =
                user.apiLines("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Uzun javob\"}");
        java.util.Iterator<String> lines = streaming.body().iterator();
        List<String> received = new java.util.ArrayList<>();
        while (received.stream().noneMatch(line -> line.startsWith("event:delta")) && lines.hasNext()) {
            received.add(lines.next());
        }
        long chatId = chatIdOf(AccountsDriver.events(String.join("\n", received) + "\n\n"));
        long blockedAt = System.nanoTime();
        db.execute("update user set blocked = true, blocked_reason = 'Spam' where username = 'cutoff'");

        CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> lines.forEachRemaining(received::add));
        assertThat(rest).as("the node's session check (every 2 s, all answers in one read) ends the stream").succeedsWithin(Duration.ofSeconds(8));
        double seconds = (System.nanoTime() - blockedAt) / 1e9;
        String all = String.join("\n", received);
        assertThat(all).contains("event:error").contains("signed_out").doesNotContain("event:done");
        assertThat(seconds).as("cut off long before the answer's 10 s").isLessThan(8);
        awaitTrue("what arrived stored as interrupted", Duration.ofSeconds(10), () -> db.fetchExists(
                db.selectOne().from("chat_history").where("chat_id = ? and role = 'assistant' and status = 'interrupted'", chatId)));
    }
}
