package dev.runtruth.agenttests.servletjetty12ee9;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The container's own listing, the truth of the agent's integration test: one line per servlet mapping,
 * {@code contextPath TAB servletName TAB className TAB urlPattern}, from {@code ServletContext#getServletRegistrations()}.
 */
public final class RegistrationsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ServletContext context = getServletContext();
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        Map<String, ? extends ServletRegistration> registrations = new TreeMap<>(context.getServletRegistrations());
        for (Map.Entry<String, ? extends ServletRegistration> entry : registrations.entrySet()) {
            for (String mapping : entry.getValue().getMappings()) {
                out.println(context.getContextPath() + '\t' + entry.getKey() + '\t' + entry.getValue().getClassName()
                        + '\t' + mapping);
            }
        }
    }
}
