package vn.lachan.app.hunt;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import vn.lachan.sigma.Alert;
import vn.lachan.sigma.EventRef;
import vn.lachan.sigma.rule.RuleInfo;

/** Writes alerts to standard output in the chosen format; called from one thread at a time. */
sealed interface AlertWriter extends AutoCloseable {

    /** Writes one alert. */
    void write(Alert alert);

    /** Flushes what is buffered; the stream itself stays open. */
    @Override
    void close();

    /** Returns a writer of {@code format} onto {@code out}. */
    static AlertWriter of(HuntOptions.OutputFormat format, PrintStream out) {
        return switch (format) {
            case JSONL -> new JsonLines(out);
            case TABLE -> new Table(out);
        };
    }

    /** Writes one JSON object per alert and line. */
    final class JsonLines implements AlertWriter {
        private static final JsonFactory FACTORY = JsonFactory.builder()
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .rootValueSeparator((String) null)
                .build();
        private final JsonGenerator json;

        JsonLines(OutputStream out) {
            this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8);
        }

        @Override
        public void write(Alert alert) {
            json.writeStartObject();
            json.writeStringProperty("kind", alert.kind().name().toLowerCase(Locale.ROOT));
            writeRule(alert.rule());
            json.writeStringProperty("@timestamp", text(alert.time()));
            if (alert.kind() == Alert.Kind.DETECTION && !alert.events().isEmpty()) {
                json.writeName("event");
                writeRef(alert.events().getFirst());
            } else {
                writeCorrelation(alert);
            }
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush(); // someone may be watching a long hunt: show each detection at once
        }

        private void writeRule(RuleInfo rule) {
            json.writeObjectPropertyStart("rule");
            json.writeStringProperty("id", rule.id());
            json.writeStringProperty("title", rule.title());
            json.writeStringProperty(
                    "level", rule.level() == null ? null : rule.level().keyword());
            json.writeArrayPropertyStart("tags");
            rule.tags().forEach(json::writeString);
            json.writeEndArray();
            json.writeStringProperty("file", rule.origin().file());
            json.writeEndObject();
        }

        private void writeCorrelation(Alert alert) {
            json.writeObjectPropertyStart("group_by");
            for (Map.Entry<String, String> entry : alert.groupBy().entrySet()) {
                json.writeStringProperty(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            if (alert.value() != null) {
                json.writeNumberProperty("value", alert.value());
            }
            json.writeStringProperty("window_start", text(alert.windowStart()));
            json.writeNumberProperty("total_events", alert.totalEvents());
            json.writeArrayPropertyStart("events");
            alert.events().forEach(this::writeRef);
            json.writeEndArray();
        }

        private void writeRef(EventRef ref) {
            json.writeStartObject();
            json.writeStringProperty("source", ref.source());
            json.writeNumberProperty("index", ref.index());
            json.writeStringProperty("@timestamp", text(ref.time()));
            json.writeEndObject();
        }

        @Override
        public void close() {
            json.close();
        }
    }

    /** Writes aligned columns: time, level, rule, where. */
    final class Table implements AlertWriter {
        private static final String ROW = "%-24s  %-13s  %-60s  %s%n";
        private final PrintStream out;
        private boolean headed;

        Table(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(Alert alert) {
            if (!headed) {
                out.printf(Locale.ROOT, ROW, "TIME", "LEVEL", "RULE", "EVENT");
                headed = true;
            }
            RuleInfo rule = alert.rule();
            String level = rule.level() == null ? "-" : rule.level().keyword();
            String where = alert.events().isEmpty()
                    ? "-"
                    : alert.events().getFirst().source() + " #"
                            + alert.events().getFirst().index();
            if (alert.kind() == Alert.Kind.CORRELATION) {
                where = alert.totalEvents() + " events " + alert.groupBy() + ", first " + where;
            }
            String time = alert.time() == null ? "-" : alert.time().toString();
            out.printf(Locale.ROOT, ROW, time, level, cut(rule.title(), 60), where);
        }

        private static String cut(String text, int width) {
            return text.length() <= width ? text : text.substring(0, width - 1) + "…";
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static @Nullable String text(@Nullable Instant time) {
        return time == null ? null : time.toString();
    }
}
