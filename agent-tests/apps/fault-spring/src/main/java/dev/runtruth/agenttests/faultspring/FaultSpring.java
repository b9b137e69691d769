package dev.runtruth.agenttests.faultspring;

import java.nio.file.Files;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * {@code java -jar fault-spring.jar MODE --port=N}: Spring MVC 6.2's {@code DispatcherServlet} on embedded Tomcat
 * 10.1, serving {@code GET /hello} and {@code GET /hello/{name}} from {@link HelloController}. Modes:
 * <ul>
 *   <li>{@code every-mapping}: the dispatcher servlet's only handler mapping ({@code detectAllHandlerMappings=false},
 *       the bean named {@code handlerMapping}) is a {@link RefusingMapping}: requests are served, but whoever asks it
 *       for its handler methods (the actuator would, Runtruth's agent does) gets an exception;</li>
 *   <li>{@code one-mapping}: every mapping bean is used: a plain {@code RequestMappingHandlerMapping} that maps the
 *       controller, and a {@link RefusingMapping} beside it.</li>
 * </ul>
 * Prints {@code fault-spring ready} when it serves.
 */
public final class FaultSpring {

    private FaultSpring() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "every-mapping";
        int port = 8080;
        for (String arg : args) {
            if (arg.startsWith("--port=")) {
                port = Integer.parseInt(arg.substring("--port=".length()));
            }
        }
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(HelloController.class);
        DispatcherServlet dispatcher = new DispatcherServlet(spring);
        switch (mode) {
            case "every-mapping":
                spring.register(EveryMapping.class);
                dispatcher.setDetectAllHandlerMappings(false);
                break;
            case "one-mapping":
                spring.register(OneMapping.class);
                break;
            default:
                throw new IllegalArgumentException("unknown mode " + mode + " (every-mapping, one-mapping)");
        }
        Tomcat tomcat = new Tomcat();
        tomcat.setPort(port);
        tomcat.setBaseDir(Files.createTempDirectory("fault-spring-tomcat").toString());
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "dispatcher", dispatcher).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        tomcat.getConnector();
        tomcat.start();
        System.out.println("fault-spring ready: " + mode + " on port " + port);
        tomcat.getServer().await();
    }

    /** The only mapping the dispatcher servlet uses refuses to list its handler methods. */
    @Configuration
    public static class EveryMapping {
        @Bean
        public RefusingMapping handlerMapping() {
            return new RefusingMapping();
        }
    }

    /** A plain mapping, and a refusing one beside it. */
    @Configuration
    public static class OneMapping {
        @Bean
        public RequestMappingHandlerMapping requestMappingHandlerMapping() {
            return new RequestMappingHandlerMapping();
        }

        @Bean
        public RefusingMapping refusingMapping() {
            RefusingMapping mapping = new RefusingMapping();
            mapping.setOrder(1);
            return mapping;
        }
    }

    /**
     * A request mapping handler mapping that maps and serves as usual, but once the application has started it will
     * not list what it maps (Spring itself lists them once, while initialising the mapping).
     */
    public static class RefusingMapping extends RequestMappingHandlerMapping
            implements ApplicationListener<ContextRefreshedEvent> {

        private volatile boolean started;

        @Override
        public void onApplicationEvent(ContextRefreshedEvent event) {
            started = true;
        }

        @Override
        public Map<RequestMappingInfo, HandlerMethod> getHandlerMethods() {
            if (started) {
                throw new IllegalStateException("fault-spring: this handler mapping does not list its handler methods");
            }
            return super.getHandlerMethods();
        }
    }

    /** Two routes. */
    @RestController
    public static class HelloController {
        @GetMapping("/hello")
        public String hello() {
            return "hello\n";
        }

        @GetMapping("/hello/{name}")
        public String helloName(@org.springframework.web.bind.annotation.PathVariable("name") String name) {
            return "hello " + name + "\n";
        }
    }
}
