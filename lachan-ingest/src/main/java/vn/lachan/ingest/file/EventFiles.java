package vn.lachan.ingest.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;

/**
 * Reads events from files and folders: JSON lines, JSON arrays of objects, single or concatenated
 * JSON documents, any of those gzip-compressed ({@code .gz}), zip archives (each member by its own
 * name) and EVTX.
 *
 * <p>Folders are read recursively, entries sorted by name; entries that are not event files are
 * counted as skipped. A file named directly is read whatever its extension, its format told by its
 * content. Each event carries its source (the path as given or found, {@code archive.zip!/member}
 * for archive members) and its index among the events of that source, from 0. A malformed event
 * becomes a {@link Problem} with its line, is counted, and reading goes on; a path that cannot be
 * read at all is an {@link UncheckedIOException} naming it.
 *
 * <p>One instance counts one run. Reading different files from several threads at once is safe when
 * the problem consumer is thread-safe; {@link #counts()} then adds up all of them.
 */
public final class EventFiles {
    private static final int STREAM_BUFFER = 1 << 16;

    private final JsonFactory factory =
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    private final EventOutput.Tally tally = new EventOutput.Tally();
    private final Consumer<Problem> problems;
    private final boolean keepText;

    /**
     * Creates a reader for one run that reports problems in the input to {@code problems} and gives no
     * event its original text ({@link SourcedEvent#raw()} is null): what a hunt, which needs only the
     * fields, should use.
     */
    public EventFiles(Consumer<Problem> problems) {
        this(problems, false);
    }

    private EventFiles(Consumer<Problem> problems, boolean keepText) {
        this.problems = Objects.requireNonNull(problems, "problems");
        this.keepText = keepText;
    }

    /**
     * Creates a reader for one run, as {@link #EventFiles(Consumer)}, that also gives each event read from
     * text its original text as {@link SourcedEvent#raw()}: a JSON line exactly as read, without its line
     * break (LF or CRLF) and, on the first line, without a byte order mark; an object of a JSON document
     * or array as the exact span of the file from its '{' to its '}'. EVTX records have no text: their
     * raw is null, and whoever stores them keeps a JSON rendering of the fields instead.
     *
     * <p>The text is decoded as UTF-8. The JSON parser rejects an event holding bytes that are not UTF-8
     * (reported as a problem, as without this option); the few malformed forms it lets through (an
     * overlong encoding such as {@code C0 AF}, a four-byte form beyond U+10FFFF) read as U+FFFD in the raw.
     */
    public static EventFiles keepingText(Consumer<Problem> problems) {
        return new EventFiles(problems, true);
    }

    /**
     * Returns the event files that {@code paths} name, folders expanded, in reading order.
     *
     * @throws UncheckedIOException when a path does not exist or cannot be read, naming it
     */
    public List<Path> list(List<Path> paths) {
        return new InputWalker(new EventOutput(e -> {}, problems, tally, keepText)).expand(paths);
    }

    /**
     * Reads one file (as returned by {@link #list}) and gives its events to {@code events}, in order,
     * on the calling thread.
     *
     * @throws UncheckedIOException when the file cannot be opened
     */
    public void read(Path file, Consumer<SourcedEvent> events) {
        read(file, new EventOutput(events, problems, tally, keepText));
    }

    /** Lists {@code paths} and reads every file in order on the calling thread; returns the counts so far. */
    public ReadCounts readAll(List<Path> paths, Consumer<SourcedEvent> events) {
        EventOutput out = new EventOutput(events, problems, tally, keepText);
        for (Path file : list(paths)) {
            read(file, out);
        }
        return counts();
    }

    /**
     * Lists {@code paths}, then parses on a background thread up to {@code batches} batches ahead while
     * the calling thread receives the events and problems, in reading order.
     *
     * @throws UncheckedIOException when a path cannot be read (before any event is delivered for a
     *     missing path, which the listing finds)
     */
    public ReadCounts readAhead(List<Path> paths, int batches, Consumer<SourcedEvent> events) {
        List<Path> files = list(paths);
        ReadAhead ahead = new ReadAhead(batches);
        ahead.run(
                sink -> files.forEach(file -> read(file, new EventOutput(sink::event, sink::problem, tally, keepText))),
                events,
                problems);
        return counts();
    }

    /** Returns what was read so far by this instance. */
    public ReadCounts counts() {
        return tally.snapshot();
    }

    private void read(Path file, EventOutput out) {
        out.file();
        String name = String.valueOf(file.getFileName());
        Format format = Objects.requireNonNullElse(Format.byName(name), Format.SNIFF);
        String source = file.toString();
        try (InputStream in = open(file)) {
            new ContentReader(factory, out).read(source, name, format, in, file);
        } catch (IOException e) {
            out.parseError(
                    source,
                    "",
                    "the content is corrupt or cut short, the rest of this file is not read: " + e.getMessage());
        }
    }

    private static InputStream open(Path file) {
        try {
            return new java.io.BufferedInputStream(Files.newInputStream(file), STREAM_BUFFER);
        } catch (IOException e) {
            throw InputWalker.unreadable(file, "it cannot be opened (" + e.getMessage() + ")");
        }
    }
}
