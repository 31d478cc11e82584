package io.lanyard.plugin.web;

/**
 * The frame of the pages people see while signing in (the chooser, the logged-out page): one column, the products'
 * AUI colours and fonts inline (no host decorator is there before a login), readable on a phone and in the mobile
 * apps' WebView.
 */
final class SignInPageFrame {

    static final String STYLE = "body{font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,"
            + "'Helvetica Neue',Arial,sans-serif;color:#172b4d;background:#f4f5f7;margin:0}"
            + "main{max-width:400px;margin:40px auto;background:#fff;padding:32px;border-radius:3px;"
            + "box-shadow:0 1px 3px rgba(9,30,66,.25)}h1{font-size:24px;margin-top:0}"
            + ".providers button,.email button{display:flex;align-items:center;gap:8px;width:100%;margin:8px 0;"
            + "padding:10px;font-size:14px;border:1px solid #dfe1e6;border-radius:3px;background:#fafbfc;cursor:pointer}"
            + ".email button{background:#0052cc;color:#fff;justify-content:center}"
            + ".email input{width:100%;box-sizing:border-box;padding:8px;font-size:14px}"
            + ".providers img{max-height:24px;max-width:48px}#chooser-problem{color:#de350b}"
            + "@media (max-width:480px){main{margin:0;border-radius:0;box-shadow:none}}";

    static final String CLOSE = "</main>\n</body></html>\n";

    private SignInPageFrame() {
    }

    /** The document up to and including the heading; {@code escapedTitle} is already HTML-escaped. */
    static String open(String escapedTitle) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escapedTitle
                + "</title><style>" + STYLE + "</style></head>\n<body>\n<main class=\"aui-page-panel\">\n<h1>"
                + escapedTitle + "</h1>\n";
    }
}
