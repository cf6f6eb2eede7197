package vn.lachan.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.ingest.normalize.EcsNormalizer;
import vn.lachan.sigma.EngineOptions;
import vn.lachan.sigma.SigmaEngine;
import vn.lachan.sigma.logsource.LogSourceMap;
import vn.lachan.testkit.Corpus;

/**
 * A JSON record's fields come in the record's own order, the ECS fields after them, and hold exactly
 * what the hash-ordered reading with the normalizer's copy held: the same fields and values, and the same
 * alerts from every SigmaHQ Windows rule, on real OTRF events.
 */
class JsonFieldOrderTest {
    private static final RecordParser PARSER = new RecordParser(ParserConfig.defaults());
    private static final EcsNormalizer NORMALIZER = EcsNormalizer.bundled();
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static SigmaEngine engine;

    @BeforeAll
    static void load() {
        engine = SigmaEngine.load(
                List.of(Corpus.require("sigma/rules/windows")), LogSourceMap.bundled(), EngineOptions.defaults());
        assertThat(engine.rulesLoaded()).isGreaterThan(1000);
    }

    @AfterAll
    static void close() {
        PARSER.close();
    }

    @Test
    void fieldsKeepTheRecordsOrderAndDetectionIsUnchanged() throws IOException {
        long events = 0;
        long alerts = 0;
        long reordered = 0;
        for (String line : otrfLines(40, 400)) {
            ParsedRecord parsed = PARSER.parse(Records.of("json", line));
            assertThat(parsed.outcome()).as(line).isEqualTo(ParsedRecord.Outcome.PARSED);
            Map<String, @Nullable Object> hashed = hashOrdered(line);
            List<String> own = List.copyOf(hashed.keySet());
            List<String> given = topLevelNames(line);
            reordered += own.equals(given) ? 0 : 1;
            EcsNormalizer.Normalized reference = NORMALIZER.normalize(hashed);
            if (reference.time() != null) {
                reference.fields().put("@timestamp", EcsNormalizer.timestamp(reference.time()));
            }
            assertThat(parsed.fields()).as(line).isEqualTo(reference.fields());
            assertThat(List.copyOf(parsed.fields().keySet()).subList(0, given.size()))
                    .as(line)
                    .isEqualTo(given);
            List<String> now = fired(parsed.fields());
            assertThat(now).as(line).isEqualTo(fired(reference.fields()));
            alerts += now.size();
            events++;
        }
        assertThat(events).isGreaterThan(5000);
        assertThat(reordered)
                .as("events whose hash order differs from their own")
                .isPositive();
        assertThat(alerts).as("alerts on the events read").isPositive();
    }

    private static List<String> fired(Map<String, @Nullable Object> fields) {
        List<String> ids = new ArrayList<>();
        engine.process(
                new SourcedEvent("otrf", 0, fields),
                alert -> ids.add(alert.rule().id()));
        return ids;
    }

    /** Reads the record the way the JSON parser did before: every object a {@link HashMap}. */
    private static Map<String, @Nullable Object> hashOrdered(String line) throws IOException {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), line)) {
            parser.nextToken();
            return object(parser);
        }
    }

    private static Map<String, @Nullable Object> object(JsonParser parser) {
        Map<String, @Nullable Object> map = new HashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            map.put(name, value(parser, parser.nextToken()));
        }
        return map;
    }

    private static @Nullable Object value(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT ->
                parser.getNumberValue() instanceof java.math.BigInteger big ? big : parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_OBJECT -> object(parser);
            case START_ARRAY -> {
                List<@Nullable Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(value(parser, t));
                }
                yield list;
            }
            default -> null;
        };
    }

    /** Returns the top-level names of the record in the order it writes them. */
    private static List<String> topLevelNames(String line) throws IOException {
        List<String> names = new ArrayList<>();
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), line)) {
            parser.nextToken();
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                names.add(name);
                parser.nextToken();
                parser.skipChildren();
            }
        }
        return names;
    }

    private static List<String> otrfLines(int zips, int perZip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.require("otrf/windows"))) {
            files = walk.filter(f -> f.toString().endsWith(".zip"))
                    .sorted()
                    .limit(zips)
                    .toList();
        }
        List<String> out = new ArrayList<>();
        for (Path zip : files) {
            out.addAll(Records.otrfLines(zip, perZip));
        }
        return out;
    }
}
