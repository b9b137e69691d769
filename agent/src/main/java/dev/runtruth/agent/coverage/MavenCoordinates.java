package dev.runtruth.agent.coverage;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Maven artifacts whose {@code META-INF/maven/<groupId>/<artifactId>/pom.properties} name a framework's version.
 * Read through the landmark class's loader, they give the framework's own version even when its classes were shaded
 * into the application's jar (a fat jar built with maven-shade keeps every dependency's {@code pom.properties}), where
 * the version of the jar the class came from is the application's.
 */
final class MavenCoordinates {

    private static final Map<String, List<String>> BY_FRAMEWORK = new HashMap<String, List<String>>();

    static {
        put("spring-webmvc", "org.springframework/spring-webmvc");
        put("spring-webflux", "org.springframework/spring-webflux");
        put("spring-data-rest", "org.springframework.data/spring-data-rest-webmvc");
        put("tomcat", "org.apache.tomcat.embed/tomcat-embed-core", "org.apache.tomcat/tomcat-catalina");
        put("jetty", "org.eclipse.jetty/jetty-server");
        put("undertow", "io.undertow/undertow-servlet", "io.undertow/undertow-core");
        put("jersey", "org.glassfish.jersey.core/jersey-server");
        put("resteasy", "org.jboss.resteasy/resteasy-core");
        put("quarkus-rest", "io.quarkus.resteasy.reactive/resteasy-reactive");
        put("micronaut", "io.micronaut/micronaut-router");
        put("grpc", "io.grpc/grpc-core");
        put("vertx-web", "io.vertx/vertx-web");
        put("javalin", "io.javalin/javalin");
        put("helidon-se", "io.helidon.webserver/helidon-webserver");
        put("ktor", "io.ktor/ktor-server-core-jvm", "io.ktor/ktor-server-core");
        put("armeria", "com.linecorp.armeria/armeria");
        put("apache-cxf", "org.apache.cxf/cxf-rt-frontend-jaxrs");
        put("struts2", "org.apache.struts/struts2-core");
        put("spark", "com.sparkjava/spark-core");
        put("ratpack", "io.ratpack/ratpack-core");
        put("jooby", "io.jooby/jooby");
    }

    private MavenCoordinates() {
    }

    private static void put(String framework, String... groupSlashArtifact) {
        BY_FRAMEWORK.put(framework, Collections.unmodifiableList(Arrays.asList(groupSlashArtifact)));
    }

    /**
     * @param framework a {@code framework} label of {@code runtruth_framework_info}
     * @return the resource names of its {@code pom.properties}, most specific first; empty when none is known
     */
    static List<String> pomProperties(String framework) {
        List<String> coordinates = BY_FRAMEWORK.get(framework);
        if (coordinates == null) {
            return Collections.emptyList();
        }
        String[] out = new String[coordinates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = "META-INF/maven/" + coordinates.get(i) + "/pom.properties";
        }
        return Arrays.asList(out);
    }
}
