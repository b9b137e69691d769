package dev.runtruth.agenttests.servlettomcat10;

import jakarta.servlet.annotation.WebServlet;

/** Registered by Tomcat's annotation scan of {@code WEB-INF/classes}. */
@WebServlet(name = "annotated", urlPatterns = {"/annotated", "/annotated/items/*"})
public final class AnnotatedServlet extends HelloServlet {
}
