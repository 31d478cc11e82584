package io.lanyard.sandbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void valueWritesClaimsAsJsonWithTimeClaimsInEpochSeconds() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "alice");
        claims.put("groups", List.of("jira-users", "a\"quote"));
        claims.put("exp", Date.from(Instant.ofEpochSecond(1_700_000_000L)));
        claims.put("email_verified", true);
        claims.put("age", 42L);
        claims.put("ratio", 0.5);
        claims.put("address", Map.of("country", "NZ"));
        claims.put("middle_name", null);
        claims.put("aud", Arrays.asList("lanyard", null));

        assertThat(Json.value(claims)).isEqualTo("{\"sub\":\"alice\",\"groups\":[\"jira-users\",\"a\\\"quote\"],"
                + "\"exp\":1700000000,\"email_verified\":true,\"age\":42,\"ratio\":0.5,\"address\":{\"country\":\"NZ\"},"
                + "\"middle_name\":null,\"aud\":[\"lanyard\",null]}");
    }

    @Test
    void valueEscapesMarkupInsideStrings() {
        assertThat(Json.value(Map.of("name", "</script><b>")))
                .isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003cb\\u003e\"}");
    }
}
