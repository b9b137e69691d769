package dev.runtruth.agenttests.boot41web;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Sleeps {@code -Dboot41web.slowStartMillis} milliseconds (default 0) while the context refreshes: after the web server
 * and the DispatcherServlet exist, before the auto-configured handler mappings register the controllers' routes. A
 * service that is still starting, as a large application is for seconds (ReadinessIT).
 */
@Component
class SlowStart implements InitializingBean {

    @Override
    public void afterPropertiesSet() throws InterruptedException {
        Thread.sleep(Long.getLong("boot41web.slowStartMillis", 0L));
    }
}
