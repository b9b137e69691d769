package dev.runtruth.collector.expected;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runtruth.model.Route;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JAX-RS, Micronaut and gRPC extractors and the code-built-route notes over real class files: the fixtures below
 * are compiled by javac in the test against the real API jars (jakarta.ws.rs-api 3.1.0, javax.ws.rs-api 2.1.1,
 * micronaut-http 4.10, grpc-stub 1.85), then scanned as a classes directory (so the API class files are absent and the
 * extractors' built-in knowledge of the standard annotations is what applies, except for the fixtures' own custom
 * designator). Kept out of {@code src/test/java} so the Spring scanner tests, which scan the whole test-classes
 * directory, do not see them. Agreement with the running frameworks is checked in agent-tests
 * ({@code AbstractCollectorAgreementIT}).
 */
class AnnotatedFamiliesTest {

    @TempDir
    Path temp;

    @Test
    void jakartaResourcesWithApplicationPathLocatorsInheritanceAndCustomDesignator() throws Exception {
        Path classes = compile(Map.of(
                "app/ShopApplication.java", """
                        package app;
                        @jakarta.ws.rs.ApplicationPath("/api")
                        public class ShopApplication extends jakarta.ws.rs.core.Application { }
                        """,
                "app/PURGE.java", """
                        package app;
                        @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
                        @java.lang.annotation.Target(java.lang.annotation.ElementType.METHOD)
                        @jakarta.ws.rs.HttpMethod("PURGE")
                        public @interface PURGE { }
                        """,
                "app/OrdersResource.java", """
                        package app;
                        import jakarta.ws.rs.*;
                        @Path("orders")
                        public class OrdersResource {
                            @GET public String list() { return ""; }
                            @POST public String create() { return ""; }
                            @GET @Path("{id: [0-9]+}") public String get(@PathParam("id") long id) { return ""; }
                            @PURGE @Path("cache") public void purge() { }
                            @Path("{id}/lines") public LinesResource lines() { return new LinesResource(); }
                            @Path("{id}/any") public Object any() { return null; }
                            @GET @Path("hidden") String notPublic() { return ""; }
                        }
                        """,
                "app/LinesResource.java", """
                        package app;
                        import jakarta.ws.rs.*;
                        @Path("ignored-below-a-locator")
                        public class LinesResource {
                            @GET public String list() { return ""; }
                            @DELETE @Path("{line}") public void delete() { }
                            @Path("{line}/self") public LinesResource self() { return this; }
                        }
                        """,
                "app/ItemsApi.java", """
                        package app;
                        import jakarta.ws.rs.*;
                        public interface ItemsApi {
                            @GET @Path("items") String items();
                            @PUT @Path("items/{id}") String put(@PathParam("id") String id);
                        }
                        """,
                "app/ItemsResource.java", """
                        package app;
                        @jakarta.ws.rs.Path("/inherit/")
                        public class ItemsResource implements ItemsApi {
                            public String items() { return ""; }
                            @jakarta.ws.rs.PATCH public String put(String id) { return ""; }
                        }
                        """));

        ExpectedRoutes routes = new BytecodeRouteScanner().scan(classes);

        // LinesResource is a root resource of its own (class @Path) and, under the locator, without its class @Path
        assertThat(lines(routes)).containsExactlyInAnyOrder(
                "GET /api/ignored-below-a-locator jaxrs app.LinesResource#list",
                "DELETE /api/ignored-below-a-locator/{line} jaxrs app.LinesResource#delete",
                "GET /api/inherit/items jaxrs app.ItemsResource#items",
                "PATCH /api/inherit/ jaxrs app.ItemsResource#put",
                "GET /api/orders jaxrs app.OrdersResource#list",
                "POST /api/orders jaxrs app.OrdersResource#create",
                "PURGE /api/orders/cache jaxrs app.OrdersResource#purge",
                "GET /api/orders/{id} jaxrs app.OrdersResource#get",
                "GET /api/orders/{id}/lines jaxrs app.LinesResource#list",
                "DELETE /api/orders/{id}/lines/{line} jaxrs app.LinesResource#delete");
        assertThat(routes.notes()).isEmpty();
    }

