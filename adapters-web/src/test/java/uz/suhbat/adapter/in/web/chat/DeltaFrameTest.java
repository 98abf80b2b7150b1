package uz.suhbat.adapter.in.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The delta event's JSON is written by hand (every piece of every answer): it must be what Jackson writes and reads. */
class DeltaFrameTest {

    private final JsonMapper jackson = JsonMapper.builder().build();

    @Test
    void escapesLikeJackson() {
        for (String text : new String[] {"plain", "", "a \"quoted\" word", "back\\slash", "line\nbreak\r\n", "tab\there",
                "\u0000\u0001\u001f\b\f", "o‘zbek ўзбек русский 😀", "</script><b>&amp;", "\u2028\u2029"}) {
            String json = AnswerStreams.jsonString(text);
            assertThat(json).as(text).isEqualTo(jackson.writeValueAsString(text));
            assertThat(jackson.readValue("{\"text\":" + json + "}", Map.class)).isEqualTo(Map.of("text", text));
        }
    }

    @Test
    void anUnchangedTextIsNotCopiedTwice() {
        assertThat(AnswerStreams.jsonString("hello")).isEqualTo("\"hello\"");
    }
}
