package uz.suhbat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uz.suhbat.adapter.out.ai.fake.RecordedRequest;
import uz.suhbat.adapter.out.ai.fake.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import uz.suhbat.e2e.AccountsDriver.Event;

/**
 * Versions and branches through the JSON API, against the fake OpenAI server: regenerate, edit a question, switch
 * versions, a failed question removed; what the upstream is sent after each.
 */
class MessageVersionsEndToEndTest extends EndToEndTest {

    private static final Pattern CHAT_ID = Pattern.compile("\"chatId\":(\\d+)");

    @Autowired
    DSLContext db;

    private static List<String> names(HttpResponse<String> response) {
        return AccountsDriver.events(response.body()).stream().map(Event::name).toList();
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    /** "rank:role:content" of the chat's messages as the API shows them (the active branch). */
    private static List<String> shown(JsonNode chat) {
        List<String> out = new ArrayList<>();
        chat.get("messages").forEach(m -> out.add(m.get("content").asText()));
        return out;
    }

    private static List<Integer> versions(JsonNode message) {
        List<Integer> out = new ArrayList<>();
        message.get("versions").forEach(v -> out.add(v.asInt()));
        return out;
    }

    private static List<String> sent(RecordedRequest request) {
        return request.messages().stream().map(m -> m.role() + ":" + m.content()).toList();
    }

    private RecordedRequest lastUpstreamRequest() {
        List<RecordedRequest> requests = OPENAI.requests();
        return requests.get(requests.size() - 1);
    }

    @Test
    void regenerateEditSwitchAndRemove_andTheUpstreamIsSentOnlyTheActiveBranch() {
        AccountsDriver user = verifiedUser("brancher");
        OPENAI.enqueue(Reply.answer("A1"), Reply.answer("A2"));
        HttpResponse<String> started = user.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Q1\"}");
        Matcher id = CHAT_ID.matcher(started.body());
        assertThat(id.find()).isTrue();
        String chat = "/api/chats/" + id.group(1);
        assertThat(names(user.api("POST", chat + "/messages", "{\"content\":\"Q2\"}"))).endsWith("done");

        // regenerate: the earlier answer stays as a version
        OPENAI.enqueue(Reply.answer("A2, again"));
        assertThat(names(user.api("POST", chat + "/regenerate", "{}"))).endsWith("done");
        assertThat(sent(lastUpstreamRequest())).containsExactly("user:Q1", "assistant:A1", "user:Q2");
        JsonNode regenerated = json(user.api("GET", chat, null));
        assertThat(shown(regenerated)).containsExactly("Q1", "A1", "Q2", "A2, again");
        assertThat(versions(regenerated.get("messages").get(3))).containsExactly(4, 5);
        assertThat(regenerated.get("used").asInt()).as("a version counts like a message").isEqualTo(3);

        // edit the second question: a new branch; the upstream gets only that branch
        OPENAI.enqueue(Reply.answer("A2 for the edit"), Reply.answer("A3"));
        HttpResponse<String> edited = user.api("POST", chat + "/messages/3/edit", "{\"content\":\"Q2 edited\"}");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(names(edited)).endsWith("done");
        assertThat(sent(lastUpstreamRequest())).containsExactly("user:Q1", "assistant:A1", "user:Q2 edited");
        assertThat(names(user.api("POST", chat + "/messages", "{\"content\":\"Q3\"}"))).endsWith("done");
        assertThat(sent(lastUpstreamRequest())).containsExactly("user:Q1", "assistant:A1", "user:Q2 edited", "assistant:A2 for the edit",
                "user:Q3");
        JsonNode onNewBranch = json(user.api("GET", chat, null));
        assertThat(shown(onNewBranch)).containsExactly("Q1", "A1", "Q2 edited", "A2 for the edit", "Q3", "A3");
        assertThat(versions(onNewBranch.get("messages").get(2))).containsExactly(3, 6);

        // switch back: the old branch, whole, with the answer version chosen there
        JsonNode back = json(user.api("POST", chat + "/messages/3/choose", null));
        assertThat(shown(back)).containsExactly("Q1", "A1", "Q2", "A2, again");
        assertThat(shown(json(user.api("POST", chat + "/messages/4/choose", null)))).containsExactly("Q1", "A1", "Q2", "A2");
        OPENAI.enqueue(Reply.answer("A3 on the old branch"));
        user.api("POST", chat + "/messages", "{\"content\":\"Q3 old\"}");
        assertThat(sent(lastUpstreamRequest())).containsExactly("user:Q1", "assistant:A1", "user:Q2", "assistant:A2", "user:Q3 old");

        // a failed question: never sent with the next one, and removable
        OPENAI.enqueue(Reply.error(400, "invalid_request_error", null, "upstream refused"));
        assertThat(names(user.api("POST", chat + "/messages", "{\"content\":\"failed\"}"))).endsWith("error");
        JsonNode failed = json(user.api("GET", chat, null));
        int failedRank = failed.get("messages").get(6).get("rank").asInt();
        assertThat(failed.get("messages").get(6).get("content").asText()).isEqualTo("failed");
        HttpResponse<String> removed = user.api("DELETE", chat + "/messages/" + failedRank, null);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(shown(json(removed))).endsWith("Q3 old", "A3 on the old branch");
        OPENAI.enqueue(Reply.error(400, "invalid_request_error", null, "upstream refused"), Reply.answer("A4"));
        user.api("POST", chat + "/messages", "{\"content\":\"failed again\"}");
        user.api("POST", chat + "/messages", "{\"content\":\"Q4\"}");
        assertThat(sent(lastUpstreamRequest())).as("the question left unanswered does not reach the model")
                .containsExactly("user:Q1", "assistant:A1", "user:Q2", "assistant:A2", "user:Q3 old", "assistant:A3 on the old branch",
                        "user:Q4");
        assertThat(OPENAI.violations()).isEmpty();

        long chatId = Long.parseLong(id.group(1));
        assertThat(db.fetchCount(db.selectFrom("chat_history").where("chat_id = ?", chatId))).as("every version is kept").isEqualTo(14);
        assertThat(db.fetchCount(db.selectFrom("chat_history").where("chat_id = ? and on_branch", chatId))).isEqualTo(9);
    }

