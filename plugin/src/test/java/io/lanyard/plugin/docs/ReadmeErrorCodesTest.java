package io.lanyard.plugin.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The README's "Troubleshooting by error code" table lists every code, so no code reaches a person undocumented. */
class ReadmeErrorCodesTest {

    private static final Path README = Path.of("..", "README.md");

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasARowInTheReadme(ErrorCode code) throws Exception {
        assertThat(Files.readString(README)).contains("| `" + code.code() + "` | `" + code.name() + "` |");
    }
}
