package dev.runtruth.agenttests.ktor

import io.ktor.http.HttpMethod
import io.ktor.http.HttpStatusCode
import io.ktor.server.application.Application
import io.ktor.server.application.call
import io.ktor.server.application.plugin
import io.ktor.server.engine.embeddedServer
import io.ktor.server.engine.applicationEngineEnvironment
import io.ktor.server.engine.connector
import io.ktor.server.netty.Netty
import io.ktor.server.response.respond
import io.ktor.server.response.respondText
import io.ktor.server.routing.Routing
import io.ktor.server.routing.Route
import io.ktor.server.routing.HttpMethodRouteSelector
import io.ktor.server.routing.delete
import io.ktor.server.routing.get
import io.ktor.server.routing.getAllRoutes
import io.ktor.server.routing.header
import io.ktor.server.routing.post
import io.ktor.server.routing.route
import io.ktor.server.routing.routing
import java.util.concurrent.atomic.AtomicBoolean

/**
 * A Ktor 2 server on Netty. Usage: `KtorAppKt <port> [rootPath]`. `GET /declared-routes` serves the routing tree as
 * Ktor lists it: `getAllRoutes()` of the routing root, each route as `METHOD PATH` ([declared]), one a line.
 * `POST /debug/register-late` adds routes while the app serves, once.
 */
fun main(args: Array<String>) {
    val port = args[0].toInt()
    val root = if (args.size > 1) args[1] else ""
    embeddedServer(Netty, applicationEngineEnvironment {
        rootPath = root
        connector {
            host = "127.0.0.1"
            this.port = port
        }
        module { routes() }
    }).start(wait = true)
}

/** Whether `POST /debug/register-late` has added its routes (once: `GET /late/direct`, `GET /late/items/{id}`). */
private val lateRegistered = AtomicBoolean()

fun Application.routes() {
    routing {
        get("/") { call.respondText("root") }
        route("/api") {
            route("/users") {
                get { call.respondText("users") }
                post { call.respond(HttpStatusCode.Created) }
                route("/{id}") {
                    get { call.respondText("user ${call.parameters["id"]}") }
                    delete { call.respond(HttpStatusCode.NoContent) }
                    get("/files/{path...}") { call.respondText("file") }
                }
            }
            get("/items/{id?}") { call.respondText("items") }
            route("/admin", HttpMethod.Put) { handle { call.respond(HttpStatusCode.NoContent) } }
            header("X-Version", "2") { get("/versioned") { call.respondText("v2") } }
            route("/any") { handle { call.respondText("any method") } }
        }
        post("/debug/register-late") {
            if (lateRegistered.compareAndSet(false, true)) {
                // routes added while the app serves: Ktor's routing {} applies to the installed routing root
                call.application.routing {
                    get("/late/direct") { call.respondText("late") }
                    route("/late/items") { get("/{id}") { call.respondText("late item") } }
                }
            }
            call.respondText("registered")
        }
        get("/declared-routes") {
            val all = call.application.plugin(Routing).getAllRoutes()
            call.respondText(all.joinToString("\n", postfix = "\n") { declared(it) })
        }
    }
}

/**
 * `METHOD PATH` of one route: its method selector's method (`*` when it has none) and Ktor's `toString()` of the node
 * it hangs under, which keeps a trailing slash (`/ctx/` for `get("/")` under rootPath `/ctx`) that the route's own
 * `toString()` cannot show (`/ctx/(method:GET)` either way).
 */
fun declared(route: Route): String {
    val selector = route.selector
    return if (selector is HttpMethodRouteSelector) "${selector.method.value} ${route.parent}" else "* $route"
}
