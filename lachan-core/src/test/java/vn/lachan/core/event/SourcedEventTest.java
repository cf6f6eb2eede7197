package vn.lachan.core.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SourcedEventTest {

    @Test
    void keepsAJsonNullApartFromAMissingField() {
        Map<String, @Nullable Object> fields = new HashMap<>();
        fields.put("User", null);
        SourcedEvent event = new SourcedEvent("a.jsonl", 3, fields);
        assertThat(event.fields()).containsKey("User").doesNotContainKey("Image");
        assertThat(event.index()).isEqualTo(3);
    }

    @Test
    void refusesANegativeIndex() {
        assertThatThrownBy(() -> new SourcedEvent("a.jsonl", -1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }
}
