package vn.lachan.core.org;

/** Names the kind of a contact point an organization declares (TT 20/2017, Đ6). */
public enum ContactType {
    /**
     * The 24/7 incident response contact (đầu mối ứng cứu sự cố), required of every organization
     * in the network; a change is reported to the coordinator within 24 hours (TT 20 Đ6.1.b).
     */
    UCSC_24_7,
    /** The security monitoring contact (đầu mối giám sát). */
    GIAM_SAT,
    /** The data protection officer (personal data protection contact). */
    DPO
}
