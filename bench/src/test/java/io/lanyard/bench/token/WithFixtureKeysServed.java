package io.lanyard.bench.token;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The fixture's public keys served on 127.0.0.1 for the test class, where Lanyard's validator fetches them. */
abstract class WithFixtureKeysServed {

    static LocalJwksEndpoint jwks;

    @BeforeAll
    static void serveKeys() throws Exception {
        jwks = new LocalJwksEndpoint(TokenFixtures.publicKeysJson());
    }

    @AfterAll
    static void stopServingKeys() {
        jwks.close();
    }
}
