package io.lanyard.plugin.admin.integration;

import io.lanyard.core.config.IntegrationKind;
import io.lanyard.core.config.TokenIssuerConfig;
import io.lanyard.core.diagnostics.TokenIssuerCheck;
import io.lanyard.core.diagnostics.TokenIssuerCheckReport;
import java.util.Map;

/**
 * "API access": issuers of the access tokens scripts and servers present to the REST API, whose "Test" fetches a
 * token by client credentials and runs it through the whole check. Besides what every kind has: the issuer and how
 * its tokens are checked in the list.
 */
public final class TokenIssuerAdmin implements IntegrationAdmin<TokenIssuerConfig, TokenIssuerForm> {

    private final TokenIssuerCheck check;

    public TokenIssuerAdmin(TokenIssuerCheck check) {
        this.check = check;
    }

    @Override
    public IntegrationKind<TokenIssuerConfig> kind() {
        return IntegrationKind.TOKEN_ISSUER;
    }

    @Override
    public Names names() {
        // A document written before API access existed keeps the issuers in force.
        return new Names("api", "issuer", "tokenIssuers", "tokenIssuers", true);
    }

    @Override
    public Forms<TokenIssuerConfig, TokenIssuerForm> forms() {
        return new Forms<>(TokenIssuerForm.class, TokenIssuerForm::newIssuer, TokenIssuerForm::of,
                TokenIssuerForm.LAYOUT);
    }

    @Override
    public void addColumns(TokenIssuerConfig issuer, Map<String, Object> row) {
        row.put("issuer", issuer.issuer());
        row.put("tokenCheck", issuer.tokenCheck().name());
        row.put("clients", issuer.clientMappings().size());
    }

    @Override
    public Class<TokenIssuerJson> jsonType() {
        return TokenIssuerJson.class;
    }

    @Override
    public IntegrationJson<TokenIssuerConfig> toJson(TokenIssuerConfig config, SecretSection secret) {
        return TokenIssuerJson.of(config, secret);
    }

    @Override
    public TestResult test(TokenIssuerConfig config) {
        TokenIssuerCheckReport report = check.test(config);
        return new TestResult(CheckViews.tokenIssuerReport(report), CheckViews.tokenIssuerReportJson(report));
    }
}
