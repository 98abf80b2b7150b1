package uz.suhbat.adapter.in.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerTypePredicate;

/**
 * The page model (translations, language switch, CSRF token) reaches every controller that renders a page, and the error
 * pages, but none of the JSON controllers: its methods would otherwise run before every API call for nothing. A page
 * controller added in a package the advice does not name fails here.
 */
class PageModelAdviceScopeTest {

    private static final HandlerTypePredicate APPLIES = predicate(PageModelAdvice.class.getAnnotation(ControllerAdvice.class));

    @Test
    void everyPageControllerAndTheErrorPagesGetThePageModel() throws Exception {
        List<Class<?>> pages = controllers().stream()
                .filter(type -> !type.isAnnotationPresent(RestController.class) && !type.isAnnotationPresent(ControllerAdvice.class))
                .toList();
        assertThat(pages).as("the page controllers found").hasSizeGreaterThan(15)
                .extracting(Class::getSimpleName).contains("ChatPageController", "LoginController", "DashboardController",
                        "CitedPageController");
        assertThat(pages).allSatisfy(type -> assertThat(APPLIES.test(type)).as(type.getName()).isTrue());
        assertThat(APPLIES.test(BasicErrorController.class)).isTrue();
    }

    @Test
    void noJsonControllerRunsThePageModel() throws Exception {
        List<Class<?>> json = controllers().stream().filter(type -> type.isAnnotationPresent(RestController.class)).toList();
        assertThat(json).extracting(Class::getSimpleName).contains("ChatApiController", "ConversationApiController",
                "OpenAiApiController", "HealthEndpoint");
        assertThat(json).allSatisfy(type -> assertThat(APPLIES.test(type)).as(type.getName()).isFalse());
    }

    private static List<Class<?>> controllers() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<Class<?>> found = new java.util.ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("uz.suhbat.adapter.in.web")) {
            found.add(Class.forName(candidate.getBeanClassName()));
        }
        return found;
    }

    private static HandlerTypePredicate predicate(ControllerAdvice advice) {
        return HandlerTypePredicate.builder().basePackage(advice.basePackages()).assignableType(advice.assignableTypes())
                .annotation(advice.annotations()).build();
    }
}
