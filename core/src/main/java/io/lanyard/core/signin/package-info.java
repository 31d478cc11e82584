/**
 * The sign-in experience's decisions, servlet-free: which provider an e-mail address signs in with
 * ({@link io.lanyard.core.signin.HomeRealmDiscovery}), the order of the chooser, which accounts a provider may log in
 * ({@link io.lanyard.core.signin.AccountOwnership}), who may use the product's password form while single sign-on is
 * enforced ({@link io.lanyard.core.signin.EmergencyAccessPolicy}, {@link io.lanyard.core.signin.EmergencyAccessFile})
 * and when one browser's logins are a loop ({@link io.lanyard.core.signin.LoginLoop}). The servlet edge turns requests
 * into calls here and the answers into pages.
 */
package io.lanyard.core.signin;
