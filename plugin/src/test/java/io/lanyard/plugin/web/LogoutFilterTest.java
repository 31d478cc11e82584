package io.lanyard.plugin.web;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import io.lanyard.plugin.session.RememberMe;
import javax.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class LogoutFilterTest {

    @Test
    void forgetsTheRememberMeCookieThenLetsTheHostLogOut() throws Exception {
        RememberMe rememberMe = mock(RememberMe.class);
        FilterChain chain = mock(FilterChain.class);
        FakeHttp.Request request = FakeHttp.get("/logout");
        FakeHttp.Response response = new FakeHttp.Response();

        new LogoutFilter(rememberMe).doFilter(request.mock, response.mock, chain);

        InOrder order = inOrder(rememberMe, chain);
        order.verify(rememberMe).forget(request.mock, response.mock);
        order.verify(chain).doFilter(request.mock, response.mock);
    }
}
