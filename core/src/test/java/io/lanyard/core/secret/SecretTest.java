package io.lanyard.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toStringNeverShowsTheValue() {
        assertThat(Secret.of("hunter2-very-secret")).hasToString("Secret[redacted]");
        assertThat(String.valueOf(StoredSecret.plaintext(Secret.of("hunter2-very-secret")))).doesNotContain("hunter2");
        assertThat(ResolvedSecret.found(Secret.of("hunter2-very-secret"), SecretSource.CONFIGURATION_FILE, null).toString())
                .doesNotContain("hunter2");
    }

    @Test
    void equalsComparesValuesAndHashCodeRevealsNothing() {
        assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
        assertThat(Secret.of("abc").hashCode()).isEqualTo(Secret.of("something else").hashCode());
    }

    @Test
    void ofWhenEmptyThenRefused() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revealReturnsTheValueAndEraseDestroysIt() {
        Secret secret = Secret.of("value");
        assertThat(secret.reveal()).isEqualTo("value");

        secret.erase();

        assertThat(secret.reveal()).isNotEqualTo("value");
    }

    @Test
    void storedSecretReadsPlaceholderAndBlankFromXmlText() {
        assertThat(StoredSecret.fromXmlText("USING_ENVIRONMENT_PROPERTY").kind()).isEqualTo(StoredSecret.Kind.EXTERNAL);
        assertThat(StoredSecret.fromXmlText("  ").kind()).isEqualTo(StoredSecret.Kind.NONE);
        assertThat(StoredSecret.fromXmlText("s3cret").plaintext()).contains(Secret.of("s3cret"));
    }
}
