package vn.lachan.store;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * Splits text into runs of letters, digits and combining marks, lowercased and folded to ASCII: the
 * analyser of text fields.
 *
 * <p>Several times faster than Lucene's standard (Unicode word-break) tokenizer on long log messages.
 * Folding lets {@code dang nhap} find {@code Đăng nhập} (and the reverse), as analysts type Vietnamese
 * without diacritics as often as with them.
 */
final class WordAnalyzer extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String field) {
        Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(WordAnalyzer::isWordChar);
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
    }

    private static boolean isWordChar(int c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