    @Test
    void badRequestsAreRefusedClearly_andAnotherUsersChatAnswers404() {
        AccountsDriver owner = verifiedUser("versionowner");
        AccountsDriver stranger = verifiedUser("versionstranger");
        OPENAI.enqueue(Reply.answer("A1"));
        Matcher id = CHAT_ID.matcher(owner.api("POST", "/api/chats", "{\"model\":\"gpt-4o-mini\",\"content\":\"Q1\"}").body());
        assertThat(id.find()).isTrue();
        String chat = "/api/chats/" + id.group(1);

        HttpResponse<String> empty = owner.api("POST", chat + "/messages/1/edit", "{\"content\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("\"error\":\"invalid_content\"");
        HttpResponse<String> answer = owner.api("POST", chat + "/messages/2/edit", "{\"content\":\"x\"}");
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("\"error\":\"not_editable\"").contains("Only a question");
        HttpResponse<String> answered = owner.api("DELETE", chat + "/messages/1", null);
        assertThat(answered.statusCode()).isEqualTo(409);
        assertThat(answered.body()).contains("\"error\":\"not_removable\"");
        assertThat(owner.api("POST", chat + "/messages/9/choose", null).statusCode()).isEqualTo(404);

        assertThat(stranger.api("POST", chat + "/messages/1/edit", "{\"content\":\"mine\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.api("POST", chat + "/messages/2/choose", null).statusCode()).isEqualTo(404);
        assertThat(stranger.api("DELETE", chat + "/messages/1", null).statusCode()).isEqualTo(404);
        assertThat(shown(json(owner.api("GET", chat, null)))).containsExactly("Q1", "A1");
    }
}
