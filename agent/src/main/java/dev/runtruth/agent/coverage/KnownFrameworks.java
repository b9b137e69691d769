package dev.runtruth.agent.coverage;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Web frameworks the agent recognises besides its captures: the ones it does not read ({@code unsupported}) and the
 * ones it reads through another capture (Spring Data REST through Spring MVC's handler mappings). Each is recognised
 * by a landmark class: a class the framework loads only when it serves HTTP, never merely because its jar is on the
 * class path.
 */
final class KnownFrameworks {

    /** A framework recognised by landmark classes. */
    static final class Known {

        final String name;
        final List<String> landmarks;
        final List<String> unlessLoaded;

        Known(String name, List<String> landmarks, List<String> unlessLoaded) {
            this.name = name;
            this.landmarks = Collections.unmodifiableList(landmarks);
            this.unlessLoaded = Collections.unmodifiableList(unlessLoaded);
        }
    }

    /** Spring Data REST: its routes are Spring MVC handler-mapping routes whose handlers are its controllers. */
    static final String SPRING_DATA_REST = "spring-data-rest";
    // loaded when Spring Data REST's MVC configuration creates its handler mapping (spring-data-rest-webmvc 2.x-5.x)
    static final String SPRING_DATA_REST_LANDMARK = "org.springframework.data.rest.webmvc.RepositoryRestHandlerMapping";
    /** The package of Spring Data REST's controllers: a route whose handler starts with it is one of its routes. */
    static final String SPRING_DATA_REST_HANDLERS = "org.springframework.data.rest.webmvc.";
    /** The capture whose routes hold Spring Data REST's. */
    static final String SPRING_DATA_REST_PARENT = "spring-webmvc";

    /** Web frameworks Runtruth knows of and does not read: present means "routes may be served that are not seen". */
    static final List<Known> UNSUPPORTED = Arrays.asList(
            new Known("armeria", Arrays.asList("com.linecorp.armeria.server.Server"), none()),
            new Known("play", Arrays.asList("play.api.routing.Router", "play.core.server.Server"), none()),
            new Known("struts2", Arrays.asList("org.apache.struts2.dispatcher.Dispatcher"), none()),
            new Known("spark", Arrays.asList("spark.Service"), none()),
            new Known("ratpack", Arrays.asList("ratpack.server.RatpackServer", "ratpack.core.server.RatpackServer"),
                    none()),
            new Known("jooby", Arrays.asList("io.jooby.Jooby"), none()),
            new Known("akka-http", Arrays.asList("akka.http.scaladsl.HttpExt"), none()),
            new Known("pekko-http", Arrays.asList("org.apache.pekko.http.scaladsl.HttpExt"), none()));

    private KnownFrameworks() {
    }

    private static List<String> none() {
        return Collections.emptyList();
    }
}
