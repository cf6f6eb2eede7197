package vn.lachan.core.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void printsSourceLocationAndMessageOnOneLine() {
        assertThat(new Problem("rules/a.yml", "line 7, column 9", "unknown modifier 'contians'"))
                .hasToString("rules/a.yml:line 7, column 9: unknown modifier 'contians'");
        assertThat(new Problem("b.evtx", "", "the file is too short")).hasToString("b.evtx: the file is too short");
    }

    @Test
    void refusesAProblemWithoutAMessage() {
        assertThatThrownBy(() -> new Problem("a", "line 1", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message");
    }
}
