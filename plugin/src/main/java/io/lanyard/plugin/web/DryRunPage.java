package io.lanyard.plugin.web;

import static io.lanyard.plugin.web.Html.escape;

import io.lanyard.core.login.DryRunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;

/**
 * The "Test sign-in" report, in the administrator's new tab: each step with its result, the claims (values; never the
 * token, its signature or the code), and what the login would do. A plain page like the error page; every value
 * escaped. Nobody is logged in by it.
 */
final class DryRunPage {

    static final String TEST_PARAMETER = "lanyard_test";

    private DryRunPage() {
    }

    static void write(HttpServletResponse response, DryRunReport report) throws IOException {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test sign-in: ")
                .append(escape(report.identityProviderId())).append("</title></head>\n<body>\n")
                .append("<h1>Test sign-in: ").append(escape(report.identityProviderId())).append("</h1>\n")
                .append("<p id=\"dry-run-result\" data-passed=\"").append(report.passed()).append("\">")
                .append(report.passed() ? "Every step passed. Nothing was applied: nobody is signed in, no account "
                        + "or group was changed." : "A step failed; the steps after it did not run. Nothing was "
                        + "applied.").append("</p>\n<table id=\"dry-run-steps\">\n");
        for (DryRunReport.Step step : report.steps()) {
            html.append("<tr class=\"step\" data-passed=\"").append(step.passed()).append("\"><th>")
                    .append(escape(step.name())).append("</th><td>").append(step.passed() ? "passed" : "FAILED")
                    .append("</td><td>").append(escape(step.detail())).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>What the login would do</h2>\n<dl id=\"dry-run-facts\">\n");
        for (Map.Entry<String, String> fact : report.facts().entrySet()) {
            html.append("<dt>").append(escape(fact.getKey())).append("</dt><dd>").append(escape(fact.getValue()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n<h2>Claims</h2>\n<table id=\"dry-run-claims\">\n");
        for (Map.Entry<String, Object> claim : report.claims().entrySet()) {
            html.append("<tr><th>").append(escape(claim.getKey())).append("</th><td>")
                    .append(escape(String.valueOf(claim.getValue()))).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        PrintWriter writer = response.getWriter();
        writer.write(html.toString());
        writer.flush();
    }
}
