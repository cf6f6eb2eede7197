package vn.lachan.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.EventId;
import vn.lachan.core.store.StoredEvent;
import vn.lachan.ingest.file.EventFiles;

/** Reads OTRF Windows events and maps their fields to the ECS names that the store types. */
final class OtrfEvents {
    private static final Map<String, String> ECS = Map.of(
            "Hostname", "host.name",
            "EventID", "event.code",
            "CommandLine", "process.command_line",
            "Message", "message",
            "SourceName", "event.provider",
            "TargetUserName", "user.name");

    /** Counts what was read, and events without a usable time (left out, never silently). */
    long raw;

    long skipped;
    final List<Problem> problems = new ArrayList<>();
    private final Random random = new Random(17);

    /** Reads the files and gives each mapped event to {@code sink}; returns how many were read. */
    long read(List<Path> files, Consumer<StoredEvent> sink) {
        EventFiles reader = new EventFiles(problems::add);
        return reader.readAll(files, e -> {
                    StoredEvent mapped = map(e);
                    if (mapped == null) {
                        skipped++;
                    } else {
                        sink.accept(mapped);
                    }
                })
                .events();
    }

    @Nullable
    StoredEvent map(SourcedEvent event) {
        Map<String, @Nullable Object> source = event.fields();
        String text = Json.write(source);
        raw += text.length() + 1;
        Instant time = time(source.get("@timestamp"));
        if (time == null) {
            return null;
        }
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            String ecs = ECS.get(k);
            fields.put(
                    ecs == null ? k : ecs, ecs != null && v != null && !(v instanceof String) ? String.valueOf(v) : v);
        });
        fields.put("@timestamp", time.toString());
        return new StoredEvent(EventId.next(time, random), time, "otrf", "windows", fields, text);
    }

    private static @Nullable Instant time(@Nullable Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
