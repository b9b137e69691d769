package dev.runtruth.agenttests.boot41web;

import java.lang.reflect.Method;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Registers {@code GET /late/registered/{id}} through the public API once the application is ready. The handler
 * mapping is looked up then, not injected: an injection would create it before {@link SlowStart} sleeps.
 */
@Component
class LateRegistration {

    static final String PATH = "/late/registered/{id}";

    @EventListener(ApplicationReadyEvent.class)
    void register(ApplicationReadyEvent event) throws NoSuchMethodException {
        RequestMappingHandlerMapping handlerMapping = event.getApplicationContext()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        RequestMappingInfo info = RequestMappingInfo.paths(PATH)
                .methods(RequestMethod.GET)
                .options(handlerMapping.getBuilderConfiguration())
                .build();
        Method handle = LateHandler.class.getMethod("handle", String.class);
        handlerMapping.registerMapping(info, new LateHandler(), handle);
    }

    /** The handler of the late route; public so that Spring can invoke it reflectively. */
    public static final class LateHandler {

        @org.springframework.web.bind.annotation.ResponseBody
        public String handle(@org.springframework.web.bind.annotation.PathVariable("id") String id) {
            return "late " + id;
        }
    }
}
