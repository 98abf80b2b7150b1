package uz.suhbat.adapter.in.web.openai;

import jakarta.servlet.DispatcherType;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.NullSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.application.port.in.api.ApiKeysUseCase;

/**
 * The OpenAI-compatible API under {@code /v1} has a filter chain of its own, ahead of the user chain: stateless (no
 * session is read or made, nothing is remembered between calls), no CSRF token (calls carry a bearer key, which no
 * browser sends by itself), no form login; every call must carry a valid personal API key ({@link BearerKeyFilter}).
 */
@Configuration(proxyBeanMethods = false)
class OpenAiApiSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain openAiApiChain(HttpSecurity http, ApiKeysUseCase keys, MessageSource messages, LocaleResolver locales)
            throws Exception {
        http
            .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/v1/**"))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext(context -> context.securityContextRepository(new NullSecurityContextRepository()))
            .requestCache(cache -> cache.requestCache(new NullRequestCache()))
            .csrf(csrf -> csrf.disable())
            .formLogin(form -> form.disable())
            .httpBasic(basic -> basic.disable())
            .logout(logout -> logout.disable())
            .anonymous(anonymous -> anonymous.disable())
            .addFilterBefore(new BearerKeyFilter(keys, messages, locales), AuthorizationFilter.class)
            .authorizeHttpRequests(auth -> auth
                // the second dispatch of a streamed or awaited answer: the call itself was checked
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .anyRequest().hasRole("API"))
            .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                response.setStatus(401);
                response.setContentType("application/json");
                response.getWriter().write(OpenAiErrors.body("Unauthorized", "authentication_error", "invalid_api_key", null));
            }));
        return http.build();
    }
}
