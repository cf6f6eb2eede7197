package vn.lachan.app.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the platform until it is told to stop (Ctrl-C, SIGTERM): {@code lachan serve}. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the platform: syslog and HTTP inputs, durable journal, detection on every event, event and"
                    + " alert storage, the HTTP API.",
            "Binds loopback only unless configured otherwise. Stops cleanly on Ctrl-C or SIGTERM."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "2:bad configuration, or an address or data folder in use"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The configuration file (see config/lachan.yml).")
    @Nullable
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "The data folder (overrides the file's data).")
    @Nullable
    Path data;

    @Option(
            names = "--http",
            paramLabel = "HOST:PORT",
            description = "Where the HTTP API listens (default 127.0.0.1:8080).")
    @Nullable
    String http;

    @Option(
            names = "--syslog",
            paramLabel = "HOST:PORT",
            description = "Where syslog listens, TCP and UDP (default 127.0.0.1:1514).")
    @Nullable
    String syslog;

    @Option(
            names = "--rules",
            paramLabel = "DIR",
            description = "A Sigma rule file or folder; repeatable (overrides the file's rules.folders).")
    List<Path> rules = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    /** Creates the command writing to the given streams. */
    public ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        ServeConfig settings;
        try {
            settings = ConfigReader.read(config, new ConfigReader.Overrides(data, http, syslog, rules));
        } catch (ConfigReader.ConfigException e) {
            err.println("lachan serve: " + e.getMessage());
            return 2;
        }
        Platform platform;
        try {
            platform = Platform.start(settings);
        } catch (RuntimeException e) {
            err.println("lachan serve: cannot start: " + e.getMessage());
            return 2;
        }
        Banner.print(out, platform);
        out.flush();
        awaitStop(platform);
        return 0;
    }

    /** Blocks until the JVM is asked to stop, then closes the platform before the JVM exits. */
    static void awaitStop(Platform platform) {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().name("lachan-shutdown").unstarted(() -> {
            platform.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
