package io.lanyard.bench.token;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ID-token validation with cached keys: Lanyard against the raw JDK signature verification (the floor) and the
 * validators of Nimbus, Spring Security and pac4j, all on the same committed token per algorithm. Every validator
 * is built and run once in the set-up (which also fills the caches of those that fetch keys) and must accept the
 * token, so no benchmark measures a failure path. Each result goes to JMH's blackhole (the return value).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdTokenValidationBenchmark {

    @Param({"RS256", "ES256"})
    public String algorithm;

    private String token;
    private LocalJwksEndpoint jwksEndpoint;
    private IdTokenCheck rawJdk;
    private IdTokenCheck lanyard;
    private IdTokenCheck nimbus;
    private IdTokenCheck spring;
    private IdTokenCheck pac4j;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        token = TokenFixtures.idToken(algorithm);
        jwksEndpoint = new LocalJwksEndpoint(TokenFixtures.publicKeysJson());
        rawJdk = acceptedBy(Validators.rawJdkSignature(algorithm));
        lanyard = acceptedBy(Validators.lanyard(algorithm, jwksEndpoint.uri()));
        nimbus = acceptedBy(Validators.nimbus(algorithm));
        spring = acceptedBy(Validators.spring(algorithm));
        pac4j = acceptedBy(Validators.pac4j(algorithm));
    }

    private IdTokenCheck acceptedBy(IdTokenCheck check) throws Exception {
        if (check.validate(token) == null) {
            throw new IllegalStateException("a validator returned nothing for the fixture token");
        }
        return check;
    }

    @TearDown(Level.Trial)
    public void keysStayedCached() {
        jwksEndpoint.close();
        if (jwksEndpoint.requests() != 1) {
            throw new IllegalStateException("Lanyard fetched the key set " + jwksEndpoint.requests()
                    + " times; the benchmark is meant to measure cached keys");
        }
    }

    @Benchmark
    public Object rawJdkSignature() throws Exception {
        return rawJdk.validate(token);
    }

    @Benchmark
    public Object lanyard() throws Exception {
        return lanyard.validate(token);
    }

    @Benchmark
    public Object nimbusIdTokenValidator() throws Exception {
        return nimbus.validate(token);
    }

    @Benchmark
    public Object springNimbusJwtDecoder() throws Exception {
        return spring.validate(token);
    }

    @Benchmark
    public Object pac4jTokenValidator() throws Exception {
        return pac4j.validate(token);
    }
}
