package io.lanyard.core.testing;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.Map;

/** JSON for test fixtures, with the JSON writer Nimbus already brings. */
final class Json {

    private Json() {
    }

    static String write(Map<String, Object> value) {
        return JSONObjectUtils.toJSONString(value);
    }
}
