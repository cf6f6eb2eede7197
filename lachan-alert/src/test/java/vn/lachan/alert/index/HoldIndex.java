package vn.lachan.alert.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Holds an alert index open in its own process until its standard input closes (for the lock test). */
final class HoldIndex {
    private HoldIndex() {}

    public static void main(String[] args) throws IOException {
        try (LuceneAlertStore store = LuceneAlertStore.open(Path.of(args[0]))) {
            store.write(java.util.List.of(Alerts.one(Alerts.id(1), Alerts.T0)), 1);
            System.out.println("open");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        System.out.write("closed\n".getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
