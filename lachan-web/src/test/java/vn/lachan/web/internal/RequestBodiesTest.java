package vn.lachan.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestBodiesTest {
    private static final int MAX = 10_000;
    private final RequestBodies bodies = new RequestBodies(MAX);

    @ParameterizedTest(name = "{0} bytes sent, {1} declared")
    @CsvSource({
        "0, 0",
        "0, -1",
        "1, 1",
        "1, -1",
        "5000, 5000",
        "5000, -1",
        "10000, 10000",
        "10000, -1",
        "5000, 3000", // more sent than declared: all of it is read
        "5000, 8000", // less sent than declared (the connection ended): what came is read
    })
    void readsTheWholeBodyWhateverTheDeclaredLength(int sent, long declared) throws IOException {
        byte[] body = random(sent);
        assertThat(bodies.read(new Trickle(body, 7), declared)).isEqualTo(body);
        assertThat(bodies.read(new ByteArrayInputStream(body), declared)).isEqualTo(body);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitBeforeReading() {
        assertThatThrownBy(() -> bodies.read(new ByteArrayInputStream(new byte[0]), MAX + 5L))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.detail()).contains("the body has " + (MAX + 5) + " bytes", "limit of " + MAX);
                });
    }

    @ParameterizedTest(name = "{0} declared")
    @CsvSource({"-1", "100", "10000"})
    void refusesABodyOverTheLimitWhenItArrives(long declared) {
        assertThatThrownBy(() -> bodies.read(new Trickle(random(MAX + 1000), 333), declared))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.detail()).contains("more than " + MAX + " bytes");
                });
    }

    @Test
    void aDeclaredBodyCostsOneArrayOfItsSize() throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RequestBodies large = new RequestBodies(64 << 20);
        byte[] body = random(8 << 20);
        large.read(new ByteArrayInputStream(body), body.length); // loads the classes
        long before = threads.getCurrentThreadAllocatedBytes();
        byte[] read = large.read(new ByteArrayInputStream(body), body.length);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(read).isEqualTo(body);
        // the old reader took four times the body: the exact array, a doubled one to find the end, a cut copy
        assertThat(allocated).isBetween((long) body.length, body.length + 64 * 1024L);
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Hands out at most {@code step} bytes per read, as a network stream does. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int step;
        private int at;

        Trickle(byte[] bytes, int step) {
            this.bytes = bytes;
            this.step = step;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
