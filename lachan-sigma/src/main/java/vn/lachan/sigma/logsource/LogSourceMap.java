package vn.lachan.sigma.logsource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.rule.LogSource;

/**
 * Holds the log-source map: event layouts, log-source entries and timestamp fields, read from a
 * YAML file (the bundled {@code logsources.yml} or one given by the operator). Immutable and safe
 * to share between threads.
 */
public final class LogSourceMap {
    private static final String BUNDLED = "logsources.yml";

    private final String source;
    private final List<Layout> layouts;
    private final List<LogSourceEntry> entries;
    private final List<TimestampField> timestamps;
    private final List<Problem> problems;

    LogSourceMap(
            String source,
            List<Layout> layouts,
            List<LogSourceEntry> entries,
            List<TimestampField> timestamps,
            List<Problem> problems) {
        this.source = source;
        this.layouts = List.copyOf(layouts);
        this.entries = List.copyOf(entries);
        this.timestamps = List.copyOf(timestamps);
        this.problems = List.copyOf(problems);
    }

    /** Returns the map shipped with Lachan. */
    public static LogSourceMap bundled() {
        try (InputStream in = LogSourceMap.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled log-source map " + BUNDLED + " is missing");
            }
            LogSourceMap map = read("bundled:" + BUNDLED, new InputStreamReader(in, StandardCharsets.UTF_8));
            if (!map.problems.isEmpty()) {
                throw new IllegalStateException("the bundled log-source map is invalid: " + map.problems);
            }
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled log-source map", e);
        }
    }

    /**
     * Reads a map file; a bad entry is left out and reported in {@link #problems()} with its line,
     * a file that cannot be read or parsed gives an empty map with one problem.
     */
    public static LogSourceMap load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(file.toString(), reader);
        } catch (IOException e) {
            return new LogSourceMap(
                    file.toString(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(new Problem(file.toString(), "", "cannot read the log-source map: " + e.getMessage())));
        }
    }

    /** Returns a map parsed from YAML text; {@code source} names it in problems. */
    public static LogSourceMap parse(String source, String yaml) {
        return read(source, new java.io.StringReader(yaml));
    }

    private static LogSourceMap read(String source, Reader reader) {
        return new MappingReader(source).read(reader);
    }

    /**
     * Returns whether a rule asking for {@code wanted} applies to events providing {@code provided}:
     * each of the rule's category, product and service equals the provided one where the rule gives
     * it (compared ignoring case).
     */
    public static boolean covers(LogSource provided, LogSource wanted) {
        return sameWhereGiven(provided.category(), wanted.category())
                && sameWhereGiven(provided.product(), wanted.product())
                && sameWhereGiven(provided.service(), wanted.service());
    }

    private static boolean sameWhereGiven(@Nullable String provided, @Nullable String wanted) {
        return wanted == null || (provided != null && provided.equalsIgnoreCase(wanted));
    }

    /** Returns the entries whose log source satisfies {@code wanted}. */
    public List<LogSourceEntry> providing(LogSource wanted) {
        List<LogSourceEntry> out = new ArrayList<>();
        for (LogSourceEntry entry : entries) {
            if (entry.satisfies(wanted)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** Returns where the map was read from. */
    public String source() {
        return source;
    }

    /** Returns the layouts in the order they are tried; the last is normally the fallback. */
    public List<Layout> layouts() {
        return layouts;
    }

    /** Returns the log-source entries in file order. */
    public List<LogSourceEntry> entries() {
        return entries;
    }

    /** Returns the timestamp fields in priority order. */
    public List<TimestampField> timestamps() {
        return timestamps;
    }

    /** Returns the problems found in the map file (bad entries were left out). */
    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        return "LogSourceMap[" + source + ", " + layouts.size() + " layouts, " + entries.size() + " entries]";
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof LogSourceMap that
                && source.equals(that.source)
                && layouts.equals(that.layouts)
                && entries.equals(that.entries)
                && timestamps.equals(that.timestamps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, layouts, entries, timestamps);
    }
}
