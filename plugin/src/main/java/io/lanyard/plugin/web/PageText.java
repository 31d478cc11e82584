package io.lanyard.plugin.web;

/**
 * The i18n keys of our pages' fixed text (the texts of error codes are keyed by {@code ErrorCode.i18nKey()}).
 * Every key here must be in {@code lanyard-i18n.properties}, and the file holds no key that is neither here
 * nor an error code's.
 */
public enum PageText {
    ERROR_HEADING("lanyard.page.error.heading"),
    ERROR_CODE("lanyard.page.error.code"),
    ERROR_REFERENCE("lanyard.page.error.reference"),
    ERROR_PROVIDER_ANSWER("lanyard.page.error.provider_answer"),
    ERROR_LAST_CODE("lanyard.page.error.last_code"),
    ERROR_REPORT_HINT("lanyard.page.error.report_hint"),
    TRY_AGAIN("lanyard.page.try_again"),
    LOCAL_LOGIN("lanyard.page.local_login"),
    CHOOSER_TITLE("lanyard.page.chooser.title"),
    CHOOSER_INTRO("lanyard.page.chooser.intro"),
    CHOOSER_NONE("lanyard.page.chooser.none"),
    CHOOSER_EMAIL_LABEL("lanyard.page.chooser.email_label"),
    CHOOSER_EMAIL_BUTTON("lanyard.page.chooser.email_button"),
    CHOOSER_OR("lanyard.page.chooser.or"),
    CHOOSER_REMEMBER("lanyard.page.chooser.remember"),
    SIGN_IN_WITH("lanyard.page.sign_in_with"),
    LOGGED_OUT_TITLE("lanyard.page.logged_out.title"),
    LOGGED_OUT_TEXT("lanyard.page.logged_out.text"),
    SIGN_IN_AGAIN("lanyard.page.logged_out.sign_in_again"),
    OUTAGE_TEXT("lanyard.page.outage.text"),
    OUTAGE_ADMIN("lanyard.page.outage.admin");

    private final String key;

    PageText(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
