package vn.lachan.bench;

/** Says what a pass of the store harness does with each event. */
enum StorePhase {
    /** Reads, parses and normalizes, and builds the stored event; writes nothing. */
    READ_ONLY("read-only"),
    /** Does the same and writes the events to the store in batches. */
    WITH_STORE("with-store");

    private final String label;

    StorePhase(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
