/**
 * CI jobs without secrets (issue 17): which trust policy a verified CI job token matches (issuer, audience, claim
 * conditions), and why the others do not. Pure rules on claims; the signature and lifetime are checked before, in
 * {@code core.token.CiTokenValidator}, and the grant is applied on the bearer path ({@code core.bearer}).
 */
package io.lanyard.core.ci;
