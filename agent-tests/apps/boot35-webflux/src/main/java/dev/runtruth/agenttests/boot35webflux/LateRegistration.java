package dev.runtruth.agenttests.boot35webflux;

import java.lang.reflect.Method;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import reactor.core.publisher.Mono;

/** Registers {@code GET /late/registered/{id}} through WebFlux's public API once the application is ready. */
@Component
class LateRegistration {

    static final String PATH = "/late/registered/{id}";

    private final RequestMappingHandlerMapping handlerMapping;

    LateRegistration(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping) {
        this.handlerMapping = handlerMapping;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() throws NoSuchMethodException {
        RequestMappingInfo info = RequestMappingInfo.paths(PATH)
                .methods(RequestMethod.GET)
                .build();
        Method handle = LateHandler.class.getMethod("handle", String.class);
        handlerMapping.registerMapping(info, new LateHandler(), handle);
    }

    /** The handler of the late route; public so that Spring can invoke it reflectively. */
    public static final class LateHandler {

        @ResponseBody
        public Mono<String> handle(@PathVariable("id") String id) {
            return Mono.just("late " + id);
        }
    }
}
