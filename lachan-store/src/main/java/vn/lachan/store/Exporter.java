package vn.lachan.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.problem.Problem;
import vn.lachan.core.store.ExportFormat;
import vn.lachan.core.store.ExportSummary;
import vn.lachan.core.store.SearchRequest;
import vn.lachan.core.store.SearchResult;
import vn.lachan.core.store.StoredEvent;

/** Writes every hit of a search to a stream page by page, as NDJSON or CSV. */
final class Exporter {
    private static final int PAGE = 1000;

    private final Search search;
    private final int pageSize;

    Exporter(Search search, int maxPageSize) {
        this.search = search;
        this.pageSize = Math.min(PAGE, maxPageSize);
    }

    ExportSummary export(SearchRequest request, ExportFormat format, OutputStream out) {
        SearchRequest page = new SearchRequest(
                request.query(),
                request.from(),
                request.to(),
                request.order(),
                pageSize,
                null,
                List.of(),
                request.organizations());
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        List<Problem> warnings = new ArrayList<>();
        long count = 0;
        try {
            if (format instanceof ExportFormat.Csv csv) {
                writeRow(writer, csv.columns());
            }
            while (true) {
                SearchResult result = search.run(page, false);
                if (!result.errors().isEmpty()) {
                    writer.flush();
                    return new ExportSummary(count, result.errors(), result.warnings());
                }
                if (count == 0) {
                    warnings.addAll(result.warnings());
                }
                for (StoredEvent e : result.hits()) {
                    write(writer, format, e);
                    count++;
                }
                if (result.nextCursor() == null) {
                    break;
                }
                page = page.after(result.nextCursor());
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
        return new ExportSummary(count, List.of(), warnings);
    }

    private static void write(Writer writer, ExportFormat format, StoredEvent e) throws IOException {
        switch (format) {
            case ExportFormat.Ndjson n -> {
                String raw = e.raw();
                writer.write(
                        raw.isEmpty() || raw.indexOf('\n') >= 0 || raw.indexOf('\r') >= 0
                                ? Json.write(e.fields())
                                : raw);
                writer.write('\n');
            }
            case ExportFormat.Csv csv -> {
                List<String> row = new ArrayList<>(csv.columns().size());
                for (String column : csv.columns()) {
                    row.add(column(e, column));
                }
                writeRow(writer, row);
            }
        }
    }

    static String column(StoredEvent e, String column) {
        if (column.equals("_id")) {
            return e.id().toString();
        }
        if (column.equals(EventDocuments.TIME)) {
            return e.time().toString();
        }
        Object value = lookup(e.fields(), column);
        return switch (value) {
            case null -> "";
            case String s -> s;
            case Map<?, ?> m -> Json.write(m);
            case List<?> l -> Json.write(l);
            default -> String.valueOf(value);
        };
    }

    /** Finds a dotted field as a flat key or by walking nested objects. */
    static @Nullable Object lookup(Map<String, @Nullable Object> fields, String path) {
        if (fields.containsKey(path)) {
            return fields.get(path);
        }
        int dot = path.indexOf('.');
        while (dot > 0) {
            if (fields.get(path.substring(0, dot)) instanceof Map<?, ?> nested) {
                Object found = lookup(Json.map(nested), path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
            dot = path.indexOf('.', dot + 1);
        }
        return null;
    }

    private static void writeRow(Writer writer, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(',');
            }
            writer.write(quote(cells.get(i)));
        }
        writer.write("\r\n");
    }

    static String quote(String cell) {
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
