package vn.lachan.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code lachan serve} in a JVM of its own on a fresh data folder, with ports chosen by the system,
 * its output in {@code server.log} and its GC log in {@code gc.log} beside the data; stops it with
 * SIGTERM (the platform drains), killing it when it does not stop in time.
 *
 * <p>Public for the other harnesses that need a real server of their own (the authorization harness). Not
 * thread-safe except {@link #rssKib}, which any thread may call.
 */
public final class ServerProcess implements AutoCloseable {
    /**
     * Where and how to start the server.
     *
     * @param java the {@code java} executable
     * @param classpath the server's class path
     * @param jvmOptions more JVM options for the server
     * @param folder the fresh folder for its data, configuration and logs
     * @param rules Sigma rule files or folders
     * @param journalBudget the journal's disk budget, e.g. {@code 8GiB}
     * @param moreConfig YAML appended to the server's configuration file (other sections than {@code journal})
     */
    public record Launch(
            String java,
            String classpath,
            List<String> jvmOptions,
            Path folder,
            List<Path> rules,
            String journalBudget,
            String moreConfig) {
        /** Describes a launch with the product's defaults beyond the journal budget. */
        public Launch(
                String java, String classpath, List<String> jvmOptions, Path folder, List<Path> rules, String budget) {
            this(java, classpath, jvmOptions, folder, rules, budget, "");
        }
    }

    private static final Pattern HTTP = Pattern.compile("HTTP API\\s+http://([^/\\s]+)/api/v1/");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);
    private static final int SIGTERM_EXIT = 143;

    private final Process process;
    private final Path log;
    private final Path gcLog;
    private final String baseUrl;
    private final String token;
    private final Thread killer;

    private ServerProcess(Process process, Path log, Path gcLog, String baseUrl, String token, Thread killer) {
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
        this.baseUrl = baseUrl;
        this.token = token;
        this.killer = killer;
    }

    /** Starts the server and waits until it prints where it listens; fails with its log when it does not. */
    public static ServerProcess start(Launch launch) {
        try {
            Path data = launch.folder().resolve("data");
            Path config = launch.folder().resolve("lachan.yml");
            Files.createDirectories(launch.folder());
            Files.writeString(config, configText(launch.journalBudget()) + launch.moreConfig(), StandardCharsets.UTF_8);
            Path log = launch.folder().resolve("server.log");
            Path gc = launch.folder().resolve("gc.log");
            String token = adminToken(launch, data, log);
            List<String> command = command(launch, config, data, gc);
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Thread killer = new Thread(p::destroyForcibly, "e2e-server-killer");
            Runtime.getRuntime().addShutdownHook(killer);
            String base = awaitBanner(p, log);
            return new ServerProcess(p, log, gc, base, token, killer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server in " + launch.folder(), e);
        }
    }

    static String configText(String journalBudget) {
        return """
                # Written by the end-to-end harness; every other setting keeps its default (config/lachan.yml).
                journal:
                  budget: %s
                  fsync: true
                """.formatted(journalBudget);
    }

    /** Issues an administrator's API token in the fresh data folder, as an operator would before the start. */
    private static String adminToken(Launch launch, Path data, Path log) throws IOException {
        List<String> c = new ArrayList<>(List.of(launch.java(), "-cp", launch.classpath(), "vn.lachan.app.Main"));
        c.addAll(List.of("admin", "create-token", "--data", data.toString(), "--role", "PLATFORM_ADMIN"));
        Process p = new ProcessBuilder(c).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            int exit = p.waitFor();
            List<String> lines = out.lines().toList();
            if (exit != 0 || lines.isEmpty() || !lines.getLast().startsWith("lcn_")) {
                throw new IllegalStateException("lachan admin create-token failed (" + exit + "); see " + log);
            }
            return lines.getLast();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while issuing the token", e);
        }
    }

    private static List<String> command(Launch launch, Path config, Path data, Path gc) {
        List<String> c = new ArrayList<>();
        c.add(launch.java());
        c.add("-Xmx2g");
        // the launcher's collector, unless a --server-opt names another (-XX:+UseG1GC, -XX:+UseZGC)
        if (launch.jvmOptions().stream().noneMatch(o -> o.startsWith("-XX:+Use") && o.endsWith("GC"))) {
            c.add("-XX:+UseParallelGC");
            // the launcher's young generation: half the heap, so that batches in flight die young
            c.add("-XX:NewRatio=1");
        }
        c.add("--enable-native-access=ALL-UNNAMED");
        c.add("--add-modules");
        c.add("jdk.incubator.vector");
        c.add("-Xlog:gc:file=" + gc + ":uptime,level,tags");
        c.addAll(launch.jvmOptions());
        c.addAll(List.of("-cp", launch.classpath(), "vn.lachan.app.Main", "serve"));
        c.addAll(List.of("--config", config.toString(), "--data", data.toString()));
        c.addAll(List.of("--http", "127.0.0.1:0", "--syslog", "127.0.0.1:0"));
        for (Path r : launch.rules()) {
            c.addAll(List.of("--rules", r.toString()));
        }
        return c;
    }

    private static String awaitBanner(Process p, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            Matcher m = HTTP.matcher(text);
            if (m.find()) {
                return "http://" + m.group(1);
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(
                        "the server exited with " + p.exitValue() + " before listening; its output:\n" + text);
            }
            sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the server did not start within " + START_TIMEOUT + "; see " + log);
    }

    /** Returns the server's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Returns the administrator's API token the harness presents. */
    public String token() {
        return token;
    }

    /** Returns the server's process id. */
    public long pid() {
        return process.pid();
    }

    Path gcLog() {
        return gcLog;
    }

    /** Returns the file holding the server's output. */
    public Path log() {
        return log;
    }

    /** Returns the CPU time the server's process has used so far (user and system, all threads); zero once gone. */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Returns the resident set size ({@code VmRSS}) and its peak ({@code VmHWM}) in KiB; zeros once gone. */
    long[] rssKib() {
        try {
            long rss = 0;
            long hwm = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kib(line);
                }
            }
            return new long[] {rss, hwm};
        } catch (IOException | UncheckedIOException e) {
            return new long[] {0, 0};
        }
    }

    private static long kib(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    /** Returns whether an exit code after SIGTERM means a clean stop: 0, or 143 (128 + SIGTERM) after the hooks ran. */
    static boolean stoppedCleanly(int exitCode) {
        return exitCode == 0 || exitCode == SIGTERM_EXIT;
    }

    /** Stops the server with SIGTERM and waits for it; returns its exit code (-1 when it had to be killed). */
    public int stop() {
        process.destroy();
        try {
            if (process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return -1;
    }

    /** Stops the server if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "lachan serve (pid %d) at %s", process.pid(), baseUrl);
    }
}
