package io.lanyard.plugin.admin;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lanyard.core.config.EntraConnectorConfig;
import io.lanyard.core.config.IdentityProviderConfig;
import io.lanyard.core.config.LanyardConfiguration;
import io.lanyard.core.entra.EntraEndpoints;
import io.lanyard.core.secret.Secret;
import io.lanyard.core.secret.StoredSecret;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * The admin web over real files holding one identity provider and one Entra ID connector, with WireMock on loopback
 * standing in for Entra ID's token endpoint and Microsoft Graph. Close it after each test.
 */
final class EntraAdminFixture implements AutoCloseable {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
    static final String STORED_SECRET = "St0red-Connector-Secret";

    final WireMockServer entra;
    final AdminWebFixture admin;

    private EntraAdminFixture(WireMockServer entra, AdminWebFixture admin) {
        this.entra = entra;
        this.admin = admin;
    }

    static IdentityProviderConfig provider() {
        return IdentityProviderConfig.builder().id("idp1").displayName("Keycloak")
                .discoveryUrl("https://idp.example.com/realms/acme").clientId("lanyard").build();
    }

    static EntraConnectorConfig connector() {
        return EntraConnectorConfig.builder().id("wdlfqm6se9un").displayName("Contoso").tenantId(TENANT)
                .clientId(CLIENT_ID).clientSecret(StoredSecret.plaintext(Secret.of(STORED_SECRET))).build();
    }

    /** Starts the stand-in, then the admin web with {@link #provider()} and {@link #connector()} saved in {@code home}. */
    static EntraAdminFixture start(Path home) {
        WireMockServer entra = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        entra.start();
        URI base = URI.create("http://127.0.0.1:" + entra.port());
        EntraEndpoints standIn = new EntraEndpoints() {
            @Override
            public URI tokenEndpoint(EntraConnectorConfig c) {
                return EntraEndpoints.tokenEndpointAt(base, c);
            }

            @Override
            public URI graphBaseUrl(EntraConnectorConfig c) {
                return base;
            }
        };
        LanyardConfiguration initial = new LanyardConfiguration(List.of(provider()), List.of(connector()));
        AdminWebFixture admin = new AdminWebFixture(home, initial, AdminWebFixture.filesOnly(), standIn);
        admin.providerXml().save(initial);
        admin.connectorXml().save(initial.entraConnectors());
        return new EntraAdminFixture(entra, admin);
    }

    @Override
    public void close() {
        entra.stop();
    }
}
