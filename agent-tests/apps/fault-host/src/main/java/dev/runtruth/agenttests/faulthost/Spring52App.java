package dev.runtruth.agenttests.faulthost;

import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** Spring MVC 5.2 (before the agent's supported 5.3) with one annotated controller, on embedded Tomcat 9. */
final class Spring52App {

    private Spring52App() {
    }

    static void start(int port) throws Exception {
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(Config.class, HelloController.class);
        Tomcat tomcat = new Tomcat();
        tomcat.setPort(port);
        tomcat.setBaseDir(Files.createTempDirectory("fault-host-tomcat").toString());
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "dispatcher", new DispatcherServlet(spring)).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "dispatcher");
        tomcat.getConnector();
        tomcat.start();
    }

    /** Spring MVC's annotation config. */
    @Configuration
    @EnableWebMvc
    public static class Config {
    }

    /** One route. */
    @RestController
    public static class HelloController {
        @GetMapping("/hello")
        public String hello() {
            return "hello from spring-webmvc " + DispatcherServlet.class.getPackage().getImplementationVersion() + "\n";
        }
    }
}
