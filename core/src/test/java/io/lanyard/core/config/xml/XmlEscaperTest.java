package io.lanyard.core.config.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlEscaperTest {

    @Test
    void textEscapesMarkupAndCarriageReturn() {
        assertThat(XmlEscaper.text("a<b>&c]]>\r\n\"'")).isEqualTo("a&lt;b&gt;&amp;c]]&gt;&#13;\n\"'");
    }

    @Test
    void attributeEscapesQuotesAndWhitespaceThatNormalizationWouldChange() {
        assertThat(XmlEscaper.attribute("a\"b'c<&>\t\n\r")).isEqualTo("a&quot;b&apos;c&lt;&amp;&gt;&#9;&#10;&#13;");
    }

    @Test
    void isRepresentableWhenNonAsciiAndSurrogatePairThenTrue() {
        assertThat(XmlEscaper.isRepresentable("Ærø ✓ 😀 \t\n\r")).isTrue();
    }

    @Test
    void isRepresentableWhenControlCharacterThenFalse() {
        assertThat(XmlEscaper.isRepresentable("a\u0001b")).isFalse();
        assertThat(XmlEscaper.isRepresentable("a\u0000")).isFalse();
        assertThat(XmlEscaper.isRepresentable("\uFFFE")).isFalse();
    }

    @Test
    void isRepresentableWhenLoneSurrogateThenFalse() {
        assertThat(XmlEscaper.isRepresentable("a\uD83D")).isFalse();
        assertThat(XmlEscaper.isRepresentable("\uDE00a")).isFalse();
    }
}
