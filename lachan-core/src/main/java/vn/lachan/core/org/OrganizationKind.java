package vn.lachan.core.org;

/** Names the kind of an organization in the provincial tree. */
public enum OrganizationKind {
    /** The province itself (UBND tỉnh), usually the root of the tree. */
    PROVINCE,
    /** A department, board or sector of the province (sở, ban, ngành). */
    DEPARTMENT,
    /** A commune's people's committee (UBND xã). */
    COMMUNE,
    /** A ward (phường). */
    WARD,
    /** A public service unit (đơn vị sự nghiệp). */
    PUBLIC_SERVICE_UNIT,
    /** An enterprise (doanh nghiệp), e.g. a state-owned company the center monitors. */
    ENTERPRISE,
    /** The provincial security monitoring center (SOC), which sees every organization. */
    SOC
}
