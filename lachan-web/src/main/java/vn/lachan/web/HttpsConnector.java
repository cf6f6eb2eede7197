package vn.lachan.web;

import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import vn.lachan.core.tls.TlsIdentity;

/** Builds the Jetty connector that answers HTTPS: TLS 1.3 and 1.2 only, HTTP/1.1 inside. */
final class HttpsConnector {
    private static final String HTTP_1_1 = "http/1.1";
    private static final Duration STS_MAX_AGE = Duration.ofDays(365);

    private HttpsConnector() {}

    /**
     * Returns a connector on {@code host:port} serving {@code context}; requests through it report the scheme
     * {@code https}, so the session cookie is marked Secure.
     */
    static ServerConnector create(Server server, HttpConfiguration plain, SSLContext context, String host, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setSslContext(context);
        tls.setIncludeProtocols(TlsIdentity.PROTOCOLS.toArray(String[]::new));
        HttpConfiguration https = new HttpConfiguration(plain);
        https.setSecureScheme("https");
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // One certificate serves every name the operator reaches the server by (a host name, an address), so the
        // check that the Host header matches the certificate's names would only refuse honest clients.
        secure.setSniHostCheck(false);
        // Browsers that met the API over HTTPS refuse to fall back to plain HTTP for a year (HSTS).
        secure.setStsMaxAge(STS_MAX_AGE.toSeconds());
        https.addCustomizer(secure);
        ServerConnector connector =
                new ServerConnector(server, new SslConnectionFactory(tls, HTTP_1_1), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
