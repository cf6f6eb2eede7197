package vn.lachan.security.password;

/**
 * Holds the Argon2id cost parameters.
 *
 * @param memoryKib memory per hash in KiB (OWASP minimum 19456, i.e. 19 MiB)
 * @param iterations passes over the memory (at least 1)
 * @param parallelism lanes (at least 1)
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {

    /**
     * The platform's parameters: 64 MiB, 3 passes, 1 lane, well above OWASP's minimum (19 MiB, 2
     * passes, 1 lane).
     *
     * <p>Measured once on the development machine (2 cores, Temurin 25, Bouncy Castle 1.87, other
     * builds running, load average 3.5–4): 362, 434 and 495 ms per hash over three runs of five,
     * inside the 0.3–0.5 s target that keeps a sign-in bearable and an offline guess expensive. For
     * comparison, OWASP's minimum (19 MiB, 2 passes) took 114 ms and 46 MiB with 3 passes 231 ms.
     */
    public static final Argon2Settings RECOMMENDED = new Argon2Settings(65536, 3, 1);

    public Argon2Settings {
        if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
            throw new IllegalArgumentException("Argon2 memory out of range (KiB): " + memoryKib);
        }
        if (iterations < 1 || iterations > 100) {
            throw new IllegalArgumentException("Argon2 iterations out of range: " + iterations);
        }
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Argon2 parallelism out of range: " + parallelism);
        }
    }
}
