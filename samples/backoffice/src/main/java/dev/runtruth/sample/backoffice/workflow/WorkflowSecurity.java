package dev.runtruth.sample.backoffice.workflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The workflow routes require authentication: HTTP basic, with the user Spring Boot configures from {@code
 * spring.security.user.*}. Without credentials they answer 401, which tells a caller that the route exists where the
 * older build answered 404. Lives in this package because the demo deletes the package to make the older build.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain workflowRequireAuthentication(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/v1/workflows/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
