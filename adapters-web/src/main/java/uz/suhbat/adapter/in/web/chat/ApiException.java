package uz.suhbat.adapter.in.web.chat;

import org.springframework.http.HttpStatus;

/** An API refusal: HTTP status, a code for programs and a message key for people. */
class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String messageKey;

    ApiException(HttpStatus status, String code, String messageKey) {
        super(code);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
    }

    static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "chat.error.not_found");
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String messageKey() {
        return messageKey;
    }
}
