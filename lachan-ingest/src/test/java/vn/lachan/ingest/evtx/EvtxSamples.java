package vn.lachan.ingest.evtx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.testkit.Corpus;

/** Real EVTX files from the shared corpus, and a way to read bytes and keep everything the reader says. */
final class EvtxSamples {
    /** One chunk, six Sysmon file-creation records (ids 1..6); the first defines the template inline. */
    static final String SIX_EVENTS = "sigma/regression_data/rules/windows/file/file_event/"
            + "file_event_win_cred_dump_tools_dropped_files/8fbf3271-1ef6-4e94-8210-03c2317947f6.evtx";

    static final int CHUNK = 0x1000;
    static final int[] SIX_EVENT_RECORD_OFFSETS = {0x1200, 0x1b38, 0x1df0, 0x2088, 0x2340, 0x25d8};

    private EvtxSamples() {}

    static byte[] bytes(String corpusPath) {
        try {
            return Files.readAllBytes(Corpus.require(corpusPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> allFiles() {
        try {
            return EvtxCorpusTest.evtxFiles().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one reading produced. */
    record Outcome(EvtxSummary summary, List<SourcedEvent> events, List<Problem> problems) {
        List<String> locations() {
            return problems.stream().map(Problem::location).toList();
        }

        List<Object> recordIds() {
            return events.stream()
                    .map(e -> path(e.fields(), "Event", "System", "EventRecordID"))
                    .toList();
        }
    }

    /** Follows keys through nested maps; fails the test when one is missing. */
    static Object path(Object tree, String... keys) {
        Object at = tree;
        for (String key : keys) {
            if (!(at instanceof java.util.Map<?, ?> map) || map.get(key) == null) {
                throw new AssertionError("no " + key + " in " + at);
            }
            at = map.get(key);
        }
        return at;
    }

    static Outcome read(byte[] file) {
        List<SourcedEvent> events = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        EvtxSummary summary = EvtxReader.read(file, "test.evtx", events::add, problems::add);
        return new Outcome(summary, events, problems);
    }
}
