package io.lanyard.plugin.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.lanyard.core.error.ErrorCode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanyardTextTest {

    private final LanyardText text = LanyardText.english();

    @Test
    void everyErrorCodeHasATitleAndAdvice() {
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(text.keys()).as(code.name()).contains(code.i18nKey(), LanyardText.adviceKey(code));
            assertThat(text.title(code)).as(code.name()).isNotBlank();
            assertThat(text.advice(code)).as(code.name()).isNotBlank().isNotEqualTo(text.title(code));
        }
    }

    @Test
    void everyPageTextHasAText() {
        for (PageText pageText : PageText.values()) {
            assertThat(text.keys()).contains(pageText.key());
            assertThat(text.get(pageText)).isNotBlank();
        }
    }

    @Test
    void holdsNoKeyThatNothingUses() {
        Set<String> used = new HashSet<>();
        // lanyard.packaging.* are the product descriptors' texts: the descriptor test checks them both ways.
        text.keys().stream().filter(key -> key.startsWith("lanyard.packaging.")).forEach(used::add);
        // lanyard.audit.* are the product audit log's texts: HostAuditLogTest checks them both ways.
        text.keys().stream().filter(key -> key.startsWith("lanyard.audit.")).forEach(used::add);
        for (ErrorCode code : ErrorCode.values()) {
            used.add(code.i18nKey());
            used.add(LanyardText.adviceKey(code));
        }
        Arrays.stream(PageText.values()).map(PageText::key).forEach(used::add);

        // the admin UI's keys are checked against its templates by AdminTextTest
        assertThat(text.keys().stream().filter(key -> !key.startsWith("lanyard.admin."))).isSubsetOf(used);
    }

    @Test
    void userNotFoundAdviceTellsTheUserWhatToDo() {
        assertThat(text.advice(ErrorCode.USER_NOT_FOUND))
                .isEqualTo("Your identity provider confirmed who you are, but there is no matching account here. "
                        + "Ask an administrator to create one.");
    }

    @Test
    void missingKeyShowsTheKeyItself() {
        assertThat(text.get("lanyard.no.such.key")).isEqualTo("lanyard.no.such.key");
    }
}
