package vn.lachan.store;

import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermRangeQuery;
import org.jspecify.annotations.Nullable;

/** Translates a range ({@code field:[a TO b]}, {@code field:>=a}) by the field's type in a partition. */
final class RangeTranslator {
    private RangeTranslator() {}

    static Query range(Schema schema, Analyzer analyzer, vn.lachan.core.query.Query.Range range) {
        FieldType type = schema.type(range.field());
        if (type == null) {
            return new MatchNoDocsQuery("no field " + range.field() + " in this partition");
        }
        return switch (type) {
            case KEYWORD -> terms(range, false);
            case KEYWORD_CI, TEXT -> terms(range, true);
            case LONG ->
                longs(range.field(), longBounds(range, range.lower(), true), longBounds(range, range.upper(), false));
            case DATE ->
                longs(range.field(), dateBound(range, range.lower(), true), dateBound(range, range.upper(), false));
            case DOUBLE -> doubles(range);
            case IP -> ips(range);
        };
    }

    private static Query terms(vn.lachan.core.query.Query.Range range, boolean lower) {
        var lo = range.lower();
        var hi = range.upper();
        return TermRangeQuery.newStringRange(
                range.field(),
                lo == null ? null : fold(lo.value(), lower),
                hi == null ? null : fold(hi.value(), lower),
                lo == null || lo.inclusive(),
                hi == null || hi.inclusive());
    }

    private static String fold(String value, boolean lower) {
        return lower ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static Query longs(String field, long lo, long hi) {
        return lo > hi ? new MatchNoDocsQuery("empty range") : LongField.newRangeQuery(field, lo, hi);
    }

    private static long longBounds(
            vn.lachan.core.query.Query.Range range, vn.lachan.core.query.Query.@Nullable Bound bound, boolean lower) {
        if (bound == null) {
            return lower ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        Double parsed = Values.parseDouble(bound.value());
        if (parsed == null) {
            throw badBound(range, bound, "a number");
        }
        double d = parsed;
        if (lower) {
            long ceil = (long) Math.ceil(d);
            return !bound.inclusive() && ceil == d ? ceil + 1 : ceil;
        }
        long floor = (long) Math.floor(d);
        return !bound.inclusive() && floor == d ? floor - 1 : floor;
    }

    private static long dateBound(
            vn.lachan.core.query.Query.Range range, vn.lachan.core.query.Query.@Nullable Bound bound, boolean lower) {
        if (bound == null) {
            return lower ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        Instant parsed = Values.parseInstant(bound.value());
        if (parsed == null) {
            throw badBound(range, bound, "a date (2026-03-01 or 2026-03-01T08:00:00Z)");
        }
        long ms = parsed.toEpochMilli();
        boolean day = Values.isDay(bound.value());
        if (lower) {
            // A day excluded as lower bound starts after that whole day.
            return bound.inclusive()
                    ? ms
                    : day ? parsed.plus(1, ChronoUnit.DAYS).toEpochMilli() : ms + 1;
        }
        // A day included as upper bound runs to its end.
        return bound.inclusive() ? (day ? parsed.plus(1, ChronoUnit.DAYS).toEpochMilli() - 1 : ms) : ms - 1;
    }

    private static Query doubles(vn.lachan.core.query.Query.Range range) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        var l = range.lower();
        var u = range.upper();
        if (l != null) {
            lo = doubleBound(range, l);
            lo = l.inclusive() ? lo : Math.nextUp(lo);
        }
        if (u != null) {
            hi = doubleBound(range, u);
            hi = u.inclusive() ? hi : Math.nextDown(hi);
        }
        return lo > hi ? new MatchNoDocsQuery("empty range") : DoubleField.newRangeQuery(range.field(), lo, hi);
    }

    private static double doubleBound(vn.lachan.core.query.Query.Range range, vn.lachan.core.query.Query.Bound b) {
        Double parsed = Values.parseDouble(b.value());
        if (parsed == null) {
            throw badBound(range, b, "a number");
        }
        return parsed;
    }

    private static Query ips(vn.lachan.core.query.Query.Range range) {
        InetAddress lo = range.lower() == null ? InetAddressPoint.MIN_VALUE : ip(range, range.lower());
        InetAddress hi = range.upper() == null ? InetAddressPoint.MAX_VALUE : ip(range, range.upper());
        var l = range.lower();
        var u = range.upper();
        if (l != null && !l.inclusive()) {
            if (lo.equals(InetAddressPoint.MAX_VALUE)) {
                return new MatchNoDocsQuery("empty range");
            }
            lo = InetAddressPoint.nextUp(lo);
        }
        if (u != null && !u.inclusive()) {
            if (hi.equals(InetAddressPoint.MIN_VALUE)) {
                return new MatchNoDocsQuery("empty range");
            }
            hi = InetAddressPoint.nextDown(hi);
        }
        return InetAddressPoint.newRangeQuery(range.field(), lo, hi);
    }

    private static InetAddress ip(vn.lachan.core.query.Query.Range range, vn.lachan.core.query.Query.Bound b) {
        if (!vn.lachan.core.query.Query.isIp(b.value())) {
            throw badBound(range, b, "an IP address");
        }
        return InetAddress.ofLiteral(b.value());
    }

    private static Refusal badBound(
            vn.lachan.core.query.Query.Range range, vn.lachan.core.query.Query.Bound bound, String expected) {
        return new Refusal(
                "the range on " + range.field() + " needs " + expected + " as bound, not '" + bound.value() + "'");
    }
}
