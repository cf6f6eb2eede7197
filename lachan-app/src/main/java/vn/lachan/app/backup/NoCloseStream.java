package vn.lachan.app.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes writes through but leaves the underlying stream open on close, so the caller can force it to disk. */
final class NoCloseStream extends FilterOutputStream {
    NoCloseStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
