package io.lanyard.core.bearer;

/** A request as the bearer check reads it, for tests. */
record TestRequest(String method, String path, String remoteAddress, String forwardedFor) {

    static final BearerRequest<TestRequest> READER = new BearerRequest<>() {
        @Override
        public String method(TestRequest request) {
            return request.method();
        }

        @Override
        public String path(TestRequest request) {
            return request.path();
        }

        @Override
        public String remoteAddress(TestRequest request) {
            return request.remoteAddress();
        }

        @Override
        public String forwardedFor(TestRequest request) {
            return request.forwardedFor();
        }
    };
}
