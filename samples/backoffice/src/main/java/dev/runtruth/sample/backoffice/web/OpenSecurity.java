package dev.runtruth.sample.backoffice.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every request no other filter chain claims is open: without this chain Spring Boot's default one would require
 * authentication everywhere as soon as Spring Security is on the classpath. Feature packages that need authentication
 * add their own chain for their paths, ordered before this one, which is the last.
 */
@Configuration(proxyBeanMethods = false)
class OpenSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain openByDefault(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // a JSON API without browser sessions: no CSRF tokens to ask for, no session to create
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
