package vn.lachan.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeTest {
    @Test
    void discovery(@TempDir Path dir) throws Exception {
        try (var p = new OpenIdProvider(dir, new ProviderUsers(Map.of("alice", Map.of()), "http://127.0.0.1:1/cb"))) {
            var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(p.issuer + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println(r.body());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }
}
