package uz.suhbat.adapter.in.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.adapter.in.web.security.ApiErrors;
import uz.suhbat.adapter.in.web.security.KnownDeviceCookie;
import uz.suhbat.adapter.in.web.security.SecurityHeaders;
import uz.suhbat.adapter.in.web.security.SignInAuthenticationProvider;
import uz.suhbat.adapter.in.web.security.SignInRefusedException;
import uz.suhbat.application.port.in.admin.AdminSignInUseCase;

/**
 * The admin area's own filter chain, ahead of the user chain. An admin session lives under its own
 * session key, so it is not a user session, and a user session is not an admin one: a signed-in user
 * gets 403 on every /admin route; anyone else is sent to /admin/login (the API answers 401).
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    static final String CONTEXT_KEY = "SUHBAT_ADMIN_SECURITY_CONTEXT";
    static final String THROTTLED = AdminSecurityConfiguration.class.getName() + ".throttled";
    // a path of its own: a forward to /admin/login would be taken for another sign-in attempt
    static final String THROTTLED_PAGE = "/admin/login/throttled";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain adminChain(HttpSecurity http, AdminSignInUseCase signIn, MessageSource messages, LocaleResolver locales)
            throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(CONTEXT_KEY);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        http
            .securityMatcher(paths.matcher("/admin/**"))
            .securityContext(context -> context.securityContextRepository(contexts))
            .authenticationManager(new ProviderManager(new SignInAuthenticationProvider<>(signIn,
                    admin -> new SignedInAdmin(admin.adminId(), admin.username(), admin.main()), "ADMIN")))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(paths.matcher("/admin/login"), paths.matcher(THROTTLED_PAGE)).permitAll()
                .anyRequest().hasRole("ADMIN"))
            // a saved /admin request must not become the user sign-in's landing page, nor the reverse
            .requestCache(cache -> cache.requestCache(new NullRequestCache()))
            .formLogin(form -> form
                .loginPage("/admin/login")
                .loginProcessingUrl("/admin/login")
                .authenticationDetailsSource(request -> KnownDeviceCookie.LoginDetails.of(request, KnownDeviceCookie.ADMIN))
                .successHandler((request, response, authentication) -> {
                    KnownDeviceCookie.writeIssued(authentication, KnownDeviceCookie.ADMIN, "/admin", request, response);
                    response.sendRedirect("/admin");
                })
                .failureHandler(failure())
                .permitAll())
            .logout(logout -> logout
                .logoutRequestMatcher(paths.matcher(HttpMethod.POST, "/admin/logout"))
                // the browser may hold a user session too: end only the admin's
                .invalidateHttpSession(false)
                .addLogoutHandler((request, response, authentication) -> {
                    HttpSession session = request.getSession(false);
                    if (session != null) {
                        session.removeAttribute(CONTEXT_KEY);
                    }
                })
                .logoutSuccessUrl("/admin/login?logout"))
            .addFilterBefore(new AdminSessionFilter(signIn), AuthorizationFilter.class)
            .exceptionHandling(errors -> errors
                .authenticationEntryPoint(entryPoint(messages, locales))
                .accessDeniedHandler(forbidden(messages, locales)))
            .headers(new SecurityHeaders());
        return http.build();
    }

    private static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (exception instanceof SignInRefusedException refused && refused.why() == SignInRefusedException.Why.THROTTLED) {
                long seconds = Math.max(1, refused.retryAfter().toSeconds());
                request.setAttribute(THROTTLED, seconds);
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(seconds));
                request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
                return;
            }
            response.sendRedirect("/admin/login?error");
        };
    }

    private static AuthenticationEntryPoint entryPoint(MessageSource messages, LocaleResolver locales) {
        return (request, response, exception) -> {
            if (signedInAsUser(request)) {
                refuse(request, response, messages, locales);
            } else if (isApi(request)) {
                ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                        messages.getMessage("admin.api.unauthorized", null, locales.resolveLocale(request)));
            } else {
                response.sendRedirect("/admin/login");
            }
        };
    }

    /** Also reached by a form posted without a valid CSRF token. */
    private static AccessDeniedHandler forbidden(MessageSource messages, LocaleResolver locales) {
        return (request, response, exception) -> refuse(request, response, messages, locales);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, MessageSource messages, LocaleResolver locales)
            throws IOException {
        if (isApi(request)) {
            ApiErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
                    messages.getMessage("admin.api.forbidden", null, locales.resolveLocale(request)));
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/admin/api/");
    }

    /** A user session (the user chain's context key) that reached the admin area. */
    private static boolean signedInAsUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
                && context.getAuthentication() != null;
    }
}