    @Test
    void javaxResourcesWithoutApplicationPath() throws Exception {
        Path classes = compile(Map.of("legacy/LegacyResource.java", """
                package legacy;
                import javax.ws.rs.*;
                @Path("/legacy/{tenant: [a-z]+}")
                public class LegacyResource {
                    @GET public String get() { return ""; }
                    @HEAD @OPTIONS @Path("probe") public void probe() { }
                }
                """));

        assertThat(lines(new BytecodeRouteScanner().scan(classes))).containsExactlyInAnyOrder(
                "GET /legacy/{tenant} jaxrs legacy.LegacyResource#get",
                "HEAD /legacy/{tenant}/probe jaxrs legacy.LegacyResource#probe",
                "OPTIONS /legacy/{tenant}/probe jaxrs legacy.LegacyResource#probe");
    }

    @Test
    void classPathOnAnInterfaceMakesARootResourceOnlyWhenTheInputRunsOnCxf() throws Exception {
        Map<String, String> sources = Map.of("cxf/OrdersApi.java", """
                package cxf;
                import javax.ws.rs.*;
                @Path("/orders")
                public interface OrdersApi {
                    @GET String list();
                    @DELETE @Path("/{id}") void cancel(@PathParam("id") String id);
                }
                """, "cxf/OrdersService.java", """
                package cxf;
                public class OrdersService implements OrdersApi {
                    public String list() { return ""; }
                    public void cancel(String id) { }
                }
                """);
        assertThat(lines(new BytecodeRouteScanner().scan(compile(sources)))).as("Jersey ignores it").isEmpty();

        Map<String, String> onCxf = new java.util.HashMap<>(sources);
        // the landmark only: CXF's real frontend is checked in agent-tests (CollectorAgreementCxf3IT)
        onCxf.put("org/apache/cxf/jaxrs/JAXRSServerFactoryBean.java", """
                package org.apache.cxf.jaxrs;
                public class JAXRSServerFactoryBean { }
                """);
        assertThat(lines(new BytecodeRouteScanner().scan(compile(onCxf)))).containsExactlyInAnyOrder(
                "GET /orders jaxrs cxf.OrdersService#list",
                "DELETE /orders/{id} jaxrs cxf.OrdersService#cancel");
    }

    @Test
    void micronautControllersNestUrisLikeUriTemplateAndAddHeadToEveryGet() throws Exception {
        Path classes = compile(Map.of(
                "mn/BookController.java", """
                        package mn;
                        import io.micronaut.http.annotation.*;
                        @Controller("/books")
                        public class BookController {
                            @Get("{?max,offset}") public String list() { return ""; }
                            @Get(value = "/{id:[0-9]+}", headRoute = false) public String show() { return ""; }
                            @Post public String save() { return ""; }
                            @Get(uris = {"/by-author/{a}", "by-isbn/{i}"}) public String search() { return ""; }
                            @CustomHttpMethod(method = "LOCK", value = "/{id}/lock") public void lock() { }
                            @Delete("/{id}") void packagePrivate() { }
                        }
                        """,
                "mn/FileController.java", """
                        package mn;
                        @io.micronaut.http.annotation.Controller
                        public class FileController {
                            @io.micronaut.http.annotation.Get("/files{/path:.*}") public String file() { return ""; }
                        }
                        """));

        assertThat(lines(new BytecodeRouteScanner().scan(classes))).containsExactlyInAnyOrder(
                "GET /books micronaut mn.BookController#list",
                "HEAD /books micronaut mn.BookController#list",
                "POST /books micronaut mn.BookController#save",
                "GET /books/by-author/{a} micronaut mn.BookController#search",
                "HEAD /books/by-author/{a} micronaut mn.BookController#search",
                "GET /books/by-isbn/{i} micronaut mn.BookController#search",
                "HEAD /books/by-isbn/{i} micronaut mn.BookController#search",
                "DELETE /books/{id} micronaut mn.BookController#packagePrivate",
                "GET /books/{id} micronaut mn.BookController#show",
                "LOCK /books/{id}/lock micronaut mn.BookController#lock",
                "GET /files/{*path} micronaut mn.FileController#file",
                "HEAD /files/{*path} micronaut mn.FileController#file");
    }

