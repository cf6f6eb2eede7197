package vn.lachan.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.ingest.file.EventFiles;
import vn.lachan.testkit.Corpus;

/**
 * The normalizer with its paths compiled once gives every real event the fields, in the same order, the
 * time and the layout that the plain reading of the mapping gives: walking each path by cutting it at its
 * dots, on every event. So does the normalizer that puts the ECS fields into the event's own map.
 */
class NormalizerReferenceTest {
    private final EcsNormalizer normalizer = EcsNormalizer.bundled();
    private final MappingTable table = bundledTable();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "otrf/windows/execution/host/psh_python_webserver.zip",
                "sigma/regression_data/rules/windows/process_creation",
                "sigma/regression_data/rules/windows/builtin"
            })
    void givesWhatThePlainReadingGives(String corpus) {
        List<SourcedEvent> events = read(Corpus.require(corpus));
        assertThat(events).isNotEmpty();
        int mapped = 0;
        for (SourcedEvent event : events) {
            EcsNormalizer.Normalized fast = normalizer.normalize(event.fields());
            EcsNormalizer.Normalized plain = reference(event.fields());
            assertThat(new ArrayList<>(fast.fields().entrySet()))
                    .isEqualTo(new ArrayList<>(plain.fields().entrySet()));
            assertThat(fast.time()).isEqualTo(plain.time());
            assertThat(fast.layout()).isEqualTo(plain.layout());
            // in place, on a map of the event's own (as the JSON parser hands over): the same, into that map
            Map<String, @Nullable Object> own = new LinkedHashMap<>(event.fields());
            EcsNormalizer.Normalized inPlace = normalizer.normalizeInPlace(own);
            assertThat(inPlace.fields()).isSameAs(own);
            assertThat(new ArrayList<>(own.entrySet()))
                    .isEqualTo(new ArrayList<>(plain.fields().entrySet()));
            assertThat(inPlace.time()).isEqualTo(plain.time());
            assertThat(inPlace.layout()).isEqualTo(plain.layout());
            mapped += fast.layout() == null ? 0 : 1;
        }
        assertThat(mapped).isPositive();
    }

    private EcsNormalizer.Normalized reference(Map<String, @Nullable Object> fields) {
        MappingTable.Layout layout = null;
        for (MappingTable.Layout candidate : table.layouts()) {
            if (value(fields, candidate.when()) != null) {
                layout = candidate;
                break;
            }
        }
        if (layout == null) {
            return new EcsNormalizer.Normalized(fields, Values.time(value(fields, "@timestamp")), null);
        }
        Map<String, @Nullable Object> out = new LinkedHashMap<>(fields);
        layout.system().forEach((ecs, paths) -> put(out, fields, ecs, paths, ""));
        String prefix = layout.data();
        table.data().forEach((ecs, names) -> put(out, fields, ecs, names, prefix));
        Object time = out.get("@timestamp");
        return new EcsNormalizer.Normalized(out, time instanceof String s ? Values.time(s) : null, layout.name());
    }

    private void put(
            Map<String, @Nullable Object> out,
            Map<String, @Nullable Object> fields,
            String ecs,
            List<String> paths,
            String prefix) {
        if (!ecs.equals("@timestamp") && value(fields, ecs) != null) {
            return;
        }
        for (String path : paths) {
            Object found = value(fields, prefix.isEmpty() ? path : prefix + "." + path);
            Object converted = found == null ? null : Values.convert(table.type(ecs), found);
            if (converted != null) {
                out.put(ecs, converted);
                return;
            }
        }
    }

    private static @Nullable Object value(Map<?, ?> fields, String path) {
        Object found = walk(fields, path);
        return found instanceof Map<?, ?> element && element.containsKey("#text") ? element.get("#text") : found;
    }

    private static @Nullable Object walk(Map<?, ?> map, String path) {
        if (map.containsKey(path)) {
            return map.get(path);
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (map.get(path.substring(0, dot)) instanceof Map<?, ?> nested) {
                Object found = walk(nested, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static MappingTable bundledTable() {
        try (InputStream in = Objects.requireNonNull(EcsNormalizer.class.getResourceAsStream("ecs-windows.yml"))) {
            return MappingTable.read(in, "ecs-windows.yml");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<SourcedEvent> read(Path path) {
        List<Problem> problems = new ArrayList<>();
        List<SourcedEvent> events = new ArrayList<>();
        new EventFiles(problems::add).readAll(List.of(path), events::add);
        assertThat(problems).isEmpty();
        return events;
    }
}
