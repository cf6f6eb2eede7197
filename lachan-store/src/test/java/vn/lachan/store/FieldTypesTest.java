package vn.lachan.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The builder's per-name cache gives what each partition's schema gives, partition by partition. */
class FieldTypesTest {
    @Test
    void eachSchemaKeepsTheTypeItsFirstValueGaveAndEcsFieldsAreMarked() {
        FieldTypes types = new FieldTypes();
        Schema first = new Schema();
        Schema second = new Schema();

        assertThat(types.typeFor(first, "Port", 22L).type()).isEqualTo(FieldType.LONG);
        assertThat(types.typeFor(second, "Port", "ssh").type()).isEqualTo(FieldType.KEYWORD);
        // a later value of another kind does not change a field's type in its partition
        assertThat(types.typeFor(first, "Port", "ssh").type()).isEqualTo(FieldType.LONG);
        assertThat(types.typeFor(second, "Port", 22L).type()).isEqualTo(FieldType.KEYWORD);
        assertThat(first.type("Port")).isEqualTo(FieldType.LONG);
        assertThat(second.type("Port")).isEqualTo(FieldType.KEYWORD);

        assertThat(types.typeFor(first, "host.name", "ws1").ecs()).isTrue();
        assertThat(types.typeFor(first, "host.name", "ws1").type()).isEqualTo(Schema.ecsType("host.name"));
        assertThat(types.typeFor(first, "Hostname", "ws1").ecs()).isFalse();
    }

    @Test
    void manyPartitionsDoNotGrowTheCacheButStillTypeRight() {
        FieldTypes types = new FieldTypes();
        for (int i = 0; i < 100; i++) {
            Schema schema = new Schema();
            Object value = i % 2 == 0 ? (Object) 1L : "text";
            FieldType expected = i % 2 == 0 ? FieldType.LONG : FieldType.KEYWORD;
            assertThat(types.typeFor(schema, "n", value).type()).isEqualTo(expected);
            assertThat(types.typeFor(schema, "n", 1.5).type()).isEqualTo(expected);
        }
    }
}
