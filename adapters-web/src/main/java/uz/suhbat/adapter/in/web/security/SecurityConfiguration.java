package uz.suhbat.adapter.in.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.web.csrf.CsrfFilter;
import uz.suhbat.application.port.in.account.AddressThrottleUseCase;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import java.util.LinkedHashMap;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import uz.suhbat.application.port.in.account.DeviceLoginUseCase;
import uz.suhbat.application.port.in.account.SessionCheckQuery;
import uz.suhbat.application.port.in.account.SignInUseCase;

/** Who may open what. Every form and API call carries the CSRF token (Spring Security's default). */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String[] PUBLIC = {
        "/login", "/login/refused", "/register", "/verify", "/forgot-password", "/reset-password",
        "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.svg", "/favicon.ico",
        "/actuator/health", "/error",
        // shared chats: read-only, for anyone with the link (SharedChatController)
        "/s/*"
    };

    /**
     * X-Forwarded-For/-Proto from TRUSTED_PROXIES only; ahead of every other filter, so that the
     * session cookie's Secure flag, HSTS and the throttles see the client's address and scheme.
     */
    @Bean
    FilterRegistrationBean<TrustedProxyFilter> trustedProxyFilter(@Value("${suhbat.trusted-proxies:}") String trustedProxies) {
        FilterRegistrationBean<TrustedProxyFilter> registration = new FilterRegistrationBean<>(new TrustedProxyFilter(trustedProxies));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR, DispatcherType.FORWARD);
        return registration;
    }

    @Bean
    HttpSessionSecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    SecurityFilterChain userChain(HttpSecurity http, SignInUseCase signIn, DeviceLoginUseCase devices, SessionCheckQuery sessions,
                                  HttpSessionSecurityContextRepository contexts, MessageSource messages, LocaleResolver locales,
                                  AddressThrottleUseCase addressThrottles)
            throws Exception {
        DeviceLoginFilter deviceLogin = new DeviceLoginFilter(devices, contexts);
        http
            .securityContext(context -> context.securityContextRepository(contexts))
            .authenticationManager(new ProviderManager(new SignInAuthenticationProvider<>(signIn,
                    user -> new SignedInUser(user.userId(), user.username(), user.sessionEpoch()), "USER")))
            .authorizeHttpRequests(auth -> auth
                // the second dispatch at the end of an answer of the OpenAI-compatible API (Spring MVC's async dispatch; the
                // chat screen's streams end without one, EventStream): the request was
                // authorised on its own dispatch; Spring Session's filter does not run on it (application.properties,
                // spring.session.servlet.filter-dispatcher-types), so that no answer's end reads the session again
                .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                .requestMatchers(PUBLIC).permitAll()
                .anyRequest().hasRole("USER"))
            .formLogin(form -> form
                .loginPage("/login")
                .authenticationDetailsSource(request -> KnownDeviceCookie.LoginDetails.of(request, KnownDeviceCookie.USER))
                .successHandler(new SignInHandlers.Success(devices))
                .failureHandler(new SignInHandlers.Failure())
                .permitAll())
            .logout(logout -> logout
                .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(org.springframework.http.HttpMethod.POST, "/logout"))
                .addLogoutHandler((request, response, authentication) -> {
                    String cookie = DeviceCookie.read(request);
                    if (cookie != null) {
                        devices.forget(cookie);
                    }
                    DeviceCookie.clear(request, response);
                })
                .logoutSuccessUrl("/login?logout"))
            .addFilterBefore(deviceLogin, AnonymousAuthenticationFilter.class)
            .addFilterAfter(new SessionCheckFilter(sessions, devices, messages, locales), DeviceLoginFilter.class)
            .addFilterAfter(new AddressThrottleFilter(addressThrottles, messages, locales), CsrfFilter.class)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint(messages, locales)))
            .headers(new SecurityHeaders());
        return http.build();
    }

    /** The API answers 401 with the error JSON; pages send the person to the login form. */
    private static AuthenticationEntryPoint entryPoint(MessageSource messages, LocaleResolver locales) {
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byPath = new LinkedHashMap<>();
        byPath.put(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                (request, response, e) -> ApiErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
                        messages.getMessage("api.unauthorized", null, locales.resolveLocale(request))));
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byPath);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
        return entryPoint;
    }
}
