package io.lanyard.core.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lanyard.core.error.ErrorCode;
import io.lanyard.core.error.LanyardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomPagesTest {

    @TempDir
    Path home;

    @Test
    void withoutAFileThePageIsBuiltIn() {
        assertThat(CustomPages.in(Optional.of(home)).state(SignInPage.CHOOSER)).isInstanceOf(CustomPages.BuiltIn.class);
        assertThat(CustomPages.none().state(SignInPage.ERROR)).isInstanceOf(CustomPages.BuiltIn.class);
    }

    @Test
    void aSavedTemplateIsInForceAtOnceAndRemovingItBringsBackTheBuiltInPage() throws Exception {
        CustomPages pages = CustomPages.in(Optional.of(home));

        pages.save(SignInPage.LOGGED_OUT, "<p>Bye from {{productName}}</p>");

        assertThat(Files.readString(home.resolve("page-logged-out.html"))).isEqualTo("<p>Bye from {{productName}}</p>");
        CustomPages.State state = pages.state(SignInPage.LOGGED_OUT);
        assertThat(state).isInstanceOf(CustomPages.Custom.class);
        assertThat(((CustomPages.Custom) state).template().render(Map.of("productName", "Jira")))
                .isEqualTo("<p>Bye from Jira</p>");
        // another node (a second instance on the same folder) sees it too
        assertThat(CustomPages.in(Optional.of(home)).state(SignInPage.LOGGED_OUT)).isInstanceOf(CustomPages.Custom.class);

        pages.remove(SignInPage.LOGGED_OUT);

        assertThat(pages.state(SignInPage.LOGGED_OUT)).isInstanceOf(CustomPages.BuiltIn.class);
        assertThat(home.resolve("page-logged-out.html")).doesNotExist();
    }

    @Test
    void aBrokenTemplateIsRefusedAtSaveAndNothingIsWritten() {
        CustomPages pages = CustomPages.in(Optional.of(home));

        assertThatThrownBy(() -> pages.save(SignInPage.CHOOSER, "{{<script>}}"))
                .isInstanceOfSatisfying(LanyardException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CUSTOM_TEMPLATE_INVALID));
        assertThat(home.resolve("page-chooser.html")).doesNotExist();
    }

    @Test
    void aFileBrokenByHandIsReportedAndTheBuiltInPageStays() throws Exception {
        Files.writeString(home.resolve("page-error.html"), "{{nope}}");
        CustomPages pages = CustomPages.in(Optional.of(home));

        CustomPages.State state = pages.state(SignInPage.ERROR);

        assertThat(state).isInstanceOfSatisfying(CustomPages.Broken.class, broken ->
                assertThat(broken.problem().errorCode()).isEqualTo(ErrorCode.CUSTOM_TEMPLATE_INVALID));
        assertThat(pages.source(SignInPage.ERROR)).contains("{{nope}}");
    }

    @Test
    void aFileThatIsNotUtf8IsBroken() throws Exception {
        Files.write(home.resolve("page-error.html"), new byte[] {(byte) 0xC3, (byte) 0x28});

        assertThat(CustomPages.in(Optional.of(home)).state(SignInPage.ERROR)).isInstanceOf(CustomPages.Broken.class);
    }
}
