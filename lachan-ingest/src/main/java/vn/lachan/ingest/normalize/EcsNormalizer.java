package vn.lachan.ingest.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Adds ECS fields ({@code @timestamp}, {@code host.name}, {@code event.code}, {@code process.*}, …) to
 * Windows events in the three layouts that {@code lachan hunt} reads: flat NXLog/OTRF, evtx_dump
 * {@code Event.System/EventData} and Winlogbeat {@code winlog.*}.
 *
 * <p>The mapping is data: a YAML table (the bundled {@code ecs-windows.yml} or a file). The original
 * fields are kept under their own names; an ECS field the event already holds is left as it is; an
 * event of no known layout passes through unchanged. Instances are immutable and thread-safe.
 */
public final class EcsNormalizer {
    private static final String BUNDLED = "ecs-windows.yml";

    private final MappingTable table;
    private final Map<MappingTable.Layout, List<Target>> targets = new IdentityHashMap<>();

    /**
     * One ECS field of a layout with its candidate paths compiled, the data paths with the layout's prefix:
     * built once, not per event.
     */
    private record Target(String ecs, Paths.Dotted self, List<Paths.Dotted> candidates, Values.Type type) {}

    private EcsNormalizer(MappingTable table) {
        this.table = table;
        for (MappingTable.Layout layout : table.layouts()) {
            List<Target> list = new ArrayList<>();
            layout.system().forEach((ecs, paths) -> list.add(target(ecs, paths, "")));
            table.data().forEach((ecs, names) -> list.add(target(ecs, names, layout.data())));
            targets.put(layout, List.copyOf(list));
        }
    }

    private Target target(String ecs, List<String> paths, String prefix) {
        List<Paths.Dotted> candidates = paths.stream()
                .map(path -> Paths.compile(prefix.isEmpty() ? path : prefix + "." + path))
                .toList();
        return new Target(ecs, Paths.compile(ecs), candidates, table.type(ecs));
    }

    /** Returns the normalizer with the mapping bundled with Lachan. */
    public static EcsNormalizer bundled() {
        try (InputStream in =
                Objects.requireNonNull(EcsNormalizer.class.getResourceAsStream(BUNDLED), "bundled " + BUNDLED)) {
            return new EcsNormalizer(MappingTable.read(in, BUNDLED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a normalizer with the mapping in {@code file}.
     *
     * @throws IllegalArgumentException when the file is not a valid mapping, naming what is wrong
     * @throws UncheckedIOException when the file cannot be read
     */
    public static EcsNormalizer of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new EcsNormalizer(MappingTable.read(in, file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the value at a dotted path such as {@code host.name}, written as a dotted key or as nested
     * objects (an element's {@code #text} unwrapped), or null when absent.
     */
    public static @Nullable Object valueAt(Map<String, @Nullable Object> fields, String path) {
        return Paths.get(fields, path);
    }

    /** Returns {@code time} as {@code @timestamp} holds it: exactly {@link Instant#toString()}, written faster. */
    public static String timestamp(Instant time) {
        return InstantText.of(time);
    }

    /**
     * Returns the event's fields with the ECS fields added, its time and its layout. The fields are a
     * copy: {@code fields} is left as it is (it may be immutable).
     */
    public Normalized normalize(Map<String, @Nullable Object> fields) {
        MappingTable.Layout layout = table.layoutOf(fields);
        if (layout == null) {
            return new Normalized(fields, Values.time(Paths.get(fields, "@timestamp")), null);
        }
        List<Target> list = targets.getOrDefault(layout, List.of());
        // sized for every field it may get: the copy grew its table once more for the ECS fields
        Map<String, @Nullable Object> out = LinkedHashMap.newLinkedHashMap(fields.size() + list.size());
        out.putAll(fields);
        return add(out, found(fields, list), list, layout);
    }

    /**
     * Returns what {@link #normalize} returns, with the ECS fields put into {@code fields} itself instead
     * of a copy: for a mutable map its caller owns and hands over, such as a record just parsed. Every ECS
     * value is read from the event as it came, before any is put, exactly as {@link #normalize} reads them.
     */
    public Normalized normalizeInPlace(Map<String, @Nullable Object> fields) {
        MappingTable.Layout layout = table.layoutOf(fields);
        if (layout == null) {
            return new Normalized(fields, Values.time(Paths.get(fields, "@timestamp")), null);
        }
        List<Target> list = targets.getOrDefault(layout, List.of());
        return add(fields, found(fields, list), list, layout);
    }

    private static Normalized add(
            Map<String, @Nullable Object> out,
            @Nullable Object[] found,
            List<Target> list,
            MappingTable.Layout layout) {
        for (int i = 0; i < found.length; i++) {
            Object value = found[i];
            if (value != null) {
                out.put(list.get(i).ecs(), value);
            }
        }
        Object time = out.get("@timestamp");
        Instant instant = time instanceof String s ? Values.time(s) : null;
        return new Normalized(out, instant, layout.name());
    }

    /** Returns each target's converted value in {@code fields}, null where it has none or keeps its own. */
    private static @Nullable Object[] found(Map<String, @Nullable Object> fields, List<Target> list) {
        @Nullable Object[] found = new Object[list.size()];
        for (int i = 0; i < found.length; i++) {
            found[i] = value(fields, list.get(i));
        }
        return found;
    }

    private static @Nullable Object value(Map<String, @Nullable Object> fields, Target target) {
        if (!target.ecs().equals("@timestamp") && Paths.get(fields, target.self()) != null) {
            return null;
        }
        for (Paths.Dotted path : target.candidates()) {
            Object value = Paths.get(fields, path);
            Object converted = value == null ? null : Values.convert(target.type(), value);
            if (converted != null) {
                return converted;
            }
        }
        return null;
    }

    /**
     * Holds a normalized event.
     *
     * @param fields the original fields with the ECS fields added
     * @param time the event time from {@code @timestamp}, or null when the event has no usable time
     * @param layout the layout recognized ({@code flat}, {@code evtx_dump}, {@code winlogbeat}), or null
     *     when none was and the event passed through unchanged
     */
    public record Normalized(
            Map<String, @Nullable Object> fields,
            @Nullable Instant time,
            @Nullable String layout) {
        // Explicit canonical constructor: see SourcedEvent on type-use annotations of generic parameters.
        public Normalized(Map<String, @Nullable Object> fields, @Nullable Instant time, @Nullable String layout) {
            this.fields = Objects.requireNonNull(fields, "fields");
            this.time = time;
            this.layout = layout;
        }
    }
}
