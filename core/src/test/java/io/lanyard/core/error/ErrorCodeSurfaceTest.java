package io.lanyard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the log, the i18n resource and the error page read from a code: stable texts derived from the constant. */
class ErrorCodeSurfaceTest {

    @Test
    void everyCodeHasAKindAnI18nKeyAndAReadableName() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(code.kind()).as(code.name()).isNotNull();
            assertThat(code.i18nKey()).isEqualTo("lanyard.error." + code.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(code).hasToString(code.code() + " " + code.name());
        }
        assertThat(ErrorCode.ID_TOKEN_SIGNATURE_INVALID.kind()).isEqualTo(ErrorCode.Kind.RESPONSE_REJECTED);
    }

    @Test
    void anExceptionNamesItsCodeAndItsMessage() {
        assertThat(new LanyardException(ErrorCode.CONFIG_INVALID, "providers[x].clientId: is required"))
                .hasToString("LanyardException: LNY-100 providers[x].clientId: is required");
    }
}
