package uz.suhbat.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ApiErrorsTest {

    @Test
    void quotesBackslashesControlCharactersAndNonLatinTextComeBackAsWritten() throws Exception {
        String message = "Say \"hi\" \\ then\nnew line\t<b>Ташкент</b> Oʻzbek \u0001";
        MockHttpServletResponse response = new MockHttpServletResponse();

        ApiErrors.write(response, 401, "unauthorized", message);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(JsonMapper.builder().build().readValue(response.getContentAsString(), Map.class))
                .isEqualTo(Map.of("error", "unauthorized", "message", message));
    }
}
