package vn.lachan.sigma.rule;

/** Names a comparison between an event's number and a rule's number. */
public enum Comparison {
    LT,
    LTE,
    GT,
    GTE,
    EQ,
    NEQ;

    /** Returns whether {@code left <op> right} holds, given {@code Double.compare(left, right)}. */
    public boolean holds(int compared) {
        return switch (this) {
            case LT -> compared < 0;
            case LTE -> compared <= 0;
            case GT -> compared > 0;
            case GTE -> compared >= 0;
            case EQ -> compared == 0;
            case NEQ -> compared != 0;
        };
    }
}
