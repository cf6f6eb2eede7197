package vn.lachan.app.serve;

import jakarta.servlet.http.HttpServlet;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.filter.DelegatingFilterProxy;

/**
 * Runs Spring Authorization Server (a real OpenID provider from Maven Central) on embedded Tomcat at
 * {@code http://127.0.0.1:PORT}, the issuer.
 */
final class OpenIdProvider implements AutoCloseable {
    private final Tomcat tomcat = new Tomcat();
    private final AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
    final String issuer;

    OpenIdProvider(Path workDir, ProviderUsers users) throws LifecycleException {
        tomcat.setBaseDir(workDir.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", workDir.toString());
        spring.register(ProviderSetup.class);
        spring.addBeanFactoryPostProcessor(factory -> factory.registerSingleton("providerUsers", users));
        context.addServletContainerInitializer(
                (classes, servletContext) -> {
                    spring.setServletContext(servletContext);
                    spring.refresh();
                },
                null);
        // Filters run only for a mapped servlet: everything the provider serves is a filter of Spring Security.
        Tomcat.addServlet(context, "none", new HttpServlet() {}).addMapping("/");
        FilterDef filter = new FilterDef();
        filter.setFilterName("springSecurityFilterChain");
        filter.setFilter(new DelegatingFilterProxy("springSecurityFilterChain", spring));
        context.addFilterDef(filter);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("springSecurityFilterChain");
        mapping.addURLPattern("/*");
        context.addFilterMap(mapping);
        tomcat.start();
        this.issuer = "http://127.0.0.1:" + tomcat.getConnector().getLocalPort();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        spring.close();
    }
}
