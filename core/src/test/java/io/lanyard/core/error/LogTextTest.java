package io.lanyard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void oneLineReplacesEveryUnicodeLineBreakAndControlCharacterRunWithOneSpace() {
        assertThat(LogText.oneLine("a\r\nb\u0085c\u2028d\u2029e\u0000\u007f\u009bf")).isEqualTo("a b c d e f");
    }

    @Test
    void oneLineKeepsOtherTextAsItIs() {
        assertThat(LogText.oneLine("Ærøskøbing – 東京 \"quoted\"")).isEqualTo("Ærøskøbing – 東京 \"quoted\"");
        assertThat(LogText.oneLine(null)).isEmpty();
    }

    @Test
    void quotedCapsTheValueAtAHundredCharacters() {
        assertThat(LogText.quoted("x".repeat(150))).isEqualTo("\"" + "x".repeat(100) + "…\"");
        assertThat(LogText.quoted("a\u2028b")).isEqualTo("\"a b\"");
        assertThat(LogText.quoted(null)).isEqualTo("(none)");
    }
}
