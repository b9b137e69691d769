package org.jboss.resteasy.reactive.server.vertx;

/** Stands in for RESTEasy Reactive's Vert.x handler that hands each request to the JAX-RS deployment. */
public final class ResteasyReactiveVertxHandler {
}
