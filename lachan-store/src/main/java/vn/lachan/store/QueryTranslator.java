package vn.lachan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.InetAddressPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import vn.lachan.core.query.Query;

/**
 * Translates the query language's tree into a Lucene query for one partition, by the types of that
 * partition's fields; a field that the partition never saw matches nothing there.
 */
final class QueryTranslator {
    /** The fields that free text searches besides the analysed message, matched as whole values. */
    static final List<String> DEFAULT_FIELDS =
            List.of("host.name", "user.name", "process.name", "process.command_line", "event.code");

    private final Schema schema;
    private final Analyzer analyzer;
    private final boolean allowLeadingWildcard;
    private final StoredText stored;

    QueryTranslator(Schema schema, Analyzer analyzer, boolean allowLeadingWildcard, StoredText stored) {
        this.stored = stored;
        this.schema = schema;
        this.analyzer = analyzer;
        this.allowLeadingWildcard = allowLeadingWildcard;
    }

    org.apache.lucene.search.Query translate(Query query) {
        return switch (query) {
            case Query.Term t -> term(t.field(), t.value());
            case Query.Phrase p -> phrase(p.field(), p.text());
            case Query.Wildcard w -> wildcard(w.field(), w.pattern());
            case Query.Range r -> RangeTranslator.range(schema, analyzer, r);
            case Query.Exists e -> exists(e.field());
            case Query.Cidr c -> cidr(c);
            case Query.FreeText f -> freeText(f);
            case Query.And a -> bool(a.clauses(), Occur.FILTER);
            case Query.Or o -> bool(o.clauses(), Occur.SHOULD);
            case Query.Not n -> not(n.clause());
            case Query.MatchAll m -> new MatchAllDocsQuery();
        };
    }

