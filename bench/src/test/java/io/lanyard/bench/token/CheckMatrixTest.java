package io.lanyard.bench.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The check matrix of BENCHMARKS.md as a test: every benchmarked validator accepts the control token, and Lanyard
 * refuses each other row with the code of the rule the row breaks. Also that the matrix's own checks can fail.
 */
class CheckMatrixTest extends WithFixtureKeysServed {

    @Test
    void everyValidatorAcceptsTheControlAndLanyardRefusesEachRowWithItsCode() throws Exception {
        CheckMatrix.Result result = CheckMatrix.run(CheckMatrix.cases(Instant.now()), CheckMatrix.validators(jwks));
        Files.writeString(Path.of("target", "check-matrix.md"), result.markdown()); // the table this build checked

        assertThat(result.violations()).isEmpty();
        assertThat(result.markdown())
                .contains("| valid token (control: every validator must accept) | accepts | accepts | accepts | accepts | accepts |")
                .contains("| `nonce` of another login | accepts | refuses `LNY-427` |")
                .contains("| several audiences, no `azp` | accepts | refuses `LNY-418`, `LNY-419` |");
    }

    @Test
    void everyRowButTheControlNamesTheCodeLanyardMustRefuseItWith() throws Exception {
        List<CheckMatrix.Case> cases = CheckMatrix.cases(Instant.now());

        assertThat(cases.get(0).lanyardRefusal()).isEmpty();
        assertThat(cases.subList(1, cases.size())).allSatisfy(row -> assertThat(row.lanyardRefusal()).isPresent());
    }

    @Test
    void aValidatorThatRefusesTheControlTokenBreaksTheMatrix() throws Exception {
        Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
        validators.put("refuses everything", raw -> {
            throw new IllegalStateException("misconfigured");
        });

        CheckMatrix.Result result = CheckMatrix.run(CheckMatrix.cases(Instant.now()).subList(0, 1), validators);

        assertThat(result.violations()).singleElement().asString()
                .startsWith("refuses everything refuses the valid control token");
    }

    @Test
    void lanyardRefusingARowForAnotherRuleBreaksTheMatrix() throws Exception {
        Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
        validators.put(CheckMatrix.LANYARD, Validators.lanyard("RS256", jwks.uri()));
        CheckMatrix.Case mislabelled = new CheckMatrix.Case("expired, labelled as a nonce failure",
                CheckMatrix.cases(Instant.now()).get(6).token(), Optional.of(ErrorCode.ID_TOKEN_NONCE_MISMATCH));

        CheckMatrix.Result result = CheckMatrix.run(List.of(mislabelled), validators);

        assertThat(result.violations()).singleElement().asString().contains("expected LNY-427");
    }

    @Test
    void lanyardAcceptingARowBreaksTheMatrix() throws Exception {
        Map<String, IdTokenCheck> validators = new LinkedHashMap<>();
        validators.put(CheckMatrix.LANYARD, Validators.lanyard("RS256", jwks.uri()));
        CheckMatrix.Case valid = new CheckMatrix.Case("a valid token said to be refused", TokenFixtures.idToken("RS256"),
                Optional.of(ErrorCode.ID_TOKEN_EXPIRED));

        assertThat(CheckMatrix.run(List.of(valid), validators).violations()).singleElement().asString()
                .startsWith("Lanyard accepts");
    }
}
