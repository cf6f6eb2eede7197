package vn.lachan.bench;

/** Names what a measured pass over the events does. */
enum Phase {
    /** Reads and parses every event, then only touches it: the limit the detection can approach. */
    PARSE_ONLY("parse-only"),
    /** Reads and parses every event and runs it through every rule. */
    WITH_RULES("with-rules");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
