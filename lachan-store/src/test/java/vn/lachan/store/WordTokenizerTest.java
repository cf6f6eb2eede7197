package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.junit.jupiter.api.Test;

/**
 * The one-pass tokenizer gives exactly the tokens (and offsets) of the Lucene chain it replaced, so that
 * partitions written before it are searched with the same terms: CharTokenizer over letters, digits and
 * non-spacing marks, then LowerCaseFilter and ASCIIFoldingFilter, over text in NFC.
 */
class WordTokenizerTest {
    /** The analyser of layouts 1 and 2, kept here as the reference. */
    private static final class ChainAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer tokenizer = CharTokenizer.fromTokenCharPredicate(WordTokenizer::isWordChar);
            return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
        }
    }

    private static final String[] PIECES = {
        "Đăng nhập",
        "thất bại",
        " ",
        "  ",
        "\t",
        "\n",
        ":",
        "\\",
        "-",
        "_",
        ".",
        "C:\\Windows\\System32\\cmd.exe",
        "ProcessGuid: {5e2c7a41-8b1d-4f0a-a3f2-0000001f0a00}",
        "ÆØÅ",
        "straße",
        "İstanbul",
        "ﬁle",
        "µs",
        "ª",
        "×÷",
        "𝒜𝒷",
        "😀",
        "\uD835",
        "e\u0301",
        "a\u0300\u0323",
        "\u0301",
        "Ⅻ",
        "١٢٣",
        "日本語",
        "ǅ",
        "Σίσυφος",
        "x",
        "ABCdef123",
        "0x1F4",
        "ŉ",
        "ǰ",
        "\u00a0",
        "\u200b",
    };

    private static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("message", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term + "@" + offset.startOffset() + "-" + offset.endOffset());
            }
            ts.end();
            out.add("end@" + offset.endOffset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(20) == 0) {
                text.append("a".repeat(200 + random.nextInt(400)));
            } else if (random.nextInt(10) == 0) {
                text.appendCodePoint(random.nextInt(0x3000));
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return Normalizer.normalize(text.toString(), Normalizer.Form.NFC);
    }

    @Test
    void randomTextInNfcGivesTheTokensOfTheLuceneChain() {
        Random random = new Random(11);
        try (Analyzer fast = new WordAnalyzer();
                Analyzer chain = new ChainAnalyzer()) {
            for (int i = 0; i < 20_000; i++) {
                String text = randomText(random);
                assertThat(tokens(fast, text)).as("tokens of %s", text).isEqualTo(tokens(chain, text));
            }
        }
    }

    @Test
    void decomposedVietnameseGivesTheTokensOfComposedText() {
        String composed = "Người dùng Nguyễn Văn Ánh đăng nhập thất bại";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        try (Analyzer fast = new WordAnalyzer()) {
            List<String> words = tokens(fast, composed).stream()
                    .map(t -> t.substring(0, t.indexOf('@')))
                    .toList();
            assertThat(words)
                    .containsExactly("nguoi", "dung", "nguyen", "van", "anh", "dang", "nhap", "that", "bai", "end");
            List<String> fromDecomposed = tokens(fast, decomposed).stream()
                    .map(t -> t.substring(0, t.indexOf('@')))
                    .toList();
            assertThat(fromDecomposed).isEqualTo(words);
        }
    }

    @Test
    void otrfMessagesGiveTheTokensOfTheLuceneChain() throws IOException {
        List<String> messages = new ArrayList<>();
        new OtrfEvents().read(OtrfStoreTest.zips(3), e -> {
            if (e.fields().get("message") instanceof String m && messages.size() < 2_000) {
                messages.add(m);
            }
        });
        assertThat(messages).hasSizeGreaterThan(100);
        try (Analyzer fast = new WordAnalyzer();
                Analyzer chain = new ChainAnalyzer()) {
            for (String m : messages) {
                assertThat(tokens(fast, m)).isEqualTo(tokens(chain, Normalizer.normalize(m, Normalizer.Form.NFC)));
            }
        }
    }
}
