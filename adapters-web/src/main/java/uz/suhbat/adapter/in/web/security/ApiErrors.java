package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;

/** Writes the API's error shape {@code {"error", "message"}} where no controller is involved, with Jackson. */
public final class ApiErrors {

    /** The body, as controllers answer it too. */
    record ApiError(String error, String message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {
    }

    public static void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(code, message));
    }

    static String json(String code, String message) {
        return JSON.writeValueAsString(new ApiError(code, message));
    }
}
