package io.lanyard.bench.filter;

import java.util.Enumeration;
import java.util.Map;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpSession;
import javax.servlet.http.HttpSessionContext;

/** A logged-in session: its attributes, read from a map as a container does; every other call fails. */
@SuppressWarnings("deprecation") // HttpSession still declares the Servlet 2.1 methods
public final class StubSession implements HttpSession {

    private final Map<String, Object> attributes;

    public StubSession(Map<String, Object> attributes) {
        this.attributes = Map.copyOf(attributes);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    private static UnsupportedOperationException unsupported(String method) {
        return new UnsupportedOperationException("HttpSession." + method + " is not part of the measured path");
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        throw unsupported("getAttributeNames");
    }

    @Override
    public long getCreationTime() {
        throw unsupported("getCreationTime");
    }

    @Override
    public String getId() {
        throw unsupported("getId");
    }

    @Override
    public long getLastAccessedTime() {
        throw unsupported("getLastAccessedTime");
    }

    @Override
    public int getMaxInactiveInterval() {
        throw unsupported("getMaxInactiveInterval");
    }

    @Override
    public ServletContext getServletContext() {
        throw unsupported("getServletContext");
    }

    @Override
    public HttpSessionContext getSessionContext() {
        throw unsupported("getSessionContext");
    }

    @Override
    public Object getValue(String a0) {
        throw unsupported("getValue");
    }

    @Override
    public String[] getValueNames() {
        throw unsupported("getValueNames");
    }

    @Override
    public void invalidate() {
        throw unsupported("invalidate");
    }

    @Override
    public boolean isNew() {
        throw unsupported("isNew");
    }

    @Override
    public void putValue(String a0, Object a1) {
        throw unsupported("putValue");
    }

    @Override
    public void removeAttribute(String a0) {
        throw unsupported("removeAttribute");
    }

    @Override
    public void removeValue(String a0) {
        throw unsupported("removeValue");
    }

    @Override
    public void setAttribute(String a0, Object a1) {
        throw unsupported("setAttribute");
    }

    @Override
    public void setMaxInactiveInterval(int a0) {
        throw unsupported("setMaxInactiveInterval");
    }
}
