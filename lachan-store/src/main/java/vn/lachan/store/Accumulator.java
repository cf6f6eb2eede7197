package vn.lachan.store;

import java.io.IOException;
import java.time.Instant;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.NumericUtils;
import org.jspecify.annotations.Nullable;
import vn.lachan.core.store.AggregationResult;

/** Gathers one aggregation over the matching documents of every partition, segment by segment. */
interface Accumulator {
    /** Returns the collector for one segment of a partition whose schema gives {@code type} to the field. */
    Leaf leaf(LeafReader reader, @Nullable FieldType type) throws IOException;

    AggregationResult result();

    /** Collects the documents of one segment, in increasing order. */
    interface Leaf {
        Leaf NONE = doc -> {};

        void collect(int doc) throws IOException;

        default void finish() throws IOException {}
    }

    /** Reads the values of a field in one segment as text, whatever its type. */
    abstract class Values {
        abstract boolean advance(int doc) throws IOException;

        abstract int count();

        abstract String text(int i) throws IOException;

        static Values of(LeafReader reader, String field, FieldType type) throws IOException {
            if (type.isKeyword() || type == FieldType.IP) {
                SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
                return new Values() {
                    @Override
                    boolean advance(int doc) throws IOException {
                        return dv.advanceExact(doc);
                    }

                    @Override
                    int count() {
                        return dv.docValueCount();
                    }

                    @Override
                    String text(int i) throws IOException {
                        return dv.lookupOrd(dv.nextOrd()).utf8ToString();
                    }
                };
            }
            SortedNumericDocValues dv = DocValues.getSortedNumeric(reader, field);
            return new Values() {
                @Override
                boolean advance(int doc) throws IOException {
                    return dv.advanceExact(doc);
                }

                @Override
                int count() {
                    return dv.docValueCount();
                }

                @Override
                String text(int i) throws IOException {
                    return numberText(type, dv.nextValue());
                }
            };
        }
    }

    static String numberText(FieldType type, long raw) {
        return switch (type) {
            case DOUBLE -> Double.toString(NumericUtils.sortableLongToDouble(raw));
            case DATE -> Instant.ofEpochMilli(raw).toString();
            default -> Long.toString(raw);
        };
    }

    static double numberValue(FieldType type, long raw) {
        return type == FieldType.DOUBLE ? NumericUtils.sortableLongToDouble(raw) : raw;
    }

    /** Returns a leaf that hands every value of the field in each collected document to the sink, as text. */
    static Leaf perValue(LeafReader reader, String field, FieldType type, java.util.function.Consumer<String> sink)
            throws IOException {
        Values values = Values.of(reader, field, type);
        return doc -> {
            if (values.advance(doc)) {
                for (int i = 0, n = values.count(); i < n; i++) {
                    sink.accept(values.text(i));
                }
            }
        };
    }

    static void requireAggregatable(String field, @Nullable FieldType type) {
        if (type == FieldType.TEXT) {
            throw new Refusal("aggregations need a keyword, number, IP or date field; " + field + " is analysed text");
        }
    }
}