    private org.apache.lucene.search.Query bool(List<Query> clauses, Occur occur) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (Query clause : clauses) {
            if (occur == Occur.FILTER && clause instanceof Query.Not n) {
                b.add(translate(n.clause()), Occur.MUST_NOT);
            } else {
                b.add(translate(clause), occur);
                positive = true;
            }
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.FILTER);
        }
        return b.build();
    }

    private org.apache.lucene.search.Query not(Query clause) {
        return new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.FILTER)
                .add(translate(clause), Occur.MUST_NOT)
                .build();
    }

    /**
     * Finds a field by its doc values (ECS keywords, numbers, IPs, dates) or norms (text), by any of its
     * terms (other keywords, which have no doc values), by the values too long to index, or as a conflict.
     */
    private org.apache.lucene.search.Query exists(String field) {
        if (field.equals(EventDocuments.TIME)) {
            return new MatchAllDocsQuery();
        }
        FieldType type = schema.type(field);
        if (type == null) {
            return new MatchNoDocsQuery("no field " + field + " in this partition");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (type.isKeyword() && Schema.ecsType(field) == null) {
            any.add(TermRangeQuery.newStringRange(field, null, null, true, true), Occur.SHOULD);
            any.add(new TermQuery(new Term(EventDocuments.IGNORED, field)), Occur.SHOULD);
        } else {
            any.add(new FieldExistsQuery(field), Occur.SHOULD);
        }
        if (schema.conflicts().containsKey(field)) {
            any.add(new TermQuery(new Term(EventDocuments.CONFLICT, field)), Occur.SHOULD);
        }
        return any.build();
    }

    org.apache.lucene.search.Query term(String field, String value) {
        FieldType type = schema.type(field);
        if (type == null) {
            return new MatchNoDocsQuery("no field " + field + " in this partition");
        }
        org.apache.lucene.search.Query typed = switch (type) {
            case KEYWORD -> new TermQuery(new Term(field, value));
            case KEYWORD_CI -> new TermQuery(new Term(field, value.toLowerCase(Locale.ROOT)));
            case TEXT -> textQuery(field, value);
            case LONG -> exactLong(field, value);
            case DOUBLE -> exactDouble(field, value);
            case IP -> exactIp(field, value);
            case DATE -> exactDate(field, value);
        };
        return orConflict(type, field, value, typed);
    }

    private org.apache.lucene.search.Query orConflict(
            FieldType type, String field, String value, org.apache.lucene.search.Query typed) {
        if (type.isKeyword() || type == FieldType.TEXT || !schema.conflicts().containsKey(field)) {
            return typed;
        }
        return new BooleanQuery.Builder()
                .add(typed, Occur.SHOULD)
                .add(new TermQuery(new Term(EventDocuments.conflictField(field), value)), Occur.SHOULD)
                .build();
    }

    private static org.apache.lucene.search.Query exactLong(String field, String value) {
        Long parsed = Values.parseLong(value);
        return parsed == null ? new MatchNoDocsQuery() : LongField.newExactQuery(field, parsed);
    }

    private static org.apache.lucene.search.Query exactDouble(String field, String value) {
        Double parsed = Values.parseDouble(value);
        return parsed == null ? new MatchNoDocsQuery() : DoubleField.newExactQuery(field, parsed);
    }

    private static org.apache.lucene.search.Query exactIp(String field, String value) {
        return Query.isIp(value)
                ? InetAddressPoint.newExactQuery(field, InetAddress.ofLiteral(value))
                : new MatchNoDocsQuery();
    }

    private static org.apache.lucene.search.Query exactDate(String field, String value) {
        Instant parsed = Values.parseInstant(value);
        if (parsed == null) {
            return new MatchNoDocsQuery();
        }
        if (Values.isDay(value)) {
            long start = parsed.toEpochMilli();
            return LongField.newRangeQuery(
                    field, start, parsed.plus(1, ChronoUnit.DAYS).toEpochMilli() - 1);
        }
        return LongField.newExactQuery(field, parsed.toEpochMilli());
    }

    private org.apache.lucene.search.Query phrase(String field, String text) {
        FieldType type = schema.type(field);
        if (type == FieldType.TEXT) {
            return textQuery(field, text);
        }
        return term(field, text);
    }

    private org.apache.lucene.search.Query textQuery(String field, String text) {
        List<String> tokens = analyze(field, text);
        if (tokens.isEmpty()) {
            return new MatchNoDocsQuery("no words in " + text);
        }
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst()));
        }
        // Positions where a segment has them (layouts 1-2), else the words checked on the stored event.
        return new VerifiedPhraseQuery(field, tokens, analyzer, stored);
    }

    private org.apache.lucene.search.Query wildcard(String field, String pattern) {
        FieldType type = schema.type(field);
        if (type == null) {
            return new MatchNoDocsQuery("no field " + field + " in this partition");
        }
        if (!allowLeadingWildcard && (pattern.startsWith("*") || pattern.startsWith("?"))) {
            throw new Refusal("a wildcard that starts with * or ? (" + field + ":" + pattern
                    + ") reads every value of the field: narrow the time range or start the pattern with"
                    + " a literal");
        }
        String target = switch (type) {
            case KEYWORD -> pattern;
            case KEYWORD_CI, TEXT -> pattern.toLowerCase(Locale.ROOT);
            case LONG, DOUBLE, IP, DATE ->
                throw new Refusal("a wildcard (" + field + ":" + pattern + ") applies to keyword and" + " text fields; "
                        + field + " is a " + type.label() + " field: use a range");
        };
        return new WildcardQuery(new Term(field, target));
    }

    private org.apache.lucene.search.Query cidr(Query.Cidr cidr) {
        FieldType type = schema.type(cidr.field());
        if (type != FieldType.IP) {
            return term(cidr.field(), cidr.network());
        }
        return InetAddressPoint.newPrefixQuery(cidr.field(), cidr.address(), cidr.prefixLength());
    }

    private org.apache.lucene.search.Query freeText(Query.FreeText free) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (schema.type("message") == FieldType.TEXT) {
            b.add(
                    free.kind() == Query.FreeText.Kind.WILDCARD
                            ? wildcard("message", free.text())
                            : textQuery("message", free.text()),
                    Occur.SHOULD);
        }
        for (String field : DEFAULT_FIELDS) {
            if (schema.type(field) != null && !free.text().isEmpty()) {
                b.add(
                        free.kind() == Query.FreeText.Kind.WILDCARD
                                ? wildcard(field, free.text())
                                : term(field, free.text()),
                        Occur.SHOULD);
            }
        }
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? new MatchNoDocsQuery("no free-text field in this partition") : q;
    }

    List<String> analyze(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, EventDocuments.nfc(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                tokens.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a query string in memory", e);
        }
        return tokens;
    }
}
