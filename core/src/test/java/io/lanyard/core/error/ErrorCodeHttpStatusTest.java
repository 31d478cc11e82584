package io.lanyard.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every code's HTTP status is the one the README's status table (Troubleshooting by error code) gives it, and the
 * table names every code exactly once: the status says whose fault a failure is, and a person can look it up.
 */
class ErrorCodeHttpStatusTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern ROW = Pattern.compile("^\\| (\\d{3}) \\| [^|]+ \\| ([^|]+) \\|$");
    /** {@code `LNY-400`} or a range {@code `LNY-400`–`LNY-406`} (every code between, both included). */
    private static final Pattern ENTRY = Pattern.compile("`LNY-(\\d{3})`(?:–`LNY-(\\d{3})`)?");

    private static Map<ErrorCode, Integer> readmeStatus;

    @BeforeAll
    static void readTheReadmeTable() throws IOException {
        readmeStatus = new EnumMap<>(ErrorCode.class);
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (!row.matches()) {
                continue;
            }
            int status = Integer.parseInt(row.group(1));
            Matcher entry = ENTRY.matcher(row.group(2));
            while (entry.find()) {
                int first = Integer.parseInt(entry.group(1));
                int last = entry.group(2) == null ? first : Integer.parseInt(entry.group(2));
                for (ErrorCode code : ErrorCode.values()) {
                    int number = Integer.parseInt(code.code().substring("LNY-".length()));
                    if (number >= first && number <= last) {
                        Integer earlier = readmeStatus.put(code, status);
                        assertThat(earlier).as("%s is in the README's status table once", code).isNull();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeAnswersTheStatusTheReadmeGivesIt(ErrorCode code) {
        assertThat(readmeStatus).as("README status table").containsKey(code);
        assertThat(code.httpStatus()).isEqualTo(readmeStatus.get(code));
    }

    @Test
    void aStaleBookmarkOrAnotherBrowsersCallbackIsTheRequestsFault() {
        assertThat(ErrorCode.IDP_UNKNOWN.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.IDP_DISABLED.httpStatus()).isEqualTo(404);
        assertThat(ErrorCode.STATE_UNKNOWN.httpStatus()).isEqualTo(400);
        assertThat(ErrorCode.LOGIN_EXPIRED.httpStatus()).isEqualTo(400);
    }

    @Test
    void theProviderIsBlamedWith502WhenItAnsweredAnd503WhenItCouldNotBeReached() {
        assertThat(ErrorCode.IDP_ERROR_RESPONSE.httpStatus()).isEqualTo(502);
        assertThat(ErrorCode.ID_TOKEN_SIGNATURE_INVALID.httpStatus()).isEqualTo(502);
        assertThat(ErrorCode.DISCOVERY_UNREACHABLE.httpStatus()).isEqualTo(503);
        assertThat(ErrorCode.TOKEN_ENDPOINT_UNREACHABLE.httpStatus()).isEqualTo(503);
    }

    @Test
    void anIdentityWithoutAUsableAccountIsForbiddenNotAServerError() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.kind() == ErrorCode.Kind.USER_MAPPING) {
                assertThat(code.httpStatus()).as(code.toString()).isEqualTo(403);
            }
        }
    }

    @Test
    void only500ForOurOwnConfigurationTheHostOrABug() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == 500) {
                assertThat(code.kind()).as(code.toString())
                        .isIn(ErrorCode.Kind.CONFIGURATION, ErrorCode.Kind.HOST);
            }
        }
    }
}
