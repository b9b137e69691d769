package dev.runtruth.agenttests.servlettomcat9;

/** Declared in {@code WEB-INF/web.xml}, with an extension and a path-prefix mapping. */
public final class XmlServlet extends HelloServlet {
}
