package uz.suhbat.adapter.in.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page a person sees when a request ends in an error status (a mistyped address, a page that is
 * gone, a failure of ours): a sentence in the page's language and a way back, instead of the
 * framework's page in English. Programs that ask for JSON still get JSON.
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        String kind = switch (status) {
            case NOT_FOUND, GONE -> "notFound";
            case FORBIDDEN, UNAUTHORIZED -> "forbidden";
            case BAD_REQUEST, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, PAYLOAD_TOO_LARGE -> "badRequest";
            case TOO_MANY_REQUESTS -> "tooMany";
            default -> status.is5xxServerError() ? "server" : "badRequest";
        };
        ModelAndView page = new ModelAndView("message", status);
        page.addObject("pageTitle", "error." + kind + ".title");
        page.addObject("title", "error." + kind + ".title");
        page.addObject("text", "error." + kind + ".text");
        page.addObject("linkHref", "/");
        page.addObject("linkText", "error.home");
        return page;
    }
}
