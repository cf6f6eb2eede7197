package vn.lachan.security.audit;

import java.security.KeyPair;

/** One ML-DSA-65 key pair shared by the tests (generating one takes a moment). */
public final class TestKeys {
    public static final KeyPair KEY = AuditTrailTest.KEY;

    private TestKeys() {}
}
