package vn.lachan.ingest.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactory;
import vn.lachan.ingest.evtx.EvtxReader;

/** Reads one file's or archive member's content by its format, nesting through gzip and zip. */
final class ContentReader {
    private static final int STREAM_BUFFER = 1 << 16;
    private static final int MAX_EVTX_IN_MEMORY = 1 << 30;

    private final JsonFactory factory;
    private final EventOutput out;

    ContentReader(JsonFactory factory, EventOutput out) {
        this.factory = factory;
        this.out = out;
    }

    /**
     * Reads {@code in} (left open) as {@code format}.
     *
     * @param source the name events and problems carry
     * @param name the file or member name, which tells the format of what a gzip file holds
     * @param file the file on disk when {@code in} is its whole content, else null (an archive member)
     */
    void read(String source, String name, Format format, InputStream in, @Nullable Path file) throws IOException {
        switch (format) {
            case JSON_LINES -> LineEvents.read(in, source, factory, out);
            case JSON_DOCUMENTS -> DocumentEvents.read(in, source, factory, out);
            case SNIFF -> sniffed(source, in);
            case GZIP -> gzip(source, name, in);
            case ZIP -> zip(source, in);
            case EVTX -> evtx(source, in, file);
        }
    }

    private void sniffed(String source, InputStream in) throws IOException {
        Sniffer.Peeked peeked = Sniffer.peek(in);
        Format format = Sniffer.sniff(peeked.head(), peeked.length());
        if (format == null) {
            out.parseError(
                    source,
                    "",
                    "not JSON: the content starts with '"
                            + Sniffer.startOf(peeked.head(), peeked.length())
                            + "' where a JSON object '{' or array '[' was expected");
            return;
        }
        read(source, source, format, peeked.whole(), null);
    }

    private void gzip(String source, String name, InputStream in) throws IOException {
        String inner = Format.insideGzip(name);
        Format format = Format.byName(inner);
        InputStream unzipped = new GZIPInputStream(new Unclosable(in), STREAM_BUFFER);
        read(source, inner, format == null ? Format.SNIFF : format, unzipped, null);
    }

    private void zip(String source, InputStream in) throws IOException {
        ZipInputStream archive = new ZipInputStream(new Unclosable(in));
        for (ZipEntry entry = archive.getNextEntry(); entry != null; entry = archive.getNextEntry()) {
            String member = entry.getName();
            if (entry.isDirectory()) {
                continue;
            }
            Format format = Format.byName(member);
            if (format == null || Format.isClutter(member)) {
                out.skipped();
                continue;
            }
            read(source + "!/" + member, member, format, new Unclosable(archive), null);
        }
    }

    private void evtx(String source, InputStream in, @Nullable Path file) throws IOException {
        if (file != null) {
            EvtxReader.read(file, source, out::deliver, out::problem);
            return;
        }
        // the EVTX reader needs random access: an archive member is held in memory, within a bound
        byte[] bytes = in.readNBytes(MAX_EVTX_IN_MEMORY + 1);
        if (bytes.length > MAX_EVTX_IN_MEMORY) {
            out.parseError(
                    source,
                    "",
                    "this EVTX archive member is larger than " + (MAX_EVTX_IN_MEMORY >> 20)
                            + " MiB: extract it from the archive and read the file");
            return;
        }
        EvtxReader.read(bytes, source, out::deliver, out::problem);
    }

    /** Keeps readers that wrap a shared stream (a zip member, a file) from closing it under us. */
    static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
