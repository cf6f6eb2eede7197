package vn.lachan.ingest.evtx;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.lachan.ingest.evtx.XmlNode.Template;
import vn.lachan.ingest.evtx.XmlNode.TemplateInstance;

/** Reads a template instance's substitution array: a count, a size and type per value, then the values. */
final class SubstitutionValues {
    private SubstitutionValues() {}

    static TemplateInstance read(Cursor in, Template template, BinXmlParser parser, int depth) {
        long count = in.u32();
        // Each descriptor takes 4 bytes: this bounds the count by the bytes really there.
        in.require(count * 4);
        int[] sizes = new int[(int) count];
        int[] types = new int[(int) count];
        for (int i = 0; i < count; i++) {
            sizes[i] = in.u16();
            types[i] = in.u8();
            in.u8();
        }
        List<@Nullable Object> values = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            in.require(sizes[i]);
            values.add(ValueDecoder.decode(in.data, in.pos, sizes[i], types[i], parser, depth));
            in.pos += sizes[i];
        }
        return new TemplateInstance(template, values);
    }
}
