package vn.lachan.app.hunt;

import java.util.List;
import java.util.function.Consumer;
import vn.lachan.core.event.SourcedEvent;
import vn.lachan.core.problem.Problem;
import vn.lachan.sigma.Alert;

/** Turns events into alerts with a loaded set of rules: the seam between the hunt and the Sigma engine. */
interface Detector {

    /** Returns how many rules (detections and correlations) loaded. */
    int rulesLoaded();

    /** Returns one problem per rule document or file that could not be loaded. */
    List<Problem> rejected();

    /** Returns problems in rules, the mapping or placeholders that loaded all the same. */
    List<Problem> warnings();

    /** Gives the alerts {@code event} raises to {@code alerts}; safe to call from several threads. */
    void process(SourcedEvent event, Consumer<Alert> alerts);

    /** Gives the alerts still pending once every event has been processed. */
    void finish(Consumer<Alert> alerts);

    /** Builds a detector from the hunt's options; may fail only for a bug, never for a bad rule. */
    @FunctionalInterface
    interface Factory {
        Detector create(HuntOptions options);
    }
}
