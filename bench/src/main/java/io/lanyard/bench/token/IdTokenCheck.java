package io.lanyard.bench.token;

/** One way to validate an ID token, set up once with the keys and expectations of a login; per-call work only. */
@FunctionalInterface
public interface IdTokenCheck {

    /**
     * @param rawIdToken the compact serialisation, as the token endpoint returns it
     * @return what the library hands its caller (claims, a token object); never null
     * @throws Exception whatever the library throws when it refuses the token
     */
    Object validate(String rawIdToken) throws Exception;
}
