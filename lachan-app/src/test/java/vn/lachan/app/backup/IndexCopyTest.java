package vn.lachan.app.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies a Lucene index whose writer commits a merge in the middle of the copy, deleting the files
 * the copy was reading: the copy must start over and land on a commit that opens whole.
 */
class IndexCopyTest {
    @TempDir
    Path source;

    @TempDir
    Path target;

    /** Commits a merge of everything once, when the copy has linked its first file. */
    private static final class MergingCopier extends FileCopier {
        private final IndexWriter writer;
        private boolean merged;

        MergingCopier(IndexWriter writer) {
            this.writer = writer;
        }

        @Override
        void linkOrCopy(Path from, Path to) throws IOException {
            super.linkOrCopy(from, to);
            if (!merged) {
                merged = true;
                add(writer, 100, 150);
                writer.forceMerge(1);
                writer.commit();
            }
        }
    }

    @Test
    void aMergeCommittedDuringTheCopySendsItRoundAgainOntoTheNewestCommit() throws IOException {
        try (Directory directory = FSDirectory.open(source);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int segment = 0; segment < 4; segment++) {
                add(writer, segment * 25, segment * 25 + 25);
                writer.commit();
            }
            assertThat(IndexCopy.isIndex(source)).isTrue();

            int attempts = IndexCopy.copy(source, target, new MergingCopier(writer));

            assertThat(attempts).isEqualTo(2);
        }
        try (Directory copy = FSDirectory.open(target);
                DirectoryReader reader = DirectoryReader.open(copy)) {
            assertThat(reader.numDocs()).isEqualTo(150);
            assertThat(reader.leaves()).hasSize(1);
        }
    }

    @Test
    void aFolderWithoutACommitIsNoIndex() throws IOException {
        assertThat(IndexCopy.isIndex(source)).isFalse();
    }

    private static void add(IndexWriter writer, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            Document document = new Document();
            document.add(new StringField("id", Integer.toString(i), Field.Store.YES));
            writer.addDocument(document);
        }
    }
}
