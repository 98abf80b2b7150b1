package uz.suhbat.adapter.in.web.chat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.adapter.in.web.security.ApiErrors;

/**
 * API errors as {@code {"error", "message"}} in the page's language. Written straight to the
 * response, so that a client asking only for text/event-stream still gets the JSON explanation.
 */
@RestControllerAdvice(assignableTypes = {ChatApiController.class, ConversationApiController.class, MessageVersionsApiController.class})
class ApiExceptionHandler {

    private final MessageSource messages;
    private final LocaleResolver locales;

    ApiExceptionHandler(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @ExceptionHandler(ApiException.class)
    void refused(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiErrors.write(response, e.status().value(), e.code(), messages.getMessage(e.messageKey(), null, locales.resolveLocale(request)));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    void unreadable(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiErrors.write(response, 400, "bad_request", messages.getMessage("chat.error.bad_request", null, locales.resolveLocale(request)));
    }
}
