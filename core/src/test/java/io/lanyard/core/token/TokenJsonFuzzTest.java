package io.lanyard.core.token;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Coverage-guided fuzzing (Jazzer) of the token JSON reader: any bytes give a map or an {@link IOException}, never
 * another exception, and nesting stays bounded.
 */
class TokenJsonFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void tokenJson(byte[] json) {
        try {
            TokenJson.object(json, 0, json.length);
        } catch (IOException refused) {
            // the expected way to say no
        }
    }
}
