package io.lanyard.core.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageTemplateTest {

    @Test
    void insertsEveryValueHtmlEscaped() {
        PageTemplate template = PageTemplate.parse(SignInPage.ERROR,
                "<h1>{{title}}</h1><a href=\"{{tryAgainUrl}}\" title='{{ advice }}'>{{code}}</a>");

        String html = template.render(Map.of("title", "<script>alert(1)</script>", "tryAgainUrl",
                "/x\" onmouseover=\"alert(1)", "advice", "it's `bad` & worse", "code", "LNY-800"));

        assertThat(html).isEqualTo("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"
                + "<a href=\"/x&quot; onmouseover=&quot;alert(1)\" title='it&#39;s &#96;bad&#96; &amp; worse'>LNY-800</a>");
    }

    @Test
    void repeatsASectionPerProviderWithTheItemsFieldsAndTheOuterValues() {
        PageTemplate template = PageTemplate.parse(SignInPage.CHOOSER,
                "{{#providers}}<a href=\"{{url}}\">{{name}} ({{productName}})</a>{{/providers}}"
                        + "{{^providers}}none{{/providers}}");

        assertThat(template.render(Map.of("productName", "Jira", "providers", List.of(
                Map.of("url", "/a", "name", "A<"), Map.of("url", "/b", "name", "B")))))
                .isEqualTo("<a href=\"/a\">A&lt; (Jira)</a><a href=\"/b\">B (Jira)</a>");
        assertThat(template.render(Map.of("providers", List.of()))).isEqualTo("none");
    }

    @Test
    void showsAConditionalSectionForTrueOrNonEmptyValues() {
        PageTemplate template = PageTemplate.parse(SignInPage.ERROR,
                "{{#providerError}}[{{providerError}}]{{/providerError}}{{^lastCode}}no last{{/lastCode}}");

        assertThat(template.render(Map.of("providerError", "access_denied", "lastCode", ""))).isEqualTo(
                "[access_denied]no last");
        assertThat(template.render(Map.of("providerError", "", "lastCode", "LNY-402"))).isEmpty();
    }

    @Test
    void aKnownNameWithoutAValueIsNothing() {
        assertThat(PageTemplate.parse(SignInPage.LOGGED_OUT, "a{{productName}}b").render(Map.of())).isEqualTo("ab");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{{<script>alert(1)</script>}}",
        "{{{title}}}",
        "{{& title}}",
        "{{title",
        "{{unknown}}",
        "{{#providers}}never closed",
        "{{/providers}}",
        "{{#providers}}{{/title}}",
        "{{providers}}",
        "{{ name }}"})
    void refusesAnythingButAKnownTagOfThePage(String source) {
        SignInPage page = source.contains("name") ? SignInPage.ERROR : SignInPage.CHOOSER;
        assertThatThrownBy(() -> PageTemplate.parse(page, source))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CUSTOM_TEMPLATE_INVALID));
    }

    @Test
    void saysWhereTheProblemIs() {
        assertThatThrownBy(() -> PageTemplate.parse(SignInPage.LOGGED_OUT, "<p>\n  {{signInAgain}}</p>"))
                .hasMessageContaining("{{signInAgain}}").hasMessageContaining("line 2, column 3")
                .hasMessageContaining("signInAgainUrl");
    }

    @Test
    void refusesAHugeFile() {
        assertThatThrownBy(() -> PageTemplate.parse(SignInPage.LOGGED_OUT, "x".repeat(PageTemplate.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CUSTOM_TEMPLATE_INVALID));
    }
}
