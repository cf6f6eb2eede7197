package vn.lachan.store;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.lachan.core.query.Query;

/** Makes seeded random queries over the fields of {@link TestEvents}, every construct of the language. */
final class QueryGenerator {
    private final Random random;

    QueryGenerator(long seed) {
        this.random = new Random(seed);
    }

    Query next(int depth) {
        int kind = random.nextInt(depth > 0 ? 11 : 8);
        return switch (kind) {
            case 0 -> term();
            case 1 ->
                new Query.Phrase(
                        "message",
                        TestEvents.pick(random, TestEvents.WORDS) + " " + TestEvents.pick(random, TestEvents.WORDS));
            case 2 -> wildcard();
            case 3 -> range();
            case 4 ->
                new Query.Exists(TestEvents.pick(random, List.of("user.name", "tag", "nothing.here", "host.name")));
            case 5 ->
                new Query.Cidr(
                        "source.ip",
                        TestEvents.pick(
                                random,
                                List.of(
                                        "10.0.0.0/23",
                                        "192.168.1.128/25",
                                        "2001:db8::/120",
                                        "10.0.0.0/8",
                                        "0.0.0.0/0")));
            case 6 -> freeText();
            case 7 -> new Query.MatchAll();
            case 8 -> new Query.And(List.of(next(depth - 1), next(depth - 1)));
            case 9 -> new Query.Or(List.of(next(depth - 1), next(depth - 1), next(depth - 1)));
            default -> new Query.Not(next(depth - 1));
        };
    }

    private Query term() {
        return switch (random.nextInt(8)) {
            case 0 -> new Query.Term("host.name", maybeUpper(TestEvents.pick(random, TestEvents.HOSTS)), false);
            case 1 ->
                new Query.Term(
                        "user.name", maybeUpper(TestEvents.pick(random, TestEvents.USERS)), random.nextBoolean());
            case 2 -> new Query.Term("event.code", TestEvents.pick(random, TestEvents.CODES), false);
            case 3 -> new Query.Term("tag", TestEvents.pick(random, TestEvents.TAGS), false);
            case 4 ->
                new Query.Term("destination.port", String.valueOf(TestEvents.pick(random, TestEvents.PORTS)), false);
            case 5 -> new Query.Term("source.ip", "10.0." + random.nextInt(4) + "." + random.nextInt(256), false);
            case 6 -> new Query.Term("message", TestEvents.pick(random, TestEvents.WORDS), false);
            default -> new Query.Term("no.such.field", "x", false);
        };
    }

    private String maybeUpper(String s) {
        return random.nextBoolean() ? s.toUpperCase(Locale.ROOT) : s;
    }

    private Query wildcard() {
        return switch (random.nextInt(5)) {
            case 0 -> new Query.Wildcard("host.name", TestEvents.pick(random, List.of("ws*", "*-01", "D?-0*", "SRV*")));
            case 1 -> new Query.Wildcard("user.name", TestEvents.pick(random, List.of("a?ice", "*o*", "svc*")));
            case 2 -> new Query.Wildcard("tag", TestEvents.pick(random, List.of("g*", "*ta", "Al*")));
            case 3 -> new Query.Wildcard("event.code", TestEvents.pick(random, List.of("46*", "4?2?")));
            default -> new Query.Wildcard("message", TestEvents.pick(random, List.of("pass*", "se?sion", "*ed")));
        };
    }

    private Query range() {
        return switch (random.nextInt(6)) {
            case 0 -> new Query.Range("destination.port", bound("80", true), bound("443", random.nextBoolean()));
            case 1 ->
                new Query.Range(
                        "network.bytes", bound(String.valueOf(random.nextInt(100_000)), random.nextBoolean()), null);
            case 2 -> new Query.Range("risk", bound("2.5", false), bound("7.5", random.nextBoolean()));
            case 3 -> new Query.Range("source.ip", bound("10.0.0.0", true), bound("10.0.1.255", random.nextBoolean()));
            case 4 -> new Query.Range("host.name", bound("A", true), bound("m", false));
            default -> new Query.Range("event.code", null, bound("4625", random.nextBoolean()));
        };
    }

    private static Query.Bound bound(String value, boolean inclusive) {
        return new Query.Bound(value, inclusive);
    }

    private Query freeText() {
        return switch (random.nextInt(4)) {
            case 0 -> new Query.FreeText(TestEvents.pick(random, TestEvents.WORDS), Query.FreeText.Kind.WORD);
            case 1 -> new Query.FreeText(TestEvents.pick(random, TestEvents.HOSTS), Query.FreeText.Kind.WORD);
            case 2 -> new Query.FreeText("session opened", Query.FreeText.Kind.PHRASE);
            default ->
                new Query.FreeText(
                        TestEvents.pick(random, List.of("fail*", "ws-0?", "acc*")), Query.FreeText.Kind.WILDCARD);
        };
    }
}