    @Test
    void grpcMethodsOfGeneratedClassesThatTheApplicationImplements() throws Exception {
        Path classes = compile(Map.of(
                "rpc/InventoryGrpc.java", generatedGrpc("InventoryGrpc", "demo.v1.Inventory", "GetItem", "Sync"),
                "rpc/UnusedGrpc.java", generatedGrpc("UnusedGrpc", "demo.v1.Unused", "Nothing"),
                "rpc/InventoryService.java", """
                        package rpc;
                        public class InventoryService extends InventoryGrpc.InventoryGrpcImplBase {
                            @Override public io.grpc.ServerServiceDefinition bindService() { return null; }
                        }
                        """));

        assertThat(lines(new BytecodeRouteScanner().scan(classes))).containsExactlyInAnyOrder(
                "POST /demo.v1.Inventory/GetItem grpc rpc.InventoryGrpc#GetItem",
                "POST /demo.v1.Inventory/Sync grpc rpc.InventoryGrpc#Sync");
    }

    @Test
    void notesNameRoutesBuiltInCode() throws Exception {
        Path classes = compile(Map.of(
                // stand-ins with the frameworks' names: the note is decided by names, not by behaviour
                "io/javalin/Javalin.java", "package io.javalin; public class Javalin { }",
                "io/micronaut/web/router/RouteBuilder.java",
                "package io.micronaut.web.router; public interface RouteBuilder { }",
                "app/LateRoutes.java",
                "package app; public class LateRoutes implements io.micronaut.web.router.RouteBuilder { }",
                "app/Plain.java", "package app; public class Plain { }"));

        List<String> notes = new BytecodeRouteScanner().scan(classes).notes();

        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).startsWith("routes built in code (Javalin) cannot be read from bytecode");
        assertThat(notes.get(1)).startsWith("routes built in code (Micronaut RouteBuilder: app.LateRoutes) cannot");
    }

    @Test
    void webFluxWhenOnlyTheReactiveDispatcherIsPresent() {
        ClassModel any = new ClassModel("x/Y", 0, null, List.of(), List.of(), List.of(), "test");
        String reactive = "org/springframework/web/reactive/DispatcherHandler";
        String servlet = "org/springframework/web/servlet/DispatcherServlet";

        assertThat(SpringWebFluxRouteExtractor.isReactive(n -> n.equals(reactive) ? any : null)).isTrue();
        assertThat(SpringWebFluxRouteExtractor.isReactive(n -> n.equals(reactive) || n.equals(servlet) ? any : null))
                .isFalse();
        assertThat(SpringWebFluxRouteExtractor.isReactive(n -> null)).isFalse();
    }

    /** Source of a class shaped like protoc-gen-grpc-java's output: constants, @RpcMethod getters, an ImplBase. */
    private static String generatedGrpc(String name, String service, String... methods) {
        StringBuilder src = new StringBuilder("package rpc;\npublic final class " + name + " {\n"
                + "  public static final String SERVICE_NAME = \"" + service + "\";\n");
        for (String method : methods) {
            src.append("  @io.grpc.stub.annotations.RpcMethod(fullMethodName = SERVICE_NAME + '/' + \"").append(method)
                    .append("\", requestType = String.class, responseType = String.class,")
                    .append(" methodType = io.grpc.MethodDescriptor.MethodType.UNARY)\n")
                    .append("  public static io.grpc.MethodDescriptor<String, String> get").append(method)
                    .append("Method() { return null; }\n");
        }
        src.append("  public interface AsyncService { }\n")
                .append("  public static abstract class ").append(name)
                .append("ImplBase implements io.grpc.BindableService, AsyncService { }\n}\n");
        return src.toString();
    }

    private static List<String> lines(ExpectedRoutes routes) {
        return routes.routes().stream()
                .map(r -> r.method() + " " + r.template() + " " + r.framework() + " " + r.handler())
                .toList();
    }

    /** Compiles sources (relative path to text) with javac against the API jars; returns the classes directory. */
    private Path compile(Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(temp.resolve("src"));
        Path out = Files.createDirectories(temp.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none", "-nowarn", "-classpath",
                Stream.of(jakarta.ws.rs.GET.class, javax.ws.rs.GET.class, io.micronaut.http.annotation.Get.class,
                                io.grpc.stub.annotations.RpcMethod.class, io.grpc.BindableService.class)
                        .map(c -> c.getProtectionDomain().getCodeSource().getLocation().getPath())
                        .collect(Collectors.joining(File.pathSeparator))));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int exit = javac.run(null, null, new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }), args.toArray(String[]::new));
        assertThat(exit).as("javac: %s", errors).isZero();
        return out;
    }
}
