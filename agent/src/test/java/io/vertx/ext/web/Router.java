package io.vertx.ext.web;

/** Stands in for vertx-web's {@code Router} interface: the agent recognises a captured sub-router by this name. */
public interface Router {
}
