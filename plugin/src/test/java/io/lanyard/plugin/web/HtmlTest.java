package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveHtmlSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void leavesPlainTextAndNonAsciiAlone() {
        assertThat(Html.escape("access_denied Zoë 日本")).isEqualTo("access_denied Zoë 日本");
    }

    @Test
    void escapesAnAlreadyEscapedEntityAgain() {
        assertThat(Html.escape("&lt;")).isEqualTo("&amp;lt;");
    }

    @Test
    void turnsNullIntoEmptyText() {
        assertThat(Html.escape(null)).isEmpty();
    }
}
